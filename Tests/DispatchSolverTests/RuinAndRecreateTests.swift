import Testing
@testable import DispatchModel
@testable import DispatchSolver
import DispatchCheck

@Suite struct RuinAndRecreateTests {
    /// A large day's first plan (construction alone: no ruin-and-recreate, no local search) gives
    /// the few cooler boxes' mornings to the cold-chain parcels due by 10:00 before their own
    /// territories fill them. A generated day of 1,000 stops and 10 couriers (3 with a cooler box,
    /// 25 cold parcels): before cold parcels went first, 16 of them were left out.
    @Test func coldParcelsClaimTheCoolerBoxesFirst() {
        let scenario = OutletDayGenerator(stops: 1_000, couriers: 10, seed: 7).scenario()
        let cold = Set(scenario.stops.filter { !$0.requiredSkills.isEmpty }.map(\.id))
        #expect(cold.count >= 20)
        let options = SearchOptions(iterations: 0, seconds: 3600, seed: 1, workers: 1, localSearch: false)
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: options, setPartitioning: false)
        let leftOut = plan.unassigned.map(\.id).filter(cold.contains)
        #expect(leftOut.isEmpty, "cold parcels left out: \(leftOut)")
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
    }
}
