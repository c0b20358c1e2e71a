import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchSolver
import Testing
@testable import DispatchReplan

@Suite struct ReplanChainTests {
    /// 50 replans in a row from 08:00 to 19:00 with random scans, failures, positions and new
    /// pickups: every plan passes the checker, every stop is placed exactly once, nothing done moves.
    @Test(arguments: [FailedDeliveryRule.returnToOutlet, .retry])
    func fiftyReplansLoseNothingAndMoveNothingDone(rule: FailedDeliveryRule) {
        var (day, plan) = ReplanTestDays.small(seed: rule == .retry ? 3 : 4, stops: 30, rule: rule)
        var rng = SplitMix64(seed: 99)
        var allIDs = Set(day.stops.map(\.id))
        var counts: [ReplanEvent.Kind: Int] = [:]
        var added = 0
        for step in 0..<50 {
            let now = 8.0 * 60 + Double(step) * 13.2
            let events = ReplanTestDays.events(for: plan, now: now, rng: &rng)
            let requests = rng.chance(0.3) ? ReplanTestDays.pickups(1 + rng.below(2), prefix: "n\(step)-", rng: &rng) : []
            let result = Replanner.replan(plan: plan, scenario: day, events: events, newStops: requests, objective: .outlet,
                                          options: ReplanTestDays.options(now: now, iterations: 5))
            let violations = PlanChecker.violations(result.plan, scenario: result.scenario)
            #expect(violations == [], "step \(step) at \(Clock.format(now))")
            allIDs.formUnion(requests.map(\.id))
            for event in events { counts[event.kind, default: 0] += 1 }
            added += requests.count
            let placement = ReplanTestDays.placement(result.plan)
            #expect(Set(placement.keys) == allIDs, "step \(step)")
            #expect(placement.values.allSatisfy { $0.count == 1 }, "step \(step)")
            // What was done stays done, with its courier and its times.
            for route in plan.routes {
                for visit in route.stops where visit.status == .done {
                    let now = result.plan.routes.first { $0.courier == route.courier }?.stops.first { $0.id == visit.id }
                    #expect(now == visit, "step \(step): \(visit.id)")
                }
            }
            for event in events where event.kind == .done {
                let visit = result.plan.routes.first { $0.courier == event.courier }?.stops.first { $0.id == event.stop }
                #expect(visit?.status == .done && visit?.departure == event.time, "step \(step): \(event.stop ?? "")")
            }
            if violations.isEmpty == false { break }
            plan = result.plan
            day = result.scenario
        }
        // The chain saw every kind of event and new stops, and the day got done.
        #expect(counts[.done, default: 0] > 20 && counts[.failed, default: 0] > 0 && counts[.position, default: 0] > 0 && added > 0)
        #expect(plan.routes.flatMap(\.stops).filter { $0.status == .done }.count > 20)
    }
}
