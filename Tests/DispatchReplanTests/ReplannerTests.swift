import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchSolver
import Testing
@testable import DispatchReplan

@Suite struct ReplannerTests {
    /// The planar day (B only when `withB`) replanned at `now` after `events`; the new plan passes the checker.
    static func replanPlanarDay(withB: Bool, events: [ReplanEvent], now: Double) -> ReplanResult {
        let result = Replanner.replan(plan: ReplanTestDays.planarPlan(), scenario: ReplanTestDays.planarDay(withB: withB), events: events,
                                      newStops: [], objective: .outlet, options: ReplanTestDays.options(now: now))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        return result
    }

    @Test func theHandMadePlanPassesTheChecker() {
        #expect(PlanChecker.violations(ReplanTestDays.planarPlan(), scenario: ReplanTestDays.planarDay()) == [])
    }

    @Test func aReplanWithNoEventsAndNoNewStopsChangesNothing() {
        let (day, plan) = ReplanTestDays.small(seed: 11)
        let result = Replanner.replan(plan: plan, scenario: day, events: [], newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: 11 * 60))
        #expect(result.plan == plan)
        #expect(!result.scenarioChanged)
        #expect(result.diff.moved.isEmpty && result.diff.etaChanged.isEmpty && result.diff.promisesBroken.isEmpty)
    }

    @Test func doneStopsKeepTheirScansAndThePositionTimesTheRestOfTheTrip() throws {
        let day = ReplanTestDays.planarDay()
        let plan = ReplanTestDays.planarPlan()
        // A did a1 at 08:40 (late), and was seen at (0, 10) at 08:50 on the way back.
        let events = [ReplanEvent(time: 520, courier: "A", stop: "a1", kind: .done),
                      ReplanEvent(time: 530, courier: "A", kind: .position, location: .planar(x: 0, y: 10))]
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: 535))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let routeA = try #require(result.plan.routes.first { $0.courier == "A" })
        let a1 = try #require(routeA.trips.first?.stops.first)
        #expect(a1.id == "a1" && a1.status == .done && a1.departure == 520 && a1.start == 518)
        let first = try #require(routeA.trips.first)
        // From (0, 10) at 08:50 straight back: 10 minutes.
        #expect(first.resume == Plan.Resume(afterStops: 1, time: 530, location: .planar(x: 0, y: 10)))
        #expect(abs(first.returnTime - 540) < 1e-9)
        #expect(result.state.couriers.first { $0.courier == "A" }?.position == .planar(x: 0, y: 10))
    }

    @Test func aSlotIsKeptByMovingTheStopWhenItsCourierRunsLate() throws {
        // At 09:00 A is still out at (0, 100) with a1 to do: back at 10:42 at the earliest, so x
        // (slot 10:00–10:30) can only be kept by B, who is free at the outlet.
        let events = [ReplanEvent(time: 540, courier: "A", kind: .position, location: .planar(x: 0, y: 100))]
        let result = Self.replanPlanarDay(withB: true, events: events, now: 545)
        let routeB = try #require(result.plan.routes.first { $0.courier == "B" })
        let x = try #require(routeB.stops.first { $0.id == "x" })
        #expect(!x.breaksPromise && x.start >= 600 && x.start <= 630)
        #expect(result.diff.moved == [ReplanDiff.Move(id: "x", from: "A", to: "B")])
        #expect(result.diff.promisesBroken.isEmpty)
    }

    /// A is seen at (0, 10) on the trip with x (0, −20), 10 minutes from the outlet. At 19:10, x
    /// and back would end at 20:02, after the shift (20:00), so x leaves the trip and A is back at
    /// 19:20, too late for another trip. At 19:55 A cannot be back before 20:05 at all: x leaves
    /// the trip just the same, the plan passes the checker (replanPlanarDay) and the diff reports
    /// the overtime.
    @Test(arguments: [(1150.0, 1160.0, false), (1195, 1205, true)])
    func stopsTheCourierCannotServeInItsShiftLeaveTheTripWithAReason(seen: Double, back: Double, late: Bool) throws {
        let events = [ReplanEvent(time: seen, courier: "A", kind: .position, location: .planar(x: 0, y: 10))]
        let result = Self.replanPlanarDay(withB: false, events: events, now: seen + 1)
        let trips = try #require(result.plan.routes.first { $0.courier == "A" }?.trips)
        #expect(trips.last?.stops.isEmpty == true && abs((trips.last?.returnTime ?? 0) - back) < 1e-9)
        let x = try #require(result.plan.unassigned.first { $0.id == "x" })
        #expect(x.reason.hasPrefix("cannot be reached in time on the trip under way"))
        #expect(result.diff.lateBack == (late ? [ReplanDiff.LateBack(courier: "A", back: back, shiftEnd: 1200)] : []))
        #expect(result.diff.promisesBroken.map(\.id) == ["x"])
    }

    @Test func aSlottedStopThatLeavesTheTripUnderWayIsAPromiseNotKept() throws {
        // x's slot was told to its customer, with no promise in the scenario: left unassigned, it is still a promise not kept.
        var day = ReplanTestDays.planarDay(withB: false)
        day.stops[1].promise = nil
        var plan = ReplanTestDays.planarPlan()
        plan.routes[0].trips[1].stops[0].promise = nil
        let events = [ReplanEvent(time: 1150, courier: "A", kind: .position, location: .planar(x: 0, y: 10))]
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: 1151))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        #expect(result.plan.unassigned.map(\.id) == ["x"])
        let broken = try #require(result.diff.promisesBroken.first)
        #expect(broken.id == "x" && broken.contact == .call && broken.customer == "u-elderly" && broken.eta == nil)
        #expect(broken.promise == TimeWindow(start: 600, end: 630))
    }

    @Test func aSlotNoCourierCanKeepIsListedWithTheCustomersChannel() throws {
        let events = [ReplanEvent(time: 540, courier: "A", kind: .position, location: .planar(x: 0, y: 100))]
        let result = Self.replanPlanarDay(withB: false, events: events, now: 545)
        let broken = try #require(result.diff.promisesBroken.first)
        #expect(broken.id == "x" && broken.contact == .call && broken.customer == "u-elderly")
        // A is back at 10:42 (a1 at 10:10, 10:12 + 30 min), reloads until 10:52, x at 11:12.
        #expect(abs((broken.eta ?? 0) - 672) < 1e-6)
        #expect(result.diff.text.contains("call u-elderly about x"))
    }

    @Test func aScanJustBeforeTheShiftEndsFarOutIsOvertimeNotABug() throws {
        // x (0, −20) done at 19:50: A cannot be back before 20:10, 10 minutes after its shift.
        let events = [ReplanEvent(time: 1190, courier: "A", stop: "x", kind: .done)]
        let result = Self.replanPlanarDay(withB: false, events: events, now: 1191)
        let trips = try #require(result.plan.routes.first { $0.courier == "A" }?.trips)
        #expect(trips.last?.stops.map(\.status) == [.done] && abs((trips.last?.returnTime ?? 0) - 1210) < 1e-9)
        #expect(result.diff.lateBack == [ReplanDiff.LateBack(courier: "A", back: 1210, shiftEnd: 1200)])
        #expect(result.diff.text.contains("A back at 20:10, 10 min after the shift ends at 20:00: overtime"))
        let json = result.diff.json(plan: "p.1.json", previous: "p.json")
        #expect(json.contains(#""lateBack": ["#) && json.contains(#"{"courier": "A", "back": 1210, "shiftEnd": 1200, "minutes": 10}"#))
    }

    @Test func aFailedDeliveryGoesBackOrIsRetriedByTheOutletsRule() throws {
        for rule in FailedDeliveryRule.allCases {
            var day = ReplanTestDays.planarDay()
            day.outlet.failedDelivery = rule
            let events = [ReplanEvent(time: 515, courier: "A", stop: "a1", kind: .failed, reason: .notHome)]
            let result = Replanner.replan(plan: ReplanTestDays.planarPlan(), scenario: day, events: events, newStops: [],
                                          objective: .outlet, options: ReplanTestDays.options(now: 520))
            #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
            let a1 = result.plan.routes.flatMap(\.stops).filter { $0.id == "a1" }
            #expect(a1.count == 1)
            switch rule {
            case .returnToOutlet: #expect(a1.first?.status == .failed)
            case .retry:
                // Tried again on a trip that leaves after A brought the parcel back (08:35 + 30 min).
                #expect(a1.first?.status == .planned)
                #expect((a1.first?.start ?? 0) >= 545 + 30)
            }
            #expect(result.diff.failures.first?.reason == "not home")
        }
    }

    @Test func theSameInputAndSeedGiveTheSamePlan() {
        let (day, plan) = ReplanTestDays.small(seed: 8)
        var rng = SplitMix64(seed: 8)
        let events = ReplanTestDays.events(for: plan, now: 11 * 60, rng: &rng)
        let requests = ReplanTestDays.pickups(3, prefix: "n", rng: &rng)
        let options = ReplanOptions(now: 11 * 60, seconds: 3600, iterations: 40, seed: 3, workers: 2)
        let first = Replanner.replan(plan: plan, scenario: day, events: events, newStops: requests, objective: .outlet, options: options)
        let second = Replanner.replan(plan: plan, scenario: day, events: events, newStops: requests, objective: .outlet, options: options)
        var a = first.plan, b = second.plan
        a.statistics = [:]; b.statistics = [:] // timings
        #expect(!events.isEmpty)
        #expect(a == b)
        #expect(first.diff == second.diff)
    }

    @Test func newPickupsGetASlotAroundTheirETAAfterTheAnswer() throws {
        let (day, plan) = ReplanTestDays.small(seed: 5)
        var rng = SplitMix64(seed: 5)
        let requests = ReplanTestDays.pickups(4, prefix: "n", rng: &rng)
        let now = 10.0 * 60
        let result = Replanner.replan(plan: plan, scenario: day, events: [], newStops: requests, objective: .outlet,
                                      options: ReplanTestDays.options(now: now))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        #expect(result.scenarioChanged)
        for request in result.diff.newStops {
            let slot = try #require(request.slot)
            let eta = try #require(request.eta)
            #expect(Double(slot.start) <= eta && eta <= Double(slot.end))
            #expect(Double(slot.start) >= now + 30)
            #expect(result.scenario.stops.first { $0.id == request.id }?.promise == slot)
        }
        #expect(result.diff.newStops.count == 4)
    }
}

@Suite struct CurrentTripTests {
    /// A planar day: A's one trip b1 (0, 10), b2 (0, 40), b3 (5, 10) with the slot 09:00–09:30.
    /// With `published`, the slot is no promise of the scenario: only the plan's `slot`, as
    /// `desk plan --slot-width` tells it to the customer.
    static func day(published: Bool = false, rule: FailedDeliveryRule = .returnToOutlet) -> (Scenario, Plan) {
        let outlet = Outlet(id: "o", name: "planar outlet", location: .planar(x: 0, y: 0), zoneRadiusKm: nil,
                            day: TimeWindow(start: 0, end: 24 * 60), reloadMinutes: 10)
        let all = [TimeWindow(start: 0, end: 1440)]
        let slot = TimeWindow(start: 540, end: 570)
        let stops = [Stop(id: "b1", location: .planar(x: 0, y: 10), windows: all),
                     Stop(id: "b2", location: .planar(x: 0, y: 40), windows: all),
                     Stop(id: "b3", location: .planar(x: 5, y: 10), windows: all, customer: "u-b3", promise: published ? nil : slot)]
        var day = Scenario(name: "planar", outlet: outlet, couriers: [Courier(id: "A", name: "A", capacityKg: 100, shift: TimeWindow(start: 480, end: 1200))],
                           stops: stops, travel: .euclidean(unitsPerMinute: 1))
        day.outlet.failedDelivery = rule
        let toB3 = Double(925).squareRoot(), home = Double(125).squareRoot()
        let trip = Plan.Trip(departure: 480, returnTime: 526 + toB3 + home, stops: [
            Plan.Visit(id: "b1", arrival: 490, start: 490, departure: 492, windows: all),
            Plan.Visit(id: "b2", arrival: 522, start: 522, departure: 524, windows: all),
            Plan.Visit(id: "b3", arrival: 524 + toB3, start: 524 + toB3, departure: 526 + toB3, windows: all,
                       promise: published ? nil : slot, slot: published ? slot : nil),
        ])
        let plan = Plan(name: "planar", routes: [Plan.CourierRoute(courier: "A", trips: [trip], distance: 40 + toB3 + home, shiftStart: 480, reloadMinutes: 10)],
                        unassigned: [])
        return (day, plan)
    }

    @Test func theRestOfATripUnderWayIsResequencedToKeepAPromise() throws {
        let (day, plan) = Self.day()
        #expect(PlanChecker.violations(plan, scenario: day) == [])
        // b1 done 48 minutes late: b2 first would bring b3 at 10:02, 32 minutes late.
        let events = [ReplanEvent(time: 540, courier: "A", stop: "b1", kind: .done)]
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: 545))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let trip = try #require(result.plan.routes.first?.trips.first)
        #expect(trip.stops.map(\.id) == ["b1", "b3", "b2"])
        #expect(trip.stops.allSatisfy { !$0.breaksPromise })
        #expect(result.diff.promisesBroken.isEmpty)
    }

    @Test func aSlotToldToTheCustomerIsAPromiseOnTheTripUnderWay() throws {
        let (day, plan) = Self.day(published: true)
        #expect(PlanChecker.violations(plan, scenario: day) == [])
        // b1 done 48 minutes late: the slot told to b3's customer reorders the rest of the trip, as a promise would.
        let kept = Replanner.replan(plan: plan, scenario: day, events: [ReplanEvent(time: 540, courier: "A", stop: "b1", kind: .done)],
                                    newStops: [], objective: .outlet, options: ReplanTestDays.options(now: 545))
        #expect(PlanChecker.violations(kept.plan, scenario: kept.scenario) == [])
        let trip = try #require(kept.plan.routes.first?.trips.first)
        #expect(trip.stops.map(\.id) == ["b1", "b3", "b2"])
        #expect(trip.stops.last { $0.id == "b3" }?.promise == TimeWindow(start: 540, end: 570))
        #expect(kept.diff.promisesBroken.isEmpty)
        // b1 done at 10:00: b3 can only be reached at 10:05, 35 minutes past its slot, and its customer hears of it.
        let broken = Replanner.replan(plan: plan, scenario: day, events: [ReplanEvent(time: 600, courier: "A", stop: "b1", kind: .done)],
                                      newStops: [], objective: .outlet, options: ReplanTestDays.options(now: 601))
        #expect(PlanChecker.violations(broken.plan, scenario: broken.scenario) == [])
        let b3 = try #require(broken.plan.routes.first?.stops.first { $0.id == "b3" })
        #expect(abs(b3.start - 605) < 1e-9 && abs(b3.late - 35) < 1e-9 && b3.breaksPromise)
        #expect(broken.diff.promisesBroken.map(\.id) == ["b3"])
        #expect(broken.diff.promisesBroken.first?.customer == "u-b3" && broken.diff.promisesBroken.first?.contact == .sms)
    }

    @Test func aRetriedFailureKeepsItsSlotAsAPromiseAndPassesTheChecker() throws {
        let (day, plan) = Self.day(published: true, rule: .retry)
        // b3 fails at 08:35: tried again after A is back and has reloaded, past its slot (09:00–09:30).
        let events = [ReplanEvent(time: 490, courier: "A", stop: "b1", kind: .done),
                      ReplanEvent(time: 515, courier: "A", stop: "b3", kind: .failed, reason: .notHome)]
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: 516))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let b3 = try #require(result.plan.routes.first?.stops.first { $0.id == "b3" })
        #expect(b3.status == .planned && b3.slot == TimeWindow(start: 540, end: 570))
        #expect(b3.late > 0 && result.diff.promisesBroken.map(\.id) == ["b3"])
    }

    @Test func aFailedShipmentDeliveryWhosePickupIsDoneIsRetriedFromTheOutlet() throws {
        let all = [TimeWindow(start: 0, end: 1440)]
        let stops = [Stop(id: "sp", kind: .shipmentPickup, shipment: "s1", location: .planar(x: 0, y: 10), weightKg: 3, windows: all),
                     Stop(id: "sd", kind: .shipmentDelivery, shipment: "s1", location: .planar(x: 10, y: 10), windows: all)]
        var day = Scenario(name: "planar", outlet: Outlet(id: "o", name: "planar outlet", location: .planar(x: 0, y: 0), zoneRadiusKm: nil,
                                                          day: TimeWindow(start: 0, end: 24 * 60), reloadMinutes: 10),
                           couriers: [Courier(id: "A", name: "A", capacityKg: 100, shift: TimeWindow(start: 480, end: 1200))],
                           stops: stops, travel: .euclidean(unitsPerMinute: 1))
        day.outlet.failedDelivery = .retry
        let plan = RoutePlanner.plan(day, objective: .outlet, options: SearchOptions(iterations: 10, seconds: 3600, seed: 1, workers: 1),
                                     setPartitioning: false)
        let first = try #require(plan.routes.first?.trips.first)
        try #require(first.stops.map(\.id) == ["sp", "sd"])
        // The pickup is done, the delivery fails: the parcel comes back with A and is tried again from the outlet.
        let events = [ReplanEvent(time: first.stops[0].departure, courier: "A", stop: "sp", kind: .done),
                      ReplanEvent(time: first.stops[1].departure, courier: "A", stop: "sd", kind: .failed, reason: .notHome)]
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: first.stops[1].departure + 1))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        #expect(result.plan.unassigned.isEmpty)
        let trips = try #require(result.plan.routes.first?.trips)
        let retry = try #require(trips.last)
        #expect(trips.count == 2 && retry.stops.map(\.id) == ["sd"] && retry.stops.first?.status == .planned)
        #expect(retry.departure >= trips[0].returnTime + 10 && abs(retry.loadKg - 3) < 1e-9)
        // A replan while that trip is under way keeps the delivery on it.
        let seen = [ReplanEvent(time: retry.departure + 1, courier: "A", kind: .position, location: .planar(x: 0, y: 1))]
        let later = Replanner.replan(plan: result.plan, scenario: result.scenario, events: seen, newStops: [], objective: .outlet,
                                     options: ReplanTestDays.options(now: retry.departure + 2))
        #expect(PlanChecker.violations(later.plan, scenario: later.scenario) == [])
        #expect(later.plan.unassigned.isEmpty && later.plan.routes.first?.trips.last?.stops.map(\.id) == ["sd"])
    }

    /// The planar day with A's day ending at (0, 50), 70 minutes from x, and A's plan ending there (x's trip back at 11:12).
    static func dayEndingAway(withB: Bool) -> (Scenario, Plan) {
        var day = ReplanTestDays.planarDay(withB: withB)
        day.couriers[0].end = .planar(x: 0, y: 50)
        var plan = ReplanTestDays.planarPlan()
        plan.routes[0].trips[1].returnTime = 602 + 70
        plan.routes[0].distance = 60 + 20 + 70
        return (day, plan)
    }

    @Test func aKeptTripThatEndsTheDayEndsAtTheCouriersEndPlace() throws {
        let (day, plan) = Self.dayEndingAway(withB: false)
        #expect(PlanChecker.violations(plan, scenario: day) == [])
        // x done at 10:05: A rides on to its end place (70 minutes), not back to the outlet (20).
        let events = [ReplanEvent(time: 605, courier: "A", stop: "x", kind: .done)]
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: 606))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let route = try #require(result.plan.routes.first { $0.courier == "A" })
        #expect(route.trips.count == 2 && abs((route.trips.last?.returnTime ?? 0) - 675) < 1e-9)
        #expect(abs(route.distance - 150) < 1e-9)
    }

    @Test func aStopThatWouldBringTheCourierToItsEndPlaceAfterTheShiftLeavesTheTrip() throws {
        let (day, plan) = Self.dayEndingAway(withB: true)
        // A is seen at (0, 10) at 18:20, x still to do: x at 18:52 and on to (0, 50) at 20:02, after
        // the shift (20:00), though back at the outlet at 19:12. x leaves the trip, and B takes it.
        let events = [ReplanEvent(time: 1100, courier: "A", kind: .position, location: .planar(x: 0, y: 10))]
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: [], objective: .outlet,
                                      options: ReplanTestDays.options(now: 1105))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let routeA = try #require(result.plan.routes.first { $0.courier == "A" })
        #expect(routeA.trips.last?.stops.isEmpty == true && abs((routeA.trips.last?.returnTime ?? 0) - 1140) < 1e-9)
        #expect(result.plan.routes.first { $0.courier == "B" }?.stops.map(\.id) == ["x"])
        #expect(result.diff.moved == [ReplanDiff.Move(id: "x", from: "A", to: "B")])
    }

    /// A planar day with a 10 kg tricycle: b1 (0, 10) is picked up first, b2 (0, 40) is a parcel
    /// to hand over, b3 (5, 10) a 5 kg (`shipment`) or 3 kg pickup with the slot 09:00–09:30. With
    /// `shipment`, b1 and b2 are one same-city shipment of 8 kg; else b1 is a 6 kg pickup and b2 a
    /// 3 kg delivery. Either way b3 fits only after b2 has left the tricycle.
    static func loadedDay(shipment: Bool) -> (Scenario, Plan) {
        var (day, plan) = CurrentTripTests.day()
        day.couriers[0].capacityKg = 10
        if shipment {
            day.stops[0].kind = .shipmentPickup; day.stops[0].shipment = "s1"; day.stops[0].weightKg = 8
            day.stops[1].kind = .shipmentDelivery; day.stops[1].shipment = "s1"
            day.stops[2].kind = .pickup; day.stops[2].weightKg = 5
        } else {
            day.stops[0].kind = .pickup; day.stops[0].weightKg = 6
            day.stops[1].weightKg = 3
            day.stops[2].kind = .pickup; day.stops[2].weightKg = 3
            plan.routes[0].trips[0].loadKg = 3
        }
        return (day, plan)
    }

    @Test(arguments: [true, false])
    func theRestOfATripUnderWayIsResequencedWithWhatTheCourierCarries(shipment: Bool) throws {
        let (day, plan) = Self.loadedDay(shipment: shipment)
        #expect(PlanChecker.violations(plan, scenario: day) == [])
        // b1 done 48 minutes late: b3 first would keep its slot, but the tricycle cannot take it
        // before b2 is handed over (the shipment weighs what was picked up; a pickup rides to the outlet).
        let result = Replanner.replan(plan: plan, scenario: day, events: [ReplanEvent(time: 540, courier: "A", stop: "b1", kind: .done)],
                                      newStops: [], objective: .outlet, options: ReplanTestDays.options(now: 545))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let trip = try #require(result.plan.routes.first?.trips.first)
        #expect(trip.stops.map(\.id) == ["b1", "b2", "b3"])
        #expect(result.diff.promisesBroken.map(\.id) == ["b3"])
    }

    @Test func aParcelOnBoardThatLeavesItsTripSaysWhenItIsBackAtTheOutlet() throws {
        var (day, plan) = CurrentTripTests.day()
        let closes = [TimeWindow(start: 480, end: 600)]
        day.stops[1].windows = closes
        plan.routes[0].trips[0].stops[1].windows = closes
        #expect(PlanChecker.violations(plan, scenario: day) == [])
        // b1 done at 10:20: b2's window closed at 10:00; its parcel rides back to the outlet with A.
        let result = Replanner.replan(plan: plan, scenario: day, events: [ReplanEvent(time: 620, courier: "A", stop: "b1", kind: .done)],
                                      newStops: [], objective: .outlet, options: ReplanTestDays.options(now: 621))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let b2 = try #require(result.plan.unassigned.first { $0.id == "b2" })
        let back = try #require(result.plan.routes.first?.trips.first?.returnTime)
        #expect(b2.reason == "cannot be reached in time on the trip under way: back at the outlet with its courier at \(Clock.format(back)), too late to go out again within its window")
    }

    /// What rides to the outlet whatever the order, by hand: the 2 kg pickup made and the 3 kg
    /// parcel that failed, the 1 kg one to retry; not the 5 kg shipment whose delivery is ahead (the
    /// new order carries it), nor the 4 kg one already delivered.
    @Test func whatACourierCarriesToTheOutletIsCountedByHand() {
        let here = Location.planar(x: 0, y: 0)
        let stops = [Stop(id: "p", kind: .pickup, location: here, weightKg: 2, volumeLitres: 20),
                     Stop(id: "sp", kind: .shipmentPickup, shipment: "s", location: here, weightKg: 5),
                     Stop(id: "sd", kind: .shipmentDelivery, shipment: "s", location: here),
                     Stop(id: "sp2", kind: .shipmentPickup, shipment: "s2", location: here, weightKg: 4),
                     Stop(id: "sd2", kind: .shipmentDelivery, shipment: "s2", location: here),
                     Stop(id: "d", location: here, weightKg: 3, volumeLitres: 30),
                     Stop(id: "r", location: here, weightKg: 1)]
        let day = Scenario(name: "carried", outlet: Outlet(id: "o", name: "o", location: here, zoneRadiusKm: nil), couriers: [], stops: stops)
        let byID = Dictionary(uniqueKeysWithValues: stops.map { ($0.id, $0) })
        func visit(_ id: String, _ status: Plan.StopStatus) -> Plan.Visit {
            Plan.Visit(id: id, arrival: 0, start: 0, departure: 0, status: status)
        }
        let recorded = [visit("p", .done), visit("sp", .done), visit("sp2", .done), visit("sd2", .done), visit("d", .failed)]
        let carried = CurrentTrip.carried(recorded: recorded, open: [visit("sd", .planned)], retried: ["r"], scenario: day, stops: byID)
        #expect(carried.kg == 6 && carried.litres == 50)
        // A shipment picked up on the trip whose delivery failed rides back once (5 kg), whether
        // the failure stays on the trip or is to be retried.
        let failed = CurrentTrip.carried(recorded: [visit("sp", .done), visit("sd", .failed)], open: [], retried: [], scenario: day, stops: byID)
        let retrying = CurrentTrip.carried(recorded: [visit("sp", .done)], open: [], retried: ["sd"], scenario: day, stops: byID)
        #expect(failed.kg == 5 && retrying.kg == 5)
    }
}
