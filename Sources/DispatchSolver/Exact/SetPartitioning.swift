import GLPK

/// Picks the cheapest combination of routes that serves every stop exactly once, with at most
/// as many routes of each vehicle class as there are vehicles in it (a set-partitioning MIP,
/// solved by GLPK).
enum SetPartitioning {
    /// Whether set partitioning is worth its time on `problem`. Not on outlet days (reloads) above
    /// the granular threshold (400 stops): on the shipped outlet, rainy and peak days at 10 s,
    /// seeds 1–3, it improved the plan by 0.00 in 9 runs of 9 while taking 0.8–1.5 s (and 55 MB
    /// on the peak day), and the same runs without it ended cheaper on average on all three
    /// days; its time goes back to the search there.
    static func pays(for problem: RoutingProblem) -> Bool {
        !(problem.allowsReloads && problem.stopCount > RoutingProblem.granularThreshold)
    }

    /// Indices into `columns` of the chosen routes and whether GLPK proved them optimal, or `nil`
    /// when GLPK found nothing in time. `start`: indices of columns that make a partition
    /// already (the incumbent's routes), which GLPK starts from. On twelve Solomon days at
    /// 200,000 steps, seed 1, GLPK took 0.70 of the time it took without (LP relaxation
    /// included: 5.97 s against 8.49 s over 132 solves), faster on every day; on a
    /// Gehring–Homberger day's pool it keeps to its time limit, which the presolved solve
    /// overran (0.84 s for 0.5 s). A solve cut off by the clock returns at least the start.
    static func solve(columns: [PooledRoute], stops: [Int], classSizes: [Int], timeLimitSeconds: Double,
                      start: [Int]? = nil) -> (chosen: [Int], cost: Double, optimal: Bool)? {
        var mip = MixedIntegerProgram(sense: .minimize)
        let variables = columns.map { mip.addBinary(objective: $0.cost) }
        var covering: [Int: [(MixedIntegerProgram.Variable, Double)]] = [:]
        var byClass: [Int: [(MixedIntegerProgram.Variable, Double)]] = [:]
        for (j, column) in columns.enumerated() {
            for s in Set(column.stops) { covering[s, default: []].append((variables[j], 1)) }
            byClass[column.vehicleClass, default: []].append((variables[j], 1))
        }
        for s in stops {
            guard let terms = covering[s] else { return nil }
            mip.addConstraint(terms, lower: 1, upper: 1)
        }
        for c in byClass.keys.sorted() {
            guard let terms = byClass[c], c < classSizes.count else { continue }
            mip.addConstraint(terms, upper: Double(classSizes[c]))
        }
        var startValues: [Double]?
        if let start {
            var values = [Double](repeating: 0, count: columns.count)
            for j in start where columns.indices.contains(j) { values[j] = 1 }
            // A start that is not a partition within the fleet is left out, not offered.
            if (try? mip.validate(start: values)) != nil { startValues = values }
        }
        guard let solution = try? mip.solve(timeLimitSeconds: timeLimitSeconds, start: startValues) else { return nil }
        let chosen = columns.indices.filter { solution[variables[$0]] > 0.5 }
        return (chosen, solution.objective, solution.status == .optimal)
    }
}

extension RoutingProblem {
    /// The cheapest recombination of `columns` that serves exactly the stops `incumbent` serves
    /// (its unassigned stops stay out), as a state, when it costs less than `incumbentCost`.
    /// `requireOptimal`: adopt only an answer GLPK proved optimal (a reproducible run must not
    /// depend on how far the clock let GLPK go). Returns `nil` when nothing cheaper was found.
    func partition(_ columns: [PooledRoute], incumbent: SearchState, incumbentCost: Double, timeLimitSeconds: Double,
                   requireOptimal: Bool) -> (state: SearchState, cost: Double)? {
        let covered = (0..<stopCount).filter { incumbent.routeOf[$0] >= 0 }
        guard !covered.isEmpty else { return nil }
        var served = [Bool](repeating: false, count: stopCount)
        for s in covered { served[s] = true }
        var usable = columns.filter { $0.stops.allSatisfy { isReload($0) || served[$0] } }
        let start = addIncumbent(incumbent, to: &usable)
        guard let (chosen, _, optimal) = SetPartitioning.solve(columns: usable, stops: covered, classSizes: vehicleClassSizes,
                                                               timeLimitSeconds: timeLimitSeconds, start: start),
              optimal || !requireOptimal else { return nil }
        var state = SearchState(self)
        var nextVehicle = Array(repeating: 0, count: vehicleClassCount)
        for j in chosen {
            let column = usable[j]
            let candidates = vehicles.indices.filter { vehicleClass[$0] == column.vehicleClass }
            guard nextVehicle[column.vehicleClass] < candidates.count else { return nil }
            let v = candidates[nextVehicle[column.vehicleClass]]
            nextVehicle[column.vehicleClass] += 1
            state.assign(v, stops: column.stops, self)
        }
        let cost = state.cost(self)
        guard state.routes.allSatisfy({ $0.feasible && $0.complete }), cost < incumbentCost - 1e-9 else { return nil }
        return (state, cost)
    }

    /// The indices of `incumbent`'s routes among `columns`, the start set partitioning begins
    /// from; a route the pool does not hold (the pool was full) is added. `nil`, and nothing
    /// added, when one of them is infeasible (as the pool's routes never are).
    func addIncumbent(_ incumbent: SearchState, to columns: inout [PooledRoute]) -> [Int]? {
        guard incumbent.routes.allSatisfy({ $0.isEmpty || ($0.feasible && $0.complete) }) else { return nil }
        var columnOf: [RouteStops: Int] = [:]
        for (j, column) in columns.enumerated() { columnOf[RouteStops(vehicleClass: column.vehicleClass, stops: column.stops)] = j }
        var chosen: [Int] = []
        for route in incumbent.routes where !route.isEmpty {
            let key = RouteStops(vehicleClass: vehicleClass[route.vehicle], stops: route.stops)
            if let j = columnOf[key] {
                chosen.append(j)
            } else {
                columns.append(PooledRoute(vehicleClass: key.vehicleClass, stops: key.stops, cost: route.cost(self)))
                columnOf[key] = columns.count - 1
                chosen.append(columns.count - 1)
            }
        }
        return chosen
    }
}

/// A route as set partitioning sees it, its cost aside: which vehicle class drives which stops.
struct RouteStops: Hashable {
    let vehicleClass: Int
    let stops: [Int]
}
