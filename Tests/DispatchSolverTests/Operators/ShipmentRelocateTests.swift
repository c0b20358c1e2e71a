import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct ShipmentRelocateTests {
    @Test func deltaMatchesTheCostRecomputedFromScratchOnRandomDays() {
        let (days, withReloads) = OperatorFixture.randomDays(24)
        #expect(withReloads >= 6)
        var tally = OperatorFixture.Tally()
        var cheapestChecked = 0
        for (problem, state) in days {
            for pickup in 0..<problem.stopCount where problem.isShipmentPickup[pickup] && state.routeOf[pickup] >= 0 {
                let from = state.routeOf[pickup], delivery = problem.partner[pickup]
                let pickupPosition = state.position[pickup], deliveryPosition = state.position[delivery]
                guard deliveryPosition > pickupPosition else { continue }
                for to in state.routes.indices where to != from {
                    let toStops = state.routes[to].stops
                    for pickupAfter in toStops.indices {
                        for deliveryAfter in pickupAfter..<toStops.count {
                            let fromStops = state.routes[from].stops.filter { $0 != pickup && $0 != delivery }
                            var newTo = toStops
                            newTo.insert(delivery, at: deliveryAfter + 1)
                            newTo.insert(pickup, at: pickupAfter + 1)
                            let move = ShipmentRelocate(fromRoute: from, pickupPosition: pickupPosition, deliveryPosition: deliveryPosition,
                                                        toRoute: to, pickupAfter: pickupAfter, deliveryAfter: deliveryAfter)
                            OperatorFixture.check(move, expected: [from: fromStops, to: newTo], state, problem, tally: &tally)
                        }
                        // The driver's choice keeps the delivery on the pickup's trip.
                        let chosen = ShipmentRelocate.cheapest(fromRoute: from, pickupPosition: pickupPosition, toRoute: to,
                                                               pickupAfter: pickupAfter, state, problem)
                        if let chosen {
                            #expect(chosen.deliveryPosition == deliveryPosition && chosen.deliveryAfter >= pickupAfter)
                            #expect(!toStops[(pickupAfter + 1)..<(chosen.deliveryAfter + 1)].contains(where: problem.isReload))
                            cheapestChecked += 1
                        }
                    }
                }
            }
        }
        #expect(tally.feasible >= 50 && tally.infeasible >= 50 && cheapestChecked >= 20, "\(tally), \(cheapestChecked)")
    }

    /// Route 0 = (0,10) pickup, (30,0), (0,20) delivery: 10 + √1000 + √1300 + 20. Route 1 =
    /// (0,5): 10. The shipment behind (0,5): route 1 = 5 + 5 + 10 + 20, route 0 = 60.
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (30, 0), (0, 20), (0, 5)], couriers: 2, shipments: [(0, 2)])
        let state = OperatorFixture.state([[0, 1, 2], [3]], problem)
        let move = ShipmentRelocate.cheapest(fromRoute: 0, pickupPosition: 0, toRoute: 1, pickupAfter: 0, state, problem)
        #expect(move?.deliveryAfter == 0)
        var evaluator = SequenceEvaluator(problem)
        let expected = 40 + 60 - (30 + 1000.0.squareRoot() + 1300.0.squareRoot()) - 10
        #expect(abs((move?.delta(state, problem, evaluator: &evaluator) ?? 0) - expected) < 1e-4)
        #expect(abs((move?.distanceDelta(state, problem) ?? 0) - expected) < 1e-4)
        var applied = state
        move?.apply(&applied, problem)
        #expect(applied.routes[0].stops == [1] && applied.routes[1].stops == [3, 0, 2])
    }

    @Test func aDeliveryOrAStopOutsideAShipmentIsNotAPickup() {
        let problem = OperatorFixture.planarDay([(0, 10), (30, 0), (0, 20), (0, 5)], couriers: 2, shipments: [(0, 2)])
        let state = OperatorFixture.state([[0, 1, 2], [3]], problem)
        #expect(ShipmentRelocate.cheapest(fromRoute: 0, pickupPosition: 2, toRoute: 1, pickupAfter: 0, state, problem) == nil)
        #expect(ShipmentRelocate.cheapest(fromRoute: 0, pickupPosition: 1, toRoute: 1, pickupAfter: 0, state, problem) == nil)
    }
}
