import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct TwoOptStarTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        OperatorFixture.checkRandomDays(40, feasible: 200, infeasible: 100, cached: 200, screened: 100) { problem, state, tally in
            for first in state.routes.indices {
                for second in state.routes.indices where second > first {
                    let firstStops = state.routes[first].stops, secondStops = state.routes[second].stops
                    for firstPosition in firstStops.indices {
                        for secondPosition in secondStops.indices {
                            let newFirst = Array(firstStops[...firstPosition]) + Array(secondStops[(secondPosition + 1)...])
                            let newSecond = Array(secondStops[...secondPosition]) + Array(firstStops[(firstPosition + 1)...])
                            let move = TwoOptStar(firstRoute: first, firstPosition: firstPosition, secondRoute: second,
                                                  secondPosition: secondPosition)
                            OperatorFixture.check(move, expected: [first: newFirst, second: newSecond], state, problem, tally: &tally)
                        }
                    }
                }
            }
        }
    }

    /// Route 0 = (0,10) (20,0) (30,0), route 1 = (10,0) (0,20) (0,30): exchanging the tails after
    /// the first stops makes both routes straight, 60 each, for 2(10 + √500 + 10 + 30).
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (20, 0), (30, 0), (10, 0), (0, 20), (0, 30)], couriers: 2)
        let state = OperatorFixture.state([[0, 1, 2], [3, 4, 5]], problem)
        let move = TwoOptStar(firstRoute: 0, firstPosition: 0, secondRoute: 1, secondPosition: 0)
        var evaluator = SequenceEvaluator(problem)
        #expect(abs((move.delta(state, problem, evaluator: &evaluator) ?? 0) - (120 - 2 * (50 + 500.0.squareRoot()))) < 1e-4)
        var applied = state
        move.apply(&applied, problem)
        #expect(applied.routes[0].stops == [0, 4, 5] && applied.routes[1].stops == [3, 1, 2])
    }
}
