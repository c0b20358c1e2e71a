import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct TwoOptTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        OperatorFixture.checkRandomDays(24, feasible: 100, infeasible: 100, cached: 500, screened: 40) { problem, state, tally in
            for r in state.routes.indices {
                let stops = state.routes[r].stops
                for lower in stops.indices {
                    for upper in stops.indices where upper > lower {
                        var reversed = stops
                        reversed[lower...upper].reverse()
                        OperatorFixture.check(TwoOpt(route: r, lowerPosition: lower, upperPosition: upper),
                                              expected: [r: reversed], state, problem, tally: &tally)
                    }
                }
            }
        }
    }

    /// (0,10) → (10,0) → (10,10) crosses itself: 10 + 10√2 + 10 + 10√2. Reversing the last two
    /// walks the square's sides: 40.
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (10, 0), (10, 10)], couriers: 1)
        let state = OperatorFixture.state([[0, 1, 2]], problem)
        let move = TwoOpt(route: 0, lowerPosition: 1, upperPosition: 2)
        var evaluator = SequenceEvaluator(problem)
        #expect(abs((move.delta(state, problem, evaluator: &evaluator) ?? 0) - (40 - 20 - 20 * 2.0.squareRoot())) < 1e-4)
        var applied = state
        move.apply(&applied, problem)
        #expect(applied.routes[0].stops == [0, 2, 1])
    }
}
