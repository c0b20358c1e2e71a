/// A benchmark's results in the literature's terms: per instance (best and mean over seeds) and
/// per family (best-known vehicle count reached, mean gap where it is reached), per time budget.
public struct BenchSummary: Sendable, Equatable {
    /// One instance at one budget, over its seeds.
    public struct InstanceRow: Sendable, Equatable {
        /// Instance name.
        public var instance: String
        /// Family.
        public var family: String
        /// Time budget in seconds.
        public var budget: Double
        /// Runs (seeds).
        public var runs: Int
        /// The best run (fewest unrouted stops, then vehicles unless the objective is distance, then distance).
        public var best: BenchRecord
        /// Mean vehicles over the runs.
        public var meanVehicles: Double
        /// Mean distance over the runs.
        public var meanDistance: Double
        /// Runs that reached the best-known vehicle count (`nil` when none is known).
        public var reached: Int?
        /// Mean counted gap (per cent) over the runs where it counts; `nil` when there are none.
        public var meanGap: Double?
        /// Mean iterations.
        public var meanIterations: Double
        /// Mean seconds.
        public var meanSeconds: Double
        /// Mean set-partitioning gain.
        public var meanSetPartitioningGain: Double
        /// Runs whose plan failed the checker.
        public var checkFailures: Int
    }

    /// One family (or `all`) at one budget.
    public struct FamilyRow: Sendable, Equatable {
        /// Family name, or `all` for every instance at this budget.
        public var family: String
        /// Time budget in seconds.
        public var budget: Double
        /// Instances.
        public var instances: Int
        /// Runs.
        public var runs: Int
        /// Instances with a best-known vehicle count (the denominator of the counts below).
        public var withBestKnownVehicles: Int
        /// Instances whose best run reached the best-known vehicle count.
        public var reachedBest: Int
        /// Instances reaching it, averaged over seeds.
        public var reachedMean: Double
        /// Mean counted gap (per cent) over all runs where it counts.
        public var meanGap: Double?
        /// Mean over instances of the best run's counted gap, where the best run's gap counts.
        public var bestGap: Double?
        /// Runs whose plan failed the checker.
        public var checkFailures: Int
    }

    /// One seed at one budget, over every instance: what a table of that seed alone would state.
    public struct SeedRow: Sendable, Equatable {
        /// Time budget in seconds.
        public var budget: Double
        /// The seed.
        public var seed: UInt64
        /// Runs (one per instance).
        public var runs: Int
        /// Runs whose instance has a best-known vehicle count (the denominator of `reached`).
        public var withBestKnownVehicles: Int
        /// Runs that reached the best-known vehicle count.
        public var reached: Int
        /// Mean counted gap (per cent) over this seed's runs where it counts.
        public var meanGap: Double?
        /// Runs whose plan failed the checker.
        public var checkFailures: Int
    }

    /// Per instance and budget, in the order the runs came.
    public var instances: [InstanceRow]
    /// Per family and budget (families in the order they came, then `all`), budgets ascending.
    public var families: [FamilyRow]
    /// Per budget (ascending) and seed (in the order the runs came), over every instance.
    public var seeds: [SeedRow]

    /// The summary of `records`.
    public init(records: [BenchRecord]) {
        var keys: [String] = []
        var groups: [String: [BenchRecord]] = [:]
        for record in records {
            let key = "\(record.instance)\u{0}\(record.budget)"
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(record)
        }
        instances = keys.compactMap { groups[$0].flatMap(Self.instanceRow) }
        var familyRows: [FamilyRow] = []
        var seedRows: [SeedRow] = []
        for budget in Set(records.map(\.budget)).sorted() {
            let rowsAtBudget = instances.filter { $0.budget == budget }
            let runsAtBudget = records.filter { $0.budget == budget }
            let families = Self.inOrderOfFirstRun(rowsAtBudget.map(\.family))
            for family in families {
                familyRows.append(Self.familyRow(family, budget: budget, rowsAtBudget.filter { $0.family == family },
                                                 runsAtBudget.filter { $0.family == family }))
            }
            if families.count > 1 {
                familyRows.append(Self.familyRow("all", budget: budget, rowsAtBudget, runsAtBudget))
            }
            for seed in Self.inOrderOfFirstRun(runsAtBudget.map(\.seed)) {
                let runs = runsAtBudget.filter { $0.seed == seed }
                seedRows.append(SeedRow(
                    budget: budget, seed: seed, runs: runs.count,
                    withBestKnownVehicles: runs.filter { $0.reachesBestKnownVehicles != nil }.count,
                    reached: runs.filter { $0.reachesBestKnownVehicles == true }.count,
                    meanGap: Self.mean(runs.compactMap(\.countedGap)),
                    checkFailures: runs.filter { !$0.checkPassed }.count))
            }
        }
        families = familyRows
        seeds = seedRows
    }

    private static func instanceRow(_ runs: [BenchRecord]) -> InstanceRow? {
        guard let first = runs.first else { return nil }
        let best = runs.dropFirst().reduce(first) { $1.isBetter(than: $0) ? $1 : $0 }
        let count = Double(runs.count)
        return InstanceRow(
            instance: first.instance, family: first.family, budget: first.budget, runs: runs.count, best: best,
            meanVehicles: Double(runs.reduce(0) { $0 + $1.vehicles }) / count,
            meanDistance: runs.reduce(0) { $0 + $1.distance } / count,
            reached: first.bestKnown?.vehicles == nil ? nil : runs.filter { $0.reachesBestKnownVehicles == true }.count,
            meanGap: mean(runs.compactMap(\.countedGap)),
            meanIterations: Double(runs.reduce(0) { $0 + $1.iterations }) / count,
            meanSeconds: runs.reduce(0) { $0 + $1.seconds } / count,
            meanSetPartitioningGain: runs.reduce(0) { $0 + $1.setPartitioningGain } / count,
            checkFailures: runs.filter { !$0.checkPassed }.count)
    }

    private static func familyRow(_ family: String, budget: Double, _ rows: [InstanceRow], _ records: [BenchRecord]) -> FamilyRow {
        let known = rows.filter { $0.reached != nil }
        return FamilyRow(
            family: family, budget: budget, instances: rows.count, runs: records.count,
            withBestKnownVehicles: known.count,
            reachedBest: known.filter { $0.best.reachesBestKnownVehicles == true }.count,
            reachedMean: known.reduce(0) { $0 + Double($1.reached ?? 0) / Double($1.runs) },
            meanGap: mean(records.compactMap(\.countedGap)),
            bestGap: mean(rows.compactMap(\.best.countedGap)),
            checkFailures: rows.reduce(0) { $0 + $1.checkFailures })
    }

    /// Each distinct value once, in the order of its first run.
    private static func inOrderOfFirstRun<Value: Equatable>(_ values: [Value]) -> [Value] {
        var distinct: [Value] = []
        for value in values where !distinct.contains(value) { distinct.append(value) }
        return distinct
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
