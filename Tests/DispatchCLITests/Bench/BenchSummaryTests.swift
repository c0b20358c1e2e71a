import Testing
@testable import DispatchCLI

/// Hand-made runs, so every number below is worked out by hand.
@Suite struct BenchSummaryTests {
    static let c101 = BestKnown(instance: "C101", vehicles: 10, distance: 800, objective: "hierarchical")
    static let c102 = BestKnown(instance: "C102", vehicles: 10, distance: 1000, objective: "hierarchical")
    static let r101 = BestKnown(instance: "R101", vehicles: 19, distance: 1600, objective: "hierarchical")

    static func run(_ instance: String, _ known: BestKnown?, seed: UInt64, vehicles: Int, distance: Double,
                    budget: Double = 1, unassigned: Int = 0, objective: String = "hierarchical") -> BenchRecord {
        BenchRecord(instance: instance, objective: objective, budget: budget, seed: seed, vehicles: vehicles, distance: distance,
                    unassigned: unassigned, bestKnown: known, iterations: 100, seconds: budget)
    }

    @Test func gapCountsOnlyWhereTheVehicleCountIsReached() {
        let reached = Self.run("C101", Self.c101, seed: 1, vehicles: 10, distance: 808)
        let fewer = Self.run("C101", Self.c101, seed: 2, vehicles: 9, distance: 880)
        let missed = Self.run("C101", Self.c101, seed: 3, vehicles: 11, distance: 760)
        let unrouted = Self.run("C101", Self.c101, seed: 4, vehicles: 10, distance: 700, unassigned: 1)
        #expect(reached.countedGap == 1)
        #expect(fewer.countedGap == 10)
        #expect(missed.gap == -5)
        #expect(missed.countedGap == nil)
        #expect(missed.reachesBestKnownVehicles == false)
        #expect(unrouted.gap == nil)
        #expect(unrouted.reachesBestKnownVehicles == false)
    }

    @Test func distanceOnlyBestKnownCountsEveryRun() {
        let distanceRow = BestKnown(instance: "R101", vehicles: 20, distance: 1600, objective: "distance")
        let noVehicles = BestKnown(instance: "R101", vehicles: nil, distance: 1600)
        let run = Self.run("R101", distanceRow, seed: 1, vehicles: 22, distance: 1680, objective: "distance")
        #expect(run.reachesBestKnownVehicles == false)
        #expect(run.countedGap == 5)
        let other = Self.run("R101", noVehicles, seed: 1, vehicles: 22, distance: 1640)
        #expect(other.reachesBestKnownVehicles == nil)
        #expect(other.countedGap == 2.5)
    }

    @Test func instancesGiveBestAndMeanOverSeeds() throws {
        let summary = BenchSummary(records: [
            Self.run("C101", Self.c101, seed: 1, vehicles: 11, distance: 790), // misses the vehicles: not counted
            Self.run("C101", Self.c101, seed: 2, vehicles: 10, distance: 816), // +2 %
            Self.run("C101", Self.c101, seed: 3, vehicles: 10, distance: 808), // +1 %, the best
        ])
        let row = try #require(summary.instances.first)
        #expect(summary.instances.count == 1)
        #expect(row.runs == 3)
        #expect(row.best.seed == 3)
        #expect(row.reached == 2)
        #expect(row.meanGap == 1.5)
        #expect(abs(row.meanVehicles - 31.0 / 3) < 1e-9)
        #expect(abs(row.meanDistance - 2414.0 / 3) < 1e-9)
    }

    @Test func familiesCountReachedInstancesAndAverageTheGapWhereReached() throws {
        let summary = BenchSummary(records: [
            // C101: both seeds reach 10 vehicles, gaps +1 % and +3 %.
            Self.run("C101", Self.c101, seed: 1, vehicles: 10, distance: 808),
            Self.run("C101", Self.c101, seed: 2, vehicles: 10, distance: 824),
            // C102: seed 1 misses (its -10 % gap must not count), seed 2 reaches at +2 %.
            Self.run("C102", Self.c102, seed: 1, vehicles: 11, distance: 900),
            Self.run("C102", Self.c102, seed: 2, vehicles: 10, distance: 1020),
            // R101: never reaches 19 vehicles.
            Self.run("R101", Self.r101, seed: 1, vehicles: 20, distance: 1650),
            Self.run("R101", Self.r101, seed: 2, vehicles: 21, distance: 1640),
            // A longer budget is summarised apart.
            Self.run("C101", Self.c101, seed: 1, vehicles: 10, distance: 800, budget: 10),
        ])
        #expect(summary.families.map(\.family) == ["C1", "R1", "all", "C1"])
        #expect(summary.families.map(\.budget) == [1, 1, 1, 10])
        let c1 = summary.families[0]
        #expect(c1.instances == 2)
        #expect(c1.runs == 4)
        #expect(c1.withBestKnownVehicles == 2)
        #expect(c1.reachedBest == 2)
        #expect(c1.reachedMean == 1.5) // C101 on 2/2 seeds, C102 on 1/2
        #expect(abs((c1.meanGap ?? .nan) - 2) < 1e-9) // (1 + 3 + 2) / 3
        #expect(abs((c1.bestGap ?? .nan) - 1.5) < 1e-9) // best runs: C101 +1 %, C102 +2 %
        let r1 = summary.families[1]
        #expect(r1.reachedBest == 0)
        #expect(r1.meanGap == nil)
        #expect(r1.bestGap == nil)
        let all = summary.families[2]
        #expect(all.instances == 3)
        #expect(all.reachedBest == 2)
        #expect(all.withBestKnownVehicles == 3)
        #expect(abs((all.meanGap ?? .nan) - 2) < 1e-9)
        #expect(summary.families[3].meanGap == 0)
    }

    /// Seed by seed over every instance: what a table of one seed would state.
    @Test func seedsCountTheirOwnRunsOverEveryInstance() {
        var failed = Self.run("R101", Self.r101, seed: 2, vehicles: 21, distance: 1640)
        failed.violations = ["route v3: late at R101-7"]
        let summary = BenchSummary(records: [
            Self.run("C101", Self.c101, seed: 1, vehicles: 10, distance: 808), // +1 %
            Self.run("C101", Self.c101, seed: 2, vehicles: 10, distance: 824), // +3 %
            Self.run("C102", Self.c102, seed: 1, vehicles: 11, distance: 900), // missed: not counted
            Self.run("C102", Self.c102, seed: 2, vehicles: 10, distance: 1020), // +2 %
            Self.run("R101", Self.r101, seed: 1, vehicles: 20, distance: 1650), // missed
            failed, // missed, and failed the checker
            Self.run("outlet-day", nil, seed: 1, vehicles: 20, distance: 500), // no best-known solution
            Self.run("C101", Self.c101, seed: 1, vehicles: 10, distance: 800, budget: 10), // +0 %
        ])
        #expect(summary.seeds.map(\.budget) == [1, 1, 10])
        #expect(summary.seeds.map(\.seed) == [1, 2, 1])
        let (one, two, long) = (summary.seeds[0], summary.seeds[1], summary.seeds[2])
        #expect(one.runs == 4 && one.withBestKnownVehicles == 3 && one.reached == 1)
        #expect(one.meanGap == 1)
        #expect(one.checkFailures == 0)
        #expect(two.runs == 3 && two.withBestKnownVehicles == 3 && two.reached == 2)
        #expect(abs((two.meanGap ?? .nan) - 2.5) < 1e-9) // (3 + 2) / 2
        #expect(two.checkFailures == 1)
        #expect(long.runs == 1 && long.reached == 1 && long.meanGap == 0)
    }

    @Test func failedChecksAreCountedAndMakeTheRunExit70() {
        var failed = Self.run("C101", Self.c101, seed: 1, vehicles: 10, distance: 808)
        failed.violations = ["route v1: capacity exceeded"]
        let report = BenchReport(seeds: [1], budgets: [1], records: [failed],
                                 failures: [.init(path: "x.txt", message: "no such file", isMissing: true)])
        #expect(report.summary.families.first?.checkFailures == 1)
        #expect(report.status == .internalError)
        #expect(BenchReport(seeds: [1], budgets: [1], failures: [.init(path: "x.txt", message: "no such file", isMissing: true)]).status == .noInput)
        #expect(BenchReport(seeds: [1], budgets: [1], failures: [.init(path: "x.txt", message: "bad")]).status == .dataError)
        #expect(BenchReport(seeds: [1], budgets: [1]).status == .ok)
    }
}
