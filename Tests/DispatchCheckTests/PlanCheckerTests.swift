import Testing
@testable import DispatchModel
import DispatchPlan
@testable import DispatchCheck

/// Hand-made plans on a tiny planar scenario: depot at (0,0), unit speed, so times are easy to follow.
@Suite struct PlanCheckerTests {
    let scenario: Scenario = {
        let outlet = Outlet(id: "depot", name: "", location: .geographic(lat: 0, lon: 0), zoneRadiusKm: nil, day: TimeWindow(start: 0, end: 100))
        let couriers = [
            Courier(id: "a", name: "a", capacityKg: 10, shift: TimeWindow(start: 0, end: 100), skills: ["cold"]),
            Courier(id: "b", name: "b", capacityKg: 10, shift: TimeWindow(start: 0, end: 100)),
        ]
        let stops = [
            Stop(id: "1", location: .geographic(lat: 0, lon: 10), weightKg: 4, windows: [TimeWindow(start: 0, end: 50)], serviceMinutes: 0),
            Stop(id: "2", location: .geographic(lat: 0, lon: 20), weightKg: 4, windows: [TimeWindow(start: 0, end: 100)], serviceMinutes: 0),
            Stop(id: "3", location: .geographic(lat: 10, lon: 0), weightKg: 4, windows: [TimeWindow(start: 0, end: 100)], serviceMinutes: 0,
                 requiredSkills: ["cold"]),
            Stop(id: "4p", kind: .shipmentPickup, shipment: "s", location: .geographic(lat: 0, lon: 5), weightKg: 2, serviceMinutes: 0),
            Stop(id: "4d", kind: .shipmentDelivery, shipment: "s", location: .geographic(lat: 0, lon: 15), weightKg: 2, serviceMinutes: 0),
        ]
        return Scenario(name: "tiny", outlet: outlet, couriers: couriers, stops: stops, travel: .euclidean(unitsPerMinute: 1))
    }()

    func visit(_ id: String, _ t: Double) -> Plan.Visit { Plan.Visit(id: id, arrival: t, start: t, departure: t) }

    /// One courier's single-trip route.
    func route(_ courier: String, _ stops: [Plan.Visit], back: Double, distance: Double, loadKg: Double = 0) -> Plan.CourierRoute {
        Plan.CourierRoute(courier: courier, trips: [Plan.Trip(departure: 0, returnTime: back, stops: stops, loadKg: loadKg)],
                          distance: distance, shiftStart: 0)
    }

    /// A correct plan: a serves 3; b serves 4p, 1, 4d, 2.
    var good: Plan {
        Plan(routes: [
            route("a", [visit("3", 10)], back: 20, distance: 20, loadKg: 4),
            route("b", [visit("4p", 5), visit("1", 10), visit("4d", 15), visit("2", 20)], back: 40, distance: 40, loadKg: 8),
        ], unassigned: [])
    }

    @Test func correctPlanPasses() {
        #expect(PlanChecker.violations(good, scenario: scenario) == [])
    }

    @Test func lateArrivalIsCaught() {
        var plan = good
        // 1 (due 50) moved after 2 and back: arrives at 30… then make its window unreachable by a detour.
        plan.routes[1].trips[0].stops = [visit("4p", 5), visit("4d", 15), visit("2", 20), visit("1", 30)]
        var s = scenario
        s.stops[0].windows = [TimeWindow(start: 0, end: 25)]
        let v = PlanChecker.violations(plan, scenario: s)
        #expect(v.contains { $0.contains("stop 1: arrives 00:30 after every window") })
    }

    @Test func overloadIsCaught() {
        var plan = good
        plan.routes = [route("a", [visit("4p", 5), visit("1", 10), visit("4d", 15), visit("2", 20), visit("3", 42.360679774997898)],
                             back: 52.360679774997898, distance: 52.360679774997898, loadKg: 12)]
        let v = PlanChecker.violations(plan, scenario: scenario)
        #expect(v.contains { $0.contains("courier a, trip 1: 14.0 kg on board, capacity 10.0 kg") })
    }

    @Test func missingStopIsCaught() {
        var plan = good
        plan.routes[0].trips[0].stops = []
        plan.routes[0].trips[0].loadKg = 0
        #expect(PlanChecker.violations(plan, scenario: scenario).contains("stop 3 is neither routed nor listed as unassigned"))
    }

    @Test func duplicatedStopIsCaught() {
        var plan = good
        plan.unassigned = [Plan.Unassigned(id: "2", reason: "test")]
        #expect(PlanChecker.violations(plan, scenario: scenario).contains("stop 2 appears 2 times"))
    }

    @Test func wrongSkillIsCaught() {
        var plan = good
        plan.routes[0].courier = "b"
        plan.routes[1].courier = "a"
        #expect(PlanChecker.violations(plan, scenario: scenario).contains { $0.contains("stop 3 needs cold; courier b lacks it") })
    }

    @Test func shipmentDeliveredBeforePickupIsCaught() {
        var plan = good
        plan.routes[1].trips[0].stops = [visit("1", 10), visit("4d", 15), visit("4p", 25), visit("2", 40)]
        plan.routes[1].trips[0].returnTime = 60
        plan.routes[1].distance = 60
        let v = PlanChecker.violations(plan, scenario: scenario)
        #expect(v.contains { $0.contains("stop 4d: shipment s delivered before (or without) its pickup") })
    }

    @Test func wrongTimesAreCaught() {
        var plan = good
        plan.routes[1].trips[0].stops[1].arrival = 9
        #expect(PlanChecker.violations(plan, scenario: scenario).contains { $0.contains("stop 1: arrival recomputed 10.0, plan says 9.0") })
    }

    @Test func returningAfterTheShiftIsCaught() {
        var s = scenario
        s.couriers[1].shift = TimeWindow(start: 0, end: 35)
        #expect(PlanChecker.violations(good, scenario: s).contains { $0.contains("courier b: back at 00:40, after the shift ends at 00:35") })
    }

    @Test func backAfterTheShiftFromAScanIsOvertimeButAPlannedStopAfterItIsCaught() {
        var s = scenario
        s.couriers[1].shift = TimeWindow(start: 0, end: 35)
        // Every stop of b scanned: the ride back from the last scan is what happened, not a plan.
        var scanned = good
        for k in scanned.routes[1].trips[0].stops.indices { scanned.routes[1].trips[0].stops[k].status = .done }
        #expect(PlanChecker.violations(scanned, scenario: s) == [])
        // Stop 2 still planned after the scans: planning it makes b late back.
        var planned = scanned
        planned.routes[1].trips[0].stops[3].status = .planned
        #expect(PlanChecker.violations(planned, scenario: s) == ["courier b: back at 00:40, after the shift ends at 00:35"])
    }

    /// Two trips of b: 1 and 2 (8 kg), reload (10 min), then 3 (4 kg, needs cold: give it to a instead) — use 4p/4d.
    var twoTrips: Plan {
        var plan = good
        let first = Plan.Trip(departure: 0, returnTime: 40, stops: [visit("1", 10), visit("2", 20)], loadKg: 8)
        let second = Plan.Trip(departure: 50, returnTime: 80, stops: [visit("4p", 55), visit("4d", 65)], loadKg: 0)
        plan.routes[1] = Plan.CourierRoute(courier: "b", trips: [first, second], distance: 40 + 30, shiftStart: 0)
        return plan
    }

    @Test func twoTripsWithAReloadPass() {
        var s = scenario
        s.outlet.reloadMinutes = 10
        #expect(PlanChecker.violations(twoTrips, scenario: s) == [])
    }

    @Test func tripsNeedReloadsAllowedAndTheReloadTime() {
        var s = scenario
        s.outlet.reloadMinutes = nil
        #expect(PlanChecker.violations(twoTrips, scenario: s).contains { $0.contains("2 trips, but this scenario has no reloads") })
        s.outlet.reloadMinutes = 15
        #expect(PlanChecker.violations(twoTrips, scenario: s).contains { $0.contains("courier b, trip 2: leaves at 00:50, before 00:55") })
    }

    @Test func aTripOverCapacityIsCaught() {
        var s = scenario
        s.outlet.reloadMinutes = 10
        s.couriers[1].capacityKg = 7
        #expect(PlanChecker.violations(twoTrips, scenario: s).contains { $0.contains("courier b, trip 1: 8.0 kg on board, capacity 7.0 kg") })
    }

    @Test func aParcelLeavingBeforeItReachedTheOutletIsCaught() {
        var s = scenario
        s.outlet.reloadMinutes = 10
        s.stops[1].availableFrom = 30
        let v = PlanChecker.violations(twoTrips, scenario: s)
        #expect(v.contains { $0.contains("courier b, trip 1: leaves at 00:00 with 2, which reaches the outlet at 00:30") })
        // Carried on the second trip (which leaves at 00:50) it would be fine.
        s.stops[1].availableFrom = 50
        #expect(PlanChecker.violations(good, scenario: s).contains { $0.contains("which reaches the outlet at 00:50") })
    }

    @Test func arrivingBeforeADoorPromiseMeansWaitingForIt() {
        var s = scenario
        s.stops[2].promise = TimeWindow(start: 12, end: 30)
        // At the door the courier waits for the slot: starting at 10 is wrong…
        #expect(PlanChecker.violations(good, scenario: s).contains { $0.contains("stop 3: start recomputed 12.0, plan says 10.0") })
        // …while at a locker nobody needs to be home: 10 is right.
        s.stops[2].handover = .locker
        #expect(PlanChecker.violations(good, scenario: s) == [])
    }
}
