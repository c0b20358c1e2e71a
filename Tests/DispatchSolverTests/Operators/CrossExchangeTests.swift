import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct CrossExchangeTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        OperatorFixture.checkRandomDays(16, feasible: 200, infeasible: 200, cached: 1000, screened: 4000) { problem, state, tally in
            for first in state.routes.indices {
                for second in state.routes.indices where second != first {
                    let firstStops = state.routes[first].stops, secondStops = state.routes[second].stops
                    for firstStart in firstStops.indices {
                        for secondStart in 0...secondStops.count {
                            for firstLength in 1...CrossExchange.maxLength where firstStart + firstLength <= firstStops.count {
                                for secondLength in 0...CrossExchange.maxLength where secondStart + secondLength <= secondStops.count {
                                    let firstString = Array(firstStops[firstStart..<(firstStart + firstLength)])
                                    let secondString = Array(secondStops[secondStart..<(secondStart + secondLength)])
                                    var newFirst = firstStops, newSecond = secondStops
                                    newFirst.replaceSubrange(firstStart..<(firstStart + firstLength), with: secondString)
                                    newSecond.replaceSubrange(secondStart..<(secondStart + secondLength), with: firstString)
                                    let move = CrossExchange(firstRoute: first, firstStart: firstStart, firstLength: firstLength,
                                                             secondRoute: second, secondStart: secondStart, secondLength: secondLength)
                                    OperatorFixture.check(move, expected: [first: newFirst, second: newSecond], state, problem, tally: &tally)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Route 0 = (0,10) (20,0) (30,0), route 1 = (10,0) (0,20) (0,30): exchanging the strings of
    /// two after the first stop makes both routes straight, 60 each, for 2(10 + √500 + 10 + 30).
    /// With an empty second string the east string moves behind (10,0): route 1 = (10,0) alone
    /// before, so the change is 60 + 20 − (50 + √500) − 20.
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (20, 0), (30, 0), (10, 0), (0, 20), (0, 30)], couriers: 2)
        var evaluator = SequenceEvaluator(problem)
        let crossed = OperatorFixture.state([[0, 1, 2], [3, 4, 5]], problem)
        let exchange = CrossExchange(firstRoute: 0, firstStart: 1, firstLength: 2, secondRoute: 1, secondStart: 1, secondLength: 2)
        #expect(abs((exchange.delta(crossed, problem, evaluator: &evaluator) ?? 0) - (120 - 2 * (50 + 500.0.squareRoot()))) < 1e-4)
        var applied = crossed
        exchange.apply(&applied, problem)
        #expect(applied.routes[0].stops == [0, 4, 5] && applied.routes[1].stops == [3, 1, 2])

        let lonely = OperatorFixture.state([[0, 1, 2], [3]], problem)
        let move = CrossExchange(firstRoute: 0, firstStart: 1, firstLength: 2, secondRoute: 1, secondStart: 1, secondLength: 0)
        #expect(abs((move.delta(lonely, problem, evaluator: &evaluator) ?? 0) - (60 + 20 - (50 + 500.0.squareRoot()) - 20)) < 1e-4)
    }
}
