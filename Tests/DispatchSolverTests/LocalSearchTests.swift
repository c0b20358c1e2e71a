import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct LocalSearchTests {
    /// A regret-built solution of a random scenario.
    func constructed(seed: UInt64, stops: Int) -> (RoutingProblem, SearchState, SplitMixRandom) {
        let scenario = RandomScenario.make(seed: seed, stops: stops, couriers: 3)
        let problem = ProblemBuilder(scenario: scenario, objective: .outlet).problem
        var state = SearchState(problem)
        var rng = SplitMixRandom(seed: seed)
        problem.regretConstruct(into: &state, rng: &rng)
        return (problem, state, rng)
    }

    /// The exact evaluator used by local search agrees with the route cache on every feasible
    /// route the construction builds, and rejects a reversed route that breaks windows or pairs.
    @Test(arguments: 0..<10)
    func evaluatorAgreesWithTheRouteCache(_ seed: Int) {
        let (problem, state, _) = constructed(seed: UInt64(500 + seed), stops: 30)
        var evaluator = SequenceEvaluator(problem)
        for route in state.routes where !route.isEmpty {
            let cost = evaluator.cost(route.stops, vehicle: route.vehicle, problem)
            #expect(cost.map { abs($0 - route.cost(problem)) < 1e-6 } == true)
        }
    }

    @Test(arguments: 0..<10)
    func localSearchNeverWorsensAndStaysFeasible(_ seed: Int) {
        let (problem, built, generator) = constructed(seed: UInt64(700 + seed), stops: 40)
        var state = built
        var rng = generator
        let before = state.cost(problem)
        let assignedBefore = state.unassigned
        problem.localSearch(&state, rng: &rng)
        #expect(state.cost(problem) <= before + 1e-9)
        #expect(state.unassigned == assignedBefore)
        #expect(state.routes.allSatisfy { $0.feasible })
        for (r, route) in state.routes.enumerated() {
            for (k, s) in route.stops.enumerated() where !problem.isReload(s) {
                #expect(state.routeOf[s] == r && state.position[s] == k)
            }
        }
    }
}
