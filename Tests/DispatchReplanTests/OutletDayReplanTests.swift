import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchSolver
import Foundation
import Testing
@testable import DispatchReplan

@Suite struct OutletDayReplanTests {
    static var scenarios: String {
        let file = #filePath
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // the file, DispatchReplanTests, Tests
        return parts.joined(separator: "/") + "/scenarios"
    }

    /// 20 new pickups at 11:00 on the shipped 2,000-stop day, everything planned before 11:00
    /// reported done on time: at least 95 % of the stops still to visit keep their courier, and
    /// the new plan passes the checker. Budgets are iterations, so the test is the same everywhere.
    @Test func twentyNewPickupsAtElevenKeepAlmostEveryStopWithItsCourier() throws {
        let loaded = try ScenarioReader.load(path: Self.scenarios + "/outlet-day.json")
        #expect(loaded.errors.isEmpty)
        let day = loaded.scenario
        let plan = RoutePlanner.plan(day, objective: .outlet,
                                     options: SearchOptions(iterations: 0, seconds: 3600, seed: 1, workers: 1, localSearch: false),
                                     setPartitioning: false)
        let now = 11.0 * 60
        var events: [ReplanEvent] = []
        for route in plan.routes { for visit in route.stops where visit.departure <= now {
            events.append(ReplanEvent(time: visit.departure, courier: route.courier, stop: visit.id, kind: .done))
        } }
        var rng = SplitMix64(seed: 20)
        let requests = ReplanTestDays.pickups(20, prefix: "r", rng: &rng)
        let options = ReplanOptions(now: now, seconds: 3600, iterations: 30, seed: 1, workers: 1, localSearch: false)
        let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: requests, objective: .outlet, options: options)
        #expect(PlanChecker.violations(result.plan, scenario: result.scenario) == [])
        #expect(result.diff.comparable > 800)
        #expect(result.diff.shareKeptCourier >= 0.95, "\(result.diff.keptCourier) of \(result.diff.comparable)")
        // Every request is answered: served with a slot, or listed as not served today.
        #expect(result.diff.newStops.count == 20)
        #expect(result.diff.newStops.filter { $0.courier != nil }.count >= 18)
        #expect(result.plan.unassigned.count <= plan.unassigned.count + 2)
    }
}
