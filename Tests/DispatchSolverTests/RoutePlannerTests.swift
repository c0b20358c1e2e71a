import Testing
@testable import DispatchModel
@testable import DispatchSolver
import DispatchPlan
import DispatchCheck

@Suite struct RoutePlannerTests {
    static let quick = SearchOptions(iterations: 1_000, seconds: 3600, seed: 5, workers: 2)

    @Test(arguments: 0..<30)
    func everyPlanPassesTheIndependentChecker(_ seed: Int) {
        let scenario = RandomScenario.make(seed: UInt64(seed), stops: 12 + seed % 20, couriers: 2 + seed % 3)
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
        // Every stop is accounted for exactly once (the checker checks it too; this states it plainly).
        #expect(plan.routes.reduce(0) { $0 + $1.stops.count } + plan.unassigned.count == scenario.stops.count)
    }

    @Test func sameSeedAndIterationLimitGiveTheSamePlan() {
        let scenario = RandomScenario.make(seed: 99, stops: 40, couriers: 3)
        let a = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        let b = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        #expect(a.routes == b.routes)
        #expect(a.unassigned == b.unassigned)
        #expect(PlanWriter.json(a) == PlanWriter.json(b))
    }

    /// Set partitioning runs on small days and literature instances, and is skipped (its time
    /// given to the search) on outlet days above 400 stops, where it has not paid.
    @Test func setPartitioningIsSkippedWhereItDoesNotPay() {
        let options = SearchOptions(iterations: 5, seconds: 3600, seed: 1, workers: 1, localSearch: false)
        let large = OutletDayGenerator(stops: 450, couriers: 6, seed: 3).scenario()
        let skipped = RoutePlanner.plan(large, objective: .outlet, options: options)
        #expect(skipped.statistics["setPartitioningSkipped"] == 1)
        #expect(skipped.statistics["poolSize"] == nil)
        #expect(PlanChecker.violations(skipped, scenario: large) == [])
        var literatureLike = large
        literatureLike.outlet.reloadMinutes = nil
        let run = RoutePlanner.plan(literatureLike, objective: .outlet, options: options)
        #expect(run.statistics["setPartitioningSkipped"] == nil)
        #expect((run.statistics["poolSize"] ?? 0) > 0)
        let small = RandomScenario.make(seed: 4, stops: 30, couriers: 3)
        #expect((RoutePlanner.plan(small, objective: .outlet, options: options).statistics["poolSize"] ?? 0) > 0)
        #expect(RoutePlanner.plan(large, objective: .outlet, options: options, setPartitioning: false).statistics["setPartitioningSkipped"] == nil)
    }

    @Test func outOfZoneStopIsListedNotRouted() {
        var scenario = RandomScenario.make(seed: 3, stops: 10, couriers: 2)
        scenario.stops[4].location = scenario.outlet.location.offset(kilometres: 4, bearing: 0)
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        let entry = plan.unassigned.first { $0.id == scenario.stops[4].id }
        #expect(entry?.reason.hasPrefix("outside the zone: 4.0 km") == true)
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
    }

    @Test func shipmentWhosePickupIsOutOfZoneIsNotRoutedAtAll() throws {
        var scenario = RandomScenario.make(seed: 21, stops: 10, couriers: 2, shipments: false)
        scenario.stops.append(Stop(id: "sp", kind: .shipmentPickup, shipment: "s", location: scenario.outlet.location.offset(kilometres: 4.5, bearing: 1),
                                   weightKg: 1, windows: [scenario.outlet.day]))
        scenario.stops.append(Stop(id: "sd", kind: .shipmentDelivery, shipment: "s", location: scenario.outlet.location.offset(kilometres: 1, bearing: 2),
                                   weightKg: 1, windows: [scenario.outlet.day]))
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        #expect(plan.unassigned.first { $0.id == "sp" }?.reason.hasPrefix("outside the zone") == true)
        #expect(plan.unassigned.first { $0.id == "sd" }?.reason == "the other half of its shipment (sp) cannot be served")
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
    }

    @Test func lowerTiersWaitWhenNotEverythingFits() {
        // One small courier, more parcels than fit: the strategic customer's parcels go out.
        var scenario = RandomScenario.make(seed: 11, stops: 12, couriers: 1, shipments: false)
        scenario.outlet.reloadMinutes = nil // one trip: the day cannot be stretched by reloading
        scenario.couriers[0].capacityKg = 12
        scenario.couriers[0].skills = ["cold"]
        for i in scenario.stops.indices {
            scenario.stops[i].kind = .delivery
            scenario.stops[i].weightKg = 4
            scenario.stops[i].tier = i < 3 ? .strategic : .walkIn
        }
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        let routed = Set(plan.routes.flatMap { $0.stops.map(\.id) })
        #expect(routed == Set(scenario.stops.prefix(3).map(\.id)))
        #expect(plan.unassigned.allSatisfy { $0.reason.hasPrefix("no room left") })
    }

    @Test func aDayThatNeedsTwoTripsGoesOutInTwo() throws {
        // The same twelve 4 kg parcels, a 24 kg tricycle: two trips, every parcel out.
        var scenario = RandomScenario.make(seed: 11, stops: 12, couriers: 1, shipments: false)
        scenario.couriers[0].capacityKg = 24
        scenario.couriers[0].skills = ["cold"]
        for i in scenario.stops.indices {
            scenario.stops[i].kind = .delivery
            scenario.stops[i].weightKg = 4
        }
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
        #expect(plan.unassigned.isEmpty)
        let route = try #require(plan.routes.first)
        #expect(route.trips.count >= 2)
        for trip in route.trips { #expect(trip.peakKg <= 24 + 1e-9) }
        // Each later trip leaves after the reload.
        for t in route.trips.indices.dropFirst() { #expect(route.trips[t].departure >= route.trips[t - 1].returnTime + 10 - 1e-6) }
    }

    @Test func aParcelNeverLeavesBeforeItReachesTheOutlet() throws {
        var scenario = RandomScenario.make(seed: 4, stops: 10, couriers: 2, shipments: false)
        for i in scenario.stops.indices { scenario.stops[i].kind = .delivery; scenario.stops[i].windows = [scenario.outlet.day]; scenario.stops[i].promise = nil }
        scenario.stops[3].availableFrom = 11 * 60
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: Self.quick)
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
        let trip = try #require(plan.routes.flatMap(\.trips).first { $0.stops.contains { $0.id == scenario.stops[3].id } })
        #expect(trip.departure >= 11 * 60)
    }

    @Test func arrivingEarlyAtADoorPromiseCostsAndAtALockerItDoesNot() throws {
        // One parcel 1 km away promised for 10:30-11:30, courier on shift from 08:00.
        let outlet = Outlet(id: "o", name: "o", location: .geographic(lat: 30.2791, lon: 120.1312), day: TimeWindow(start: 8 * 60, end: 20 * 60))
        let courier = Courier(id: "c", name: "c", capacityKg: 100, shift: TimeWindow(start: 8 * 60, end: 20 * 60))
        let stop = Stop(id: "p", location: outlet.location.offset(kilometres: 1, bearing: 1), weightKg: 1, windows: [outlet.day],
                        handover: .door, promise: TimeWindow(start: 10 * 60 + 30, end: 11 * 60 + 30))
        let atTheDoor = Scenario(name: "door", outlet: outlet, couriers: [courier], stops: [stop])
        var intoALocker = atTheDoor
        intoALocker.stops[0].handover = .locker
        let door = RoutePlanner.plan(atTheDoor, objective: .outlet, options: Self.quick)
        let locker = RoutePlanner.plan(intoALocker, objective: .outlet, options: Self.quick)
        #expect(PlanChecker.violations(door, scenario: atTheDoor) == [])
        #expect(PlanChecker.violations(locker, scenario: intoALocker) == [])
        let atDoor = try #require(door.routes.first?.stops.first)
        let atLocker = try #require(locker.routes.first?.stops.first)
        // At the door the courier comes within the slot, never before it…
        #expect(atDoor.start >= 10 * 60 + 30 - 1e-6)
        #expect(atDoor.early == 0)
        #expect(door.promisesBroken == 0)
        // …at a locker nobody waits for it: the parcel goes in at once, early is no broken promise.
        #expect(atLocker.start < 9 * 60)
        #expect(locker.promisesBroken == 0)
        // Waiting for the slot costs: the door plan's objective is higher.
        #expect(door.cost > locker.cost)
    }

    @Test(arguments: 0..<20)
    func everyPlanWithTripsPassesTheIndependentChecker(_ seed: Int) {
        let scenario = RandomScenario.make(seed: UInt64(100 + seed), stops: 15 + seed % 15, couriers: 1 + seed % 3, trips: true)
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: SearchOptions(iterations: 400, seconds: 3600, seed: 5, workers: 1))
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
        #expect(plan.routes.reduce(0) { $0 + $1.stops.count } + plan.unassigned.count == scenario.stops.count)
    }

    /// Two interchangeable couriers and two clusters of buildings: each cluster is the territory of
    /// the courier named for the other side, so only the territory term tells the planner which is
    /// whose. Above 150 stops construction goes territory first (the large-day path).
    @Test(arguments: [40, 200])
    func stopsStayWithTheirTerritoryCourier(_ count: Int) throws {
        let outlet = Outlet(id: "o", name: "o", location: .geographic(lat: 30.2791, lon: 120.1312), zoneRadiusKm: 3,
                            day: TimeWindow(start: 8 * 60, end: 20 * 60))
        var rng = SplitMix64(seed: 7)
        var stops: [Stop] = []
        for i in 0..<count {
            let west = i % 2 == 0
            let building = "\(west ? "w" : "e")\(i % 10)"
            let centre = outlet.location.offset(kilometres: 1.5, bearing: west ? 4.71 : 1.57)
            stops.append(Stop(id: "p\(i)", location: centre.offset(kilometres: 0.4 * rng.unit(), bearing: rng.unit() * 6.283),
                              weightKg: 1, windows: [outlet.day], serviceMinutes: 2, building: building))
        }
        let buildings = Set(stops.compactMap(\.building))
        let couriers = [
            Courier(id: "west-rider", name: "B", capacityKg: 1_000, shift: outlet.day, territory: buildings.filter { $0.hasPrefix("e") }.sorted()),
            Courier(id: "east-rider", name: "A", capacityKg: 1_000, shift: outlet.day, territory: buildings.filter { $0.hasPrefix("w") }.sorted()),
        ]
        let scenario = Scenario(name: "territories", outlet: outlet, couriers: couriers, stops: stops)
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: SearchOptions(iterations: 300, seconds: 3600, seed: 3, workers: 1))
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
        #expect(plan.unassigned.isEmpty)
        for route in plan.routes {
            // Even stops are in the west, the east rider's territory.
            let wrong = route.stops.filter { stop in
                guard let index = Int(stop.id.dropFirst()) else { return true }
                return (index % 2 == 0) != (route.courier == "east-rider")
            }
            #expect(wrong.count == 0, "\(route.courier) serves \(wrong.count) stops of the other territory")
        }
    }
}
