import Testing
@testable import DispatchModel
@testable import DispatchSolver
import DispatchPlan
import DispatchCheck

@Suite struct ExactSolverTests {
    /// The heuristic matches GLPK's proven optimum on small random cases.
    @Test(arguments: 0..<50)
    func heuristicEqualsExactOptimum(_ seed: Int) throws {
        let scenario = RandomScenario.make(seed: UInt64(1000 + seed), stops: 5 + seed % 4, couriers: 2, shipments: seed % 3 == 0,
                                           tightWindows: seed % 2 == 0)
        let builder = ProblemBuilder(scenario: scenario, objective: .outlet)
        let problem = builder.problem
        try #require(builder.excluded.isEmpty)
        let plan = RoutePlanner.plan(scenario, objective: .outlet,
                                     options: SearchOptions(iterations: 2_000, seconds: 3600, seed: 1, workers: 1),
                                     setPartitioning: true)
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
        guard plan.unassigned.isEmpty else {
            // The exact model requires every stop served; a case the heuristic cannot fully serve
            // must be infeasible for the exact solver too.
            #expect(ExactSolver.solve(problem) == nil)
            return
        }
        let exact = try #require(ExactSolver.solve(problem))
        #expect(abs(plan.cost - exact.cost) <= 1e-6 * max(1, exact.cost), "heuristic \(plan.cost) vs optimum \(exact.cost)")
    }

    @Test func exactSolverRefusesLargeCases() {
        let scenario = RandomScenario.make(seed: 1, stops: 11, couriers: 2)
        #expect(ExactSolver.solve(ProblemBuilder(scenario: scenario, objective: .outlet).problem) == nil)
    }
}
