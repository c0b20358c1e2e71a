import Testing
@testable import DispatchSolver

@Suite struct SetPartitioningTests {
    static func column(_ stops: [Int], _ cost: Double, vehicleClass: Int = 0) -> PooledRoute {
        PooledRoute(vehicleClass: vehicleClass, stops: stops, cost: cost)
    }

    /// Stops 0, 1, 2. Covers: {0,1}+{2} = 15, {0}+{1}+{2} = 13, {0}+{1,2} = 11 (the optimum),
    /// {0,1,2} = 12 with one route. With two vehicles 11; with one, only the single route fits.
    @Test func cheapestExactCoverWithinTheFleet() throws {
        let columns = [Self.column([0, 1], 10), Self.column([2], 5), Self.column([0], 4), Self.column([1], 4),
                       Self.column([1, 2], 7), Self.column([0, 1, 2], 12)]
        let two = try #require(SetPartitioning.solve(columns: columns, stops: [0, 1, 2], classSizes: [2], timeLimitSeconds: 5))
        #expect(two.optimal && abs(two.cost - 11) < 1e-9 && Set(two.chosen) == [2, 4])
        let one = try #require(SetPartitioning.solve(columns: columns, stops: [0, 1, 2], classSizes: [1], timeLimitSeconds: 5))
        #expect(one.optimal && abs(one.cost - 12) < 1e-9 && one.chosen == [5])
    }

    /// Each vehicle class has its own limit: the cheap routes are all of class 0, which has one
    /// vehicle, so the second route must come from class 1.
    @Test func classLimitsHoldPerClass() throws {
        let columns = [Self.column([0], 1), Self.column([1], 1), Self.column([0], 5, vehicleClass: 1), Self.column([1], 6, vehicleClass: 1)]
        let result = try #require(SetPartitioning.solve(columns: columns, stops: [0, 1], classSizes: [1, 1], timeLimitSeconds: 5))
        #expect(result.optimal && abs(result.cost - 6) < 1e-9 && Set(result.chosen) == [1, 2])
    }

    /// A start is the incumbent GLPK begins from: a partition within the fleet (the optimum, or
    /// a dearer one) leads to the same optimum; one that is not (a stop uncovered, or more routes
    /// of the class than it has vehicles) is left out and the answer is the same.
    @Test func aStartLeadsToTheSameAnswerOrIsLeftOut() throws {
        let columns = [Self.column([0, 1], 10), Self.column([2], 5), Self.column([0], 4), Self.column([1], 4),
                       Self.column([1, 2], 7), Self.column([0, 1, 2], 12)]
        for start in [[2, 4], [5], [0, 1], [2], [2, 3, 1]] {
            let result = try #require(SetPartitioning.solve(columns: columns, stops: [0, 1, 2], classSizes: [2], timeLimitSeconds: 5,
                                                            start: start))
            #expect(result.optimal && abs(result.cost - 11) < 1e-9 && Set(result.chosen) == [2, 4])
        }
    }

    /// A stop no column covers: no answer (GLPK is not called on an infeasible model), and no
    /// cover within the fleet: no answer either.
    @Test func noCoverNoAnswer() {
        #expect(SetPartitioning.solve(columns: [Self.column([0], 1)], stops: [0, 1], classSizes: [2], timeLimitSeconds: 5) == nil)
        let columns = [Self.column([0], 1), Self.column([1], 1)]
        #expect(SetPartitioning.solve(columns: columns, stops: [0, 1], classSizes: [1], timeLimitSeconds: 5) == nil)
    }
}

@Suite struct PartitionTests {
    /// Two searches of the same day with different seeds: set partitioning over the routes of
    /// both, with the costlier as incumbent, returns a solution at most as costly as the cheaper
    /// one that serves every stop the incumbent serves exactly once, with feasible routes; over
    /// the incumbent's own routes alone it finds nothing cheaper.
    @Test(arguments: [UInt64(1), 2, 3])
    func recombinesTheRoutesOfTwoSolutions(_ seed: UInt64) throws {
        let scenario = RandomScenario.make(seed: 700 + seed, stops: 30, couriers: 4, shipments: false)
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        let options = SearchOptions(iterations: 200, seconds: 600, seed: seed, workers: 1, localSearch: false)
        let far = ContinuousClock.now + .seconds(600)
        let one = problem.search(options, seed: seed, deadline: far)
        let two = problem.search(options, seed: seed + 100, deadline: far)
        let (worse, better) = one.cost >= two.cost ? (one, two) : (two, one)
        var pool = PoolCollector()
        pool.add(worse.state, problem)
        #expect(problem.partition(pool.routes, incumbent: worse.state, incumbentCost: worse.cost, timeLimitSeconds: 5,
                                  requireOptimal: true) == nil)
        // The fixture needs two different solutions of the same stops for the test to mean something.
        try #require(worse.state.unassigned == better.state.unassigned && worse.cost > better.cost + 1e-6)
        pool.add(better.state, problem)
        let (state, cost) = try #require(problem.partition(pool.routes, incumbent: worse.state, incumbentCost: worse.cost,
                                                           timeLimitSeconds: 5, requireOptimal: true))
        #expect(cost <= better.cost + 1e-6)
        #expect(abs(cost - state.cost(problem)) < 1e-6)
        #expect(state.routes.allSatisfy { $0.feasible })
        var served = [Int](repeating: 0, count: problem.stopCount)
        for route in state.routes { for s in route.stops where !problem.isReload(s) { served[s] += 1 } }
        for s in 0..<problem.stopCount { #expect(served[s] == (worse.state.routeOf[s] >= 0 ? 1 : 0)) }
    }
}

extension PartitionTests {
    /// The incumbent's routes are the start: found among the columns where the pool holds them,
    /// added where it does not (nothing added twice); an incumbent with an infeasible route gives
    /// no start and adds nothing.
    @Test func theIncumbentsRoutesAreTheStart() throws {
        var scenario = RandomScenario.make(seed: 801, stops: 50, couriers: 8, shipments: false, tightWindows: true)
        RandomScenario.makeFleetIdentical(&scenario, capacityKg: 40, capacityLitres: 200)
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        let options = SearchOptions(iterations: 200, seconds: 600, seed: 1, workers: 1, localSearch: false)
        let result = problem.search(options, seed: 1, deadline: ContinuousClock.now + .seconds(600))
        let routes = result.state.routes.filter { !$0.isEmpty }
        try #require(routes.count >= 2)
        // A pool with the first route and one that is not the incumbent's.
        let other = Array(routes[1].stops.reversed())
        var columns = [SetPartitioningTests.column(other, 1, vehicleClass: problem.vehicleClass[routes[1].vehicle]),
                       SetPartitioningTests.column(routes[0].stops, routes[0].cost(problem), vehicleClass: problem.vehicleClass[routes[0].vehicle])]
        let start = try #require(problem.addIncumbent(result.state, to: &columns))
        #expect(columns.count == routes.count + 1)
        #expect(start.first == 1)
        #expect(start.map { columns[$0].stops } == routes.map(\.stops))
        #expect(start.map { columns[$0].vehicleClass } == routes.map { problem.vehicleClass[$0.vehicle] })
        var again = columns
        #expect(problem.addIncumbent(result.state, to: &again) == start)
        #expect(again.count == columns.count)

        var overloaded = SearchState(problem)
        overloaded.assign(routes[0].vehicle, stops: Array(0..<problem.stopCount), problem)
        try #require(!overloaded.routes[routes[0].vehicle].feasible)
        var none: [PooledRoute] = []
        #expect(problem.addIncumbent(overloaded, to: &none) == nil)
        #expect(none.isEmpty)
    }
}

@Suite struct PartitioningDuringSearchTests {
    /// A random day of 50 stops with tight windows and eight identical couriers (one vehicle
    /// class, so routes met on different couriers recombine), searched vehicles first for 3,000
    /// steps without local search.
    static func search(_ seed: UInt64) -> (RoutingProblem, SearchResult) {
        var scenario = RandomScenario.make(seed: 800 + seed, stops: 50, couriers: 8, shipments: false, tightWindows: true)
        RandomScenario.makeFleetIdentical(&scenario, capacityKg: 40, capacityLitres: 200)
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        var options = SearchOptions(iterations: 3_000, seconds: 600, seed: seed, workers: 1, localSearch: false)
        options.partitionsDuringSearch = true
        return (problem, problem.search(options, seed: seed, deadline: ContinuousClock.now + .seconds(600)))
    }

    /// With set partitioning inside the walk, a reproducible search still repeats itself
    /// exactly (it adopts only proven optima), its routes are feasible, its cost is its state's
    /// and every stop is served.
    @Test(arguments: [UInt64(3), 4])
    func aReproducibleSearchStaysReproducible(_ seed: UInt64) {
        let (problem, result) = Self.search(seed)
        let (_, again) = Self.search(seed)
        #expect(problem.vehicleClassCount == 1)
        #expect(again.state.routes.map(\.stops) == result.state.routes.map(\.stops))
        #expect(result.partitionGain >= 0)
        #expect(result.state.routes.allSatisfy { $0.feasible })
        #expect(abs(result.cost - result.state.cost(problem)) < 1e-6)
        #expect(result.state.unassigned.isEmpty)
    }

    /// On these days (seeds 1, 2 and 10; on most others the walk's best is never beaten at a
    /// checkpoint) a recombination of the routes met is cheaper than the walk's best at some
    /// checkpoint, and the search adopts it.
    @Test(arguments: [UInt64(1), 2, 10])
    func aCheaperRecombinationIsAdopted(_ seed: UInt64) {
        let (_, result) = Self.search(seed)
        #expect(result.partitionGain > 0)
    }
}
