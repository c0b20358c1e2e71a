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
    /// when GLPK found nothing in time.
    static func solve(columns: [PooledRoute], stops: [Int], classSizes: [Int], timeLimitSeconds: Double) -> (chosen: [Int], cost: Double, optimal: Bool)? {
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
        guard let solution = try? mip.solve(timeLimitSeconds: timeLimitSeconds) else { return nil }
        let chosen = columns.indices.filter { solution[variables[$0]] > 0.5 }
        return (chosen, solution.objective, solution.status == .optimal)
    }
}
