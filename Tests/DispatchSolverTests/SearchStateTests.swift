import Testing
@testable import DispatchModel
@testable import DispatchSolver

/// The step log of ``SearchState``: a ruin-and-recreate step made in place and undone leaves the
/// state exactly as it was; a committed one leaves every stop in exactly one place.
@Suite struct SearchStateTests {
    static func constructed(seed: UInt64, trips: Bool) -> (RoutingProblem, SearchState) {
        let scenario = RandomScenario.make(seed: seed, stops: 30, couriers: 4, trips: trips)
        let problem = ProblemBuilder(scenario: scenario, objective: .outlet).problem
        var state = SearchState(problem)
        var rng = SplitMix64(seed: seed)
        problem.regretConstruct(into: &state, rng: &rng)
        return (problem, state)
    }

    /// What a route's cache says, compared field by field.
    static func snapshot(_ route: Route) -> [[Double]] {
        [route.stops.map(Double.init), route.arrival, route.start, route.departure, route.latestArrival, route.loadKg,
         route.prefixMaxKg, route.suffixMaxKg, route.arcDistance, route.arcMinutes, route.promiseRoom,
         [route.distance, route.lateness, route.duration, route.endTime, route.feasible ? 1 : 0]]
    }

    @Test(arguments: [(UInt64(1), false), (2, true), (3, false), (4, true)])
    func anUndoneStepLeavesTheStateAsItWas(seed: UInt64, trips: Bool) {
        let (problem, start) = Self.constructed(seed: seed, trips: trips)
        var state = start
        var rng = SplitMix64(seed: seed + 100)
        var changedSomething = false
        for _ in 0..<40 {
            state.beginStep()
            problem.ruinAndRecreate(&state, rng: &rng)
            changedSomething = changedSomething || state.routes.indices.contains { state.routes[$0].stops != start.routes[$0].stops }
            // Every route that differs was logged before it changed.
            for r in state.routes.indices where state.routes[r].stops != start.routes[r].stops {
                #expect(state.routesChangedInStep.contains(r))
            }
            // Where each stop was before the step, as the log remembers it.
            for s in 0..<problem.stopCount { #expect(state.routeBeforeStep(of: s) == start.routeOf[s]) }
            state.undoStep(problem)
            #expect(state.routeOf == start.routeOf && state.unassignedCount == start.unassignedCount)
            for s in 0..<problem.stopCount where start.routeOf[s] >= 0 { #expect(state.position[s] == start.position[s]) }
            for r in start.routes.indices { #expect(Self.snapshot(state.routes[r]) == Self.snapshot(start.routes[r])) }
            #expect(state.cost(problem) == start.cost(problem))
        }
        #expect(changedSomething, "the steps must have changed some route before being undone")
    }

    @Test(arguments: [UInt64(5), 6])
    func committedStepsKeepEveryStopInExactlyOnePlace(seed: UInt64) {
        let (problem, initial) = Self.constructed(seed: seed, trips: seed % 2 == 0)
        var state = initial
        var rng = SplitMix64(seed: seed)
        for step in 0..<60 {
            let before = state
            state.beginStep()
            problem.ruinAndRecreate(&state, rng: &rng)
            if step % 3 == 0 { state.undoStep(problem) } else { state.commitStep() }
            var seen = [Int](repeating: 0, count: problem.stopCount)
            for r in state.routes.indices {
                for (k, s) in state.routes[r].stops.enumerated() where s < problem.stopCount {
                    seen[s] += 1
                    #expect(state.routeOf[s] == r && state.position[s] == k)
                }
                // The cache is the one a fresh update computes.
                var fresh = state.routes[r]
                fresh.update(problem)
                #expect(Self.snapshot(fresh) == Self.snapshot(state.routes[r]))
            }
            for s in 0..<problem.stopCount { #expect(seen[s] + (state.routeOf[s] < 0 ? 1 : 0) == 1) }
            // The count kept with every move is the count of stops in no route.
            let leftOut = (0..<problem.stopCount).filter { state.routeOf[$0] < 0 }
            #expect(state.unassignedCount == leftOut.count && state.unassigned == leftOut && state.routedCount == problem.stopCount - leftOut.count)
            if step % 3 == 0 { #expect(state.routeOf == before.routeOf) }
        }
    }
}
