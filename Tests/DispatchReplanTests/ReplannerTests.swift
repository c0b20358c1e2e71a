import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchSolver
import Testing
@testable import DispatchReplan

@Suite struct ReplannerTests {
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
        let day = ReplanTestDays.planarDay(withB: true)
        // At 09:00 A is still out at (0, 100) with a1 to do: back at 10:42 at the earliest, so x
        // (slot 10:00–10:30) can only be kept by B, who is free at the outlet.
        let events = [ReplanEvent(time: 540, courier: "A", kind: .position, location: .planar(x: 0, y: 100))]
        let result = Replanner.replan(plan: ReplanTestDays.planarPlan(), scenario: day, events: events, newStops: [],
                                      objective: .outlet, options: ReplanTestDays.options(now: 545))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let routeB = try #require(result.plan.routes.first { $0.courier == "B" })
        let x = try #require(routeB.stops.first { $0.id == "x" })
        #expect(!x.breaksPromise && x.start >= 600 && x.start <= 630)
        #expect(result.diff.moved == [ReplanDiff.Move(id: "x", from: "A", to: "B")])
        #expect(result.diff.promisesBroken.isEmpty)
    }

    @Test func aSlotNoCourierCanKeepIsListedWithTheCustomersChannel() throws {
        let day = ReplanTestDays.planarDay(withB: false)
        let events = [ReplanEvent(time: 540, courier: "A", kind: .position, location: .planar(x: 0, y: 100))]
        let result = Replanner.replan(plan: ReplanTestDays.planarPlan(), scenario: day, events: events, newStops: [],
                                      objective: .outlet, options: ReplanTestDays.options(now: 545))
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        let broken = try #require(result.diff.promisesBroken.first)
        #expect(broken.id == "x" && broken.contact == .call && broken.customer == "u-elderly")
        // A is back at 10:42 (a1 at 10:10, 10:12 + 30 min), reloads until 10:52, x at 11:12.
        #expect(abs((broken.eta ?? 0) - 672) < 1e-6)
        #expect(result.diff.text.contains("call u-elderly about x"))
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
