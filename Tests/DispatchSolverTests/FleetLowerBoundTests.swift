import Foundation
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

    /// A Solomon-format day: depot at (0, 0) open 0–100, 25 couriers of 100, and the customers
    /// given as (x, y, ready, due), each of demand 10 and service 10.
    func solomonDay(_ customers: [(x: Int, y: Int, ready: Int, due: Int)]) -> RoutingProblem {
        var lines = ["tight", "", "VEHICLE", "NUMBER     CAPACITY", "  25         100", "", "CUSTOMER",
                     "CUST NO.   XCOORD.   YCOORD.    DEMAND   READY TIME   DUE DATE   SERVICE TIME", "",
                     "    0      0      0      0      0      100      0"]
        for (index, c) in customers.enumerated() {
            lines.append("    \(index + 1)      \(c.x)      \(c.y)      10      \(c.ready)      \(c.due)      10")
        }
        let loaded = SolomonReader.read(text: lines.joined(separator: "\n") + "\n", path: "tight.txt")
        #expect(loaded.errors.isEmpty)
        return ProblemBuilder(scenario: loaded.scenario, objective: .hierarchical).problem
    }

    /// Worked by hand: three customers 10 away from the depot in three directions, each served
    /// in 20–30. Served at 20 and left at 30, the courier reaches either other one at 44 at the
    /// earliest: no two share a route, so three couriers, where capacity (30 of 100) asks for
    /// one. A fourth customer open all day shares a route with any of them and adds nothing.
    @Test func stopsThatCannotShareARouteNeedACourierEach() {
        let problem = solomonDay([(10, 0, 20, 30), (-10, 0, 20, 30), (0, 10, 20, 30), (0, -10, 0, 100)])
        #expect(problem.capacityFleetBound == 1)
        #expect(problem.incompatibleStops.sorted() == [0, 1, 2])
        #expect(problem.fleetLowerBound == 3)
        // Opened until 60, the first one follows either of the others (at 44 < 60): two couriers.
        let looser = solomonDay([(10, 0, 20, 60), (-10, 0, 20, 30), (0, 10, 20, 30), (0, -10, 0, 100)])
        #expect(looser.fleetLowerBound == 2)
        let search = looser.search(SearchOptions(iterations: 300, seconds: 600, seed: 1, workers: 1, localSearch: false),
                                   seed: 1, deadline: ContinuousClock.now + .seconds(600))
        #expect(search.state.unassigned.isEmpty)
        #expect(search.state.usedRoutes == 2)
    }

    /// Random days with tight windows, shipments and couriers of different capacities, speeds and
    /// skills: every two stops the bound says cannot share a route make an infeasible route of
    /// their own, in both orders, on every courier (the route's own schedule and loads decide).
    @Test(arguments: [1, 2, 3, 4, 5, 6])
    func incompatibleStopsMakeNoFeasibleRouteTogether(_ seed: Int) {
        var scenario = RandomScenario.make(seed: 900 + UInt64(seed), stops: 60, couriers: 6, tightWindows: true)
        scenario.outlet.reloadMinutes = nil
        for c in scenario.couriers.indices { scenario.couriers[c].capacityKg = 9 }
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        let clique = problem.incompatibleStops
        #expect(clique.count >= 2, "9 kg couriers cannot carry two of the heavier parcels")
        #expect(Set(clique).count == clique.count)
        for (index, i) in clique.enumerated() {
            for j in clique[(index + 1)...] {
                for v in problem.vehicles.indices {
                    for stops in [[i, j], [j, i]] {
                        var route = Route(vehicle: v)
                        route.stops = stops
                        route.update(problem)
                        #expect(!route.feasible || !problem.canServe(v, i) || !problem.canServe(v, j),
                                "stops \(i) and \(j) share a feasible route on courier \(v)")
                    }
                }
            }
        }
    }

    /// The bound on Solomon's R102, R103 and C101 (when `../shared/instances` is present) is
    /// their best-known fleet.
    @Test(.enabled(if: SharedInstancesPlanTests.available, "../shared/instances is absent: Solomon bounds not checked"),
          arguments: [("R102", 17), ("R103", 13), ("C101", 10), ("R101", 18)])
    func solomonTightDaysNeedTheirBestKnownFleet(_ name: String, _ fleet: Int) throws {
        let path = SharedInstancesPlanTests.root + "/solomon/\(name).txt"
        let loaded = SolomonReader.read(text: try TextFile.read(path), path: path)
        #expect(loaded.errors.isEmpty)
        let problem = ProblemBuilder(scenario: loaded.scenario, objective: .hierarchical).problem
        #expect(problem.fleetLowerBound == fleet)
    }
}
