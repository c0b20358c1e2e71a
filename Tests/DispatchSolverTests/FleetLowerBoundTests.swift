import Testing
import DispatchModel
@testable import DispatchSolver

@Suite struct FleetLowerBoundTests {
    /// Three couriers of 30, 20 and 10 kg (litres unlimited), no reloads, and the stops given.
    func day(_ stops: [(kind: StopKind, shipment: String?, kg: Double)], reloads: Bool = false) -> RoutingProblem {
        let outlet = Outlet(id: "o", name: "test outlet", location: .geographic(lat: 30.2791, lon: 120.1312), zoneRadiusKm: 3,
                            day: TimeWindow(start: 8 * 60, end: 18 * 60), reloadMinutes: reloads ? 10 : nil)
        let couriers = [30.0, 20, 10].enumerated().map { index, kg in
            Courier(id: "c\(index)", name: "courier \(index)", capacityKg: kg, shift: TimeWindow(start: 8 * 60, end: 18 * 60))
        }
        let centre = GeoPoint(lat: 30.2791, lon: 120.1312)
        let placed = stops.enumerated().map { index, stop in
            let point = centre.offset(kilometres: 0.2 + 0.1 * Double(index), bearing: Double(index))
            return Stop(id: "s\(index)", kind: stop.kind, shipment: stop.shipment, location: .geographic(lat: point.lat, lon: point.lon),
                        weightKg: stop.kg, volumeLitres: 1)
        }
        return ProblemBuilder(scenario: Scenario(name: "bound", outlet: outlet, couriers: couriers, stops: placed),
                              objective: .hierarchical).problem
    }

    /// Worked by hand: 35 kg of deliveries need the 30 and 20 kg couriers; 55 kg of pickups need
    /// all three (30 + 20 = 50 < 55); a 40 kg shipment, on board only between its two halves,
    /// counts in neither.
    @Test func couriersLargestFirstCarryTheDeliveriesAndThePickups() {
        let deliveries = day([(.delivery, nil, 20), (.delivery, nil, 15)])
        #expect(deliveries.fleetLowerBound == 2)
        let both = day([(.delivery, nil, 20), (.delivery, nil, 15), (.pickup, nil, 30), (.pickup, nil, 25)])
        #expect(both.fleetLowerBound == 3)
        let withShipment = day([(.delivery, nil, 25), (.shipmentPickup, "x", 40), (.shipmentDelivery, "x", 40)])
        #expect(withShipment.fleetLowerBound == 1)
        // Weightless parcels of a litre each: any courier carries them all.
        let light = day([(.delivery, nil, 0), (.pickup, nil, 0)])
        #expect(light.fleetLowerBound == 1)
    }

    /// Couriers who come back to reload can carry any total: no bound.
    @Test func reloadsLeaveNoBound() {
        let problem = day([(.delivery, nil, 20), (.delivery, nil, 15), (.delivery, nil, 25)], reloads: true)
        #expect(problem.allowsReloads)
        #expect(problem.fleetLowerBound == 0)
    }

    /// Random days without reloads: every plan the search finds that places every stop has at
    /// least the bound's routes, and the search tries no route elimination once it reaches it.
    @Test(arguments: [1, 2, 3, 4])
    func noPlanPlacingEveryStopHasFewerRoutes(_ seed: Int) {
        var scenario = RandomScenario.make(seed: 700 + UInt64(seed), stops: 30, couriers: 8, shipments: false)
        RandomScenario.makeFleetIdentical(&scenario, capacityKg: 25, capacityLitres: 1_000)
        scenario.outlet.reloadMinutes = nil
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        let bound = problem.fleetLowerBound
        #expect(bound >= 2, "the day's deliveries and pickups need more than one 25 kg courier")
        let options = SearchOptions(iterations: 2_000, seconds: 600, seed: UInt64(seed), workers: 1, localSearch: false)
        let result = problem.search(options, seed: UInt64(seed), deadline: ContinuousClock.now + .seconds(600))
        #expect(result.state.unassigned.isEmpty)
        #expect(result.state.usedRoutes >= bound)
        #expect(result.state.routes.allSatisfy { $0.feasible })
    }

    /// A day whose every delivery fills a courier: the first plan already has the bound's routes,
    /// so route elimination takes no step and the whole budget goes to the walk.
    @Test func eliminationTakesNoStepAtTheBound() {
        let problem = day([(.delivery, nil, 30), (.delivery, nil, 20), (.delivery, nil, 10)])
        #expect(problem.fleetLowerBound == 3)
        let options = SearchOptions(iterations: 500, seconds: 600, seed: 1, workers: 1, localSearch: false)
        let result = problem.search(options, seed: 1, deadline: ContinuousClock.now + .seconds(600))
        #expect(result.state.unassigned.isEmpty)
        #expect(result.state.usedRoutes == 3)
        #expect(result.eliminationSteps == 0)
        #expect(result.iterations == 500)
    }
}
