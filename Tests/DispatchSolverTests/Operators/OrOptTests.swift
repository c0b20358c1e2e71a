import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct OrOptTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        OperatorFixture.checkRandomDays(24, feasible: 100, infeasible: 100, cached: 500, screened: 200) { problem, state, tally in
            for r in state.routes.indices {
                let stops = state.routes[r].stops
                for start in stops.indices {
                    for length in 1...OrOpt.maxLength where start + length <= stops.count {
                        for after in stops.indices
                        where OrOpt.isValid(start: start, length: length, afterPosition: after, count: stops.count) {
                            // Take the string out, then put it behind the stop that was at `after`.
                            var moved = stops
                            let string = Array(moved[start..<(start + length)])
                            moved.removeSubrange(start..<(start + length))
                            let anchor = after < start ? after : after - length
                            moved.insert(contentsOf: string, at: anchor + 1)
                            OperatorFixture.check(OrOpt(route: r, start: start, length: length, afterPosition: after),
                                                  expected: [r: moved], state, problem, tally: &tally)
                        }
                    }
                }
            }
        }
    }

    @Test func positionsInsideOrJustBeforeTheStringAreNotMoves() {
        #expect(!OrOpt.isValid(start: 2, length: 2, afterPosition: 1, count: 6))
        #expect(!OrOpt.isValid(start: 2, length: 2, afterPosition: 2, count: 6))
        #expect(!OrOpt.isValid(start: 2, length: 2, afterPosition: 3, count: 6))
        #expect(OrOpt.isValid(start: 2, length: 2, afterPosition: 4, count: 6))
        #expect(OrOpt.isValid(start: 2, length: 2, afterPosition: 0, count: 6))
        #expect(!OrOpt.isValid(start: 5, length: 2, afterPosition: 0, count: 6))
    }

    /// (10,0) → (0,10) → (20,0): 10 + 10√2 + √500 + 20. Moving (0,10) behind (20,0): 10 + 10 +
    /// √500 + 10, a change of −10√2.
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(10, 0), (0, 10), (20, 0)], couriers: 1)
        let state = OperatorFixture.state([[0, 1, 2]], problem)
        let move = OrOpt(route: 0, start: 1, length: 1, afterPosition: 2)
        var evaluator = SequenceEvaluator(problem)
        #expect(abs((move.delta(state, problem, evaluator: &evaluator) ?? 0) + 10 * 2.0.squareRoot()) < 1e-4)
        var applied = state
        move.apply(&applied, problem)
        #expect(applied.routes[0].stops == [0, 2, 1])
    }
}
