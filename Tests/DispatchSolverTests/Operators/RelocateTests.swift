import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct RelocateTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        OperatorFixture.checkRandomDays(24, feasible: 200, infeasible: 200, cached: 500, screened: 900) { problem, state, tally in
            for from in state.routes.indices {
                for to in state.routes.indices where to != from {
                    for position in state.routes[from].stops.indices {
                        for after in state.routes[to].stops.indices {
                            var fromStops = state.routes[from].stops, toStops = state.routes[to].stops
                            let stop = fromStops.remove(at: position)
                            toStops.insert(stop, at: after + 1)
                            OperatorFixture.check(Relocate(fromRoute: from, fromPosition: position, toRoute: to, afterPosition: after),
                                                  expected: [from: fromStops, to: toStops], state, problem, tally: &tally)
                        }
                    }
                }
            }
        }
    }

    /// Outlet at the origin; route 0 = (0,10) → (10,0), route 1 = (0,20). Moving (0,10) behind
    /// (0,20) costs route 1 nothing (20 + 10 + 10 = 40 either way) and straightens route 0 from
    /// 10 + 10√2 + 10 to 20: −10√2.
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (10, 0), (0, 20)], couriers: 2)
        let state = OperatorFixture.state([[0, 1], [2]], problem)
        let move = Relocate(fromRoute: 0, fromPosition: 0, toRoute: 1, afterPosition: 0)
        var evaluator = SequenceEvaluator(problem)
        #expect(abs((move.delta(state, problem, evaluator: &evaluator) ?? 0) + 10 * 2.0.squareRoot()) < 1e-4)
        var applied = state
        move.apply(&applied, problem)
        #expect(applied.routes[0].stops == [1] && applied.routes[1].stops == [2, 0])
    }

    /// Lateness counts: (0,10) is promised by 07:15 but served at 07:50 behind (0,30) (35 min
    /// late, 10 a minute). Behind (10,0) in the other route it is served at 07:24.14 (9.14 min
    /// late). Route 0 stays 60 long (30 out, 30 back); route 1 grows from 20 to 10 + 10√2 + 10.
    /// Change: 10√2 + 10 · (9.142 − 35) = −244.437.
    @Test func handComputedLateness() {
        let objective = Objective(unassigned: 1_000_000, latenessPerMinute: 10, perCourier: 0, perDistance: 1, perMinute: 0)
        let problem = OperatorFixture.planarDay([(0, 30), (0, 10), (10, 0)], couriers: 2, objective: objective,
                                                promises: [1: TimeWindow(start: 7 * 60, end: 7 * 60 + 15)])
        let state = OperatorFixture.state([[0, 1], [2]], problem)
        #expect(abs(state.routes[0].lateness - 35) < 1e-4)
        let move = Relocate(fromRoute: 0, fromPosition: 1, toRoute: 1, afterPosition: 0)
        var evaluator = SequenceEvaluator(problem)
        let expected = 10 * 2.0.squareRoot() + 10 * ((10 + 10 * 2.0.squareRoot() - 15) - 35)
        #expect(abs((move.delta(state, problem, evaluator: &evaluator) ?? 0) - expected) < 1e-4)
        #expect(abs(expected + 244.4365) < 1e-3)
    }
}
