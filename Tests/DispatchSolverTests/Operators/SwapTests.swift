import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct SwapTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        OperatorFixture.checkRandomDays(24, feasible: 200, infeasible: 200, cached: 500, screened: 400) { problem, state, tally in
            for first in state.routes.indices {
                for second in state.routes.indices where second > first {
                    for firstPosition in state.routes[first].stops.indices {
                        for secondPosition in state.routes[second].stops.indices {
                            var firstStops = state.routes[first].stops, secondStops = state.routes[second].stops
                            swap(&firstStops[firstPosition], &secondStops[secondPosition])
                            OperatorFixture.check(Swap(firstRoute: first, firstPosition: firstPosition, secondRoute: second,
                                                       secondPosition: secondPosition),
                                                  expected: [first: firstStops, second: secondStops], state, problem, tally: &tally)
                        }
                    }
                }
            }
        }
    }

    /// Route 0 = (0,10) → (20,0), route 1 = (10,0) → (0,20): each crosses over. Swapping (20,0)
    /// and (0,20) gives two straight routes of 40 for two of 10 + √500 + 20: 80 − 2(30 + √500).
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (20, 0), (10, 0), (0, 20)], couriers: 2)
        let state = OperatorFixture.state([[0, 1], [2, 3]], problem)
        let move = Swap(firstRoute: 0, firstPosition: 1, secondRoute: 1, secondPosition: 1)
        var evaluator = SequenceEvaluator(problem)
        let expected = 80 - 2 * (30 + 500.0.squareRoot())
        #expect(abs((move.delta(state, problem, evaluator: &evaluator) ?? 0) - expected) < 1e-4)
        #expect(abs(move.distanceDelta(state, problem) - expected) < 1e-4)
        var applied = state
        move.apply(&applied, problem)
        #expect(applied.routes[0].stops == [0, 3] && applied.routes[1].stops == [2, 1])
        #expect(abs(applied.cost(problem) - 80) < 1e-4)
    }
}
