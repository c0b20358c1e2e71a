import Benchmark
import DispatchModel
import DispatchSolver

/// The folder of this package's parent (the repository), found from this file's path.
private let repository: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4) // RouteBuilder.swift, RouteBuilder, Benchmarks, Benchmarks
    return parts.joined(separator: "/")
}()

private func load(_ relative: String) -> Scenario? {
    let path = repository + "/" + relative
    guard let text = try? TextFile.read(path) else { return nil }
    let loaded = SolomonReader.looksLikeSolomon(text) ? SolomonReader.read(text: text, path: path) : ScenarioReader.read(text: text, path: path)
    return loaded.errors.isEmpty ? loaded.scenario : nil
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 20)

    let inputs: [(String, String, Objective)] = [
        ("C101", "scenarios/solomon/C101.txt", .hierarchical),
        ("R101", "scenarios/solomon/R101.txt", .hierarchical),
        ("outlet-day", "scenarios/outlet-day.json", .outlet),
    ]
    for (name, path, objective) in inputs {
        guard let scenario = load(path) else { continue }
        Benchmark("problem build \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(ProblemBuilder(scenario: scenario, objective: objective))
            }
        }
        Benchmark("construction \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(RoutePlanner.plan(scenario, objective: objective,
                                            options: SearchOptions(iterations: 0, seconds: 600, seed: 1, workers: 1, localSearch: false),
                                            setPartitioning: false))
            }
        }
        // Minus the construction above: one local search to a local optimum (polishing the first and final plan).
        Benchmark("construction + local search \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(RoutePlanner.plan(scenario, objective: objective,
                                            options: SearchOptions(iterations: 0, seconds: 600, seed: 1, workers: 1, localSearch: true),
                                            setPartitioning: false))
            }
        }
        Benchmark("1000 ruin-and-recreate iterations \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(RoutePlanner.plan(scenario, objective: objective,
                                            options: SearchOptions(iterations: 1_000, seconds: 600, seed: 1, workers: 1, localSearch: false),
                                            setPartitioning: false))
            }
        }
    }
}
