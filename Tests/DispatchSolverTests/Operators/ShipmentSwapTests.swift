import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct ShipmentSwapTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        var tally = OperatorFixture.Tally()
        var reloadDays = 0
        // Shipments are about one stop in eight: more days than for the other operators.
        for seed in 0..<UInt64(60) {
            let (problem, state) = OperatorFixture.randomDay(seed: seed)
            if state.routes.contains(where: { $0.stops.contains(where: problem.isReload) }) { reloadDays += 1 }
            let pickups = (0..<problem.stopCount).filter { problem.isShipmentPickup[$0] && state.routeOf[$0] >= 0 }
            for first in pickups {
                for second in pickups where state.routeOf[second] > state.routeOf[first] {
                    guard let move = ShipmentSwap.of(problem.partner[first], second, state, problem) else { continue }
                    let firstRoute = state.routeOf[first], secondRoute = state.routeOf[second]
                    let substitution = [first: second, problem.partner[first]: problem.partner[second],
                                        second: first, problem.partner[second]: problem.partner[first]]
                    let newFirst = state.routes[firstRoute].stops.map { substitution[$0] ?? $0 }
                    let newSecond = state.routes[secondRoute].stops.map { substitution[$0] ?? $0 }
                    OperatorFixture.check(move, expected: [firstRoute: newFirst, secondRoute: newSecond], state, problem, tally: &tally)
                }
            }
        }
        #expect(reloadDays >= 10)
        #expect(tally.total >= 20, "\(tally)")
    }

    /// Route 0 = (0,10), pickup (10,0), delivery (20,0); route 1 = (5,0), pickup (0,15),
    /// delivery (0,20). Swapping the shipments straightens both: 40 + 40 for
    /// (10 + 10√2 + 10 + 20) + (5 + √250 + 5 + 20).
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (10, 0), (20, 0), (5, 0), (0, 15), (0, 20)], couriers: 2,
                                                shipments: [(1, 2), (4, 5)])
        let state = OperatorFixture.state([[0, 1, 2], [3, 4, 5]], problem)
        let move = ShipmentSwap.of(2, 4, state, problem)
        #expect(move.map { [$0.firstPickup, $0.firstDelivery, $0.secondPickup, $0.secondDelivery] } == [1, 2, 1, 2])
        var evaluator = SequenceEvaluator(problem)
        let expected = 80 - (40 + 10 * 2.0.squareRoot()) - (30 + 250.0.squareRoot())
        #expect(abs((move?.delta(state, problem, evaluator: &evaluator) ?? 0) - expected) < 1e-4)
        var applied = state
        move?.apply(&applied, problem)
        #expect(applied.routes[0].stops == [0, 4, 5] && applied.routes[1].stops == [3, 1, 2])
        #expect(ShipmentSwap.of(0, 4, state, problem) == nil)
    }
}
