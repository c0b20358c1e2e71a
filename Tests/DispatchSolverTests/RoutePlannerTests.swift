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
}
