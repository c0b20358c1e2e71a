import Benchmark
import DispatchModel
import DispatchPlan
import DispatchRisk
import DispatchSolver

/// The folder of this package's parent (the repository), found from this file's path.
private let repository: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4) // RiskEstimator.swift, RiskEstimator, Benchmarks, Benchmarks
    return parts.joined(separator: "/")
}()

/// The outlet day (2,000 stops), planned once by construction only: the estimator's cost does
/// not depend on how good the plan is, only on its stops and trips.
private let outletDay: PlannedDay? = {
    let path = repository + "/scenarios/outlet-day.json"
    guard let text = try? TextFile.read(path) else { return nil }
    let loaded = ScenarioReader.read(text: text, path: path)
    guard loaded.errors.isEmpty else { return nil }
    let plan = RoutePlanner.plan(loaded.scenario, objective: .outlet,
                                 options: SearchOptions(iterations: 0, seconds: 600, seed: 1, workers: 1, localSearch: false),
                                 setPartitioning: false)
    return try? PlannedDay(plan: plan, scenario: loaded.scenario)
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 30)
    guard let day = outletDay else { return }
    // Issue 7's target: ≤ 0.3 s on one core.
    Benchmark("risk estimate outlet-day 1000 draws") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(RiskEstimator(model: .rainy, draws: 1000, seed: 1).estimate(day))
        }
    }
}
