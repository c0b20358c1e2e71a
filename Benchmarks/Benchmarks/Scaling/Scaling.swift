import Benchmark
import DispatchModel
import DispatchPlan
import DispatchSolver

/// How the engine grows with the day (issue 9 §5): generated outlet days of 100 to 5,000 stops
/// (one courier per ~90 stops, the generator's sector territories), timed for the first plan, the
/// first plan plus one local search to a local optimum, and the first plan plus 1,000
/// ruin-and-recreate iterations; peak resident memory with each. Subtract the first plan from the
/// other two for the step alone.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 10)

    for stops in [100, 400, 1_000, 2_000, 5_000] {
        let couriers = max(2, (stops + 89) / 90)
        let scenario = OutletDayGenerator(stops: stops, couriers: couriers, seed: 2026).scenario()
        func plan(iterations: Int, localSearch: Bool) -> Plan {
            RoutePlanner.plan(scenario, objective: .outlet,
                              options: SearchOptions(iterations: iterations, seconds: 3_600, seed: 1, workers: 1, localSearch: localSearch),
                              setPartitioning: false)
        }
        Benchmark("first plan \(stops) stops") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(plan(iterations: 0, localSearch: false)) }
        }
        Benchmark("first plan + local search \(stops) stops") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(plan(iterations: 0, localSearch: true)) }
        }
        Benchmark("first plan + 1000 ruin-and-recreate \(stops) stops") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(plan(iterations: 1_000, localSearch: false)) }
        }
    }
}
