import Benchmark
import DispatchModel
import DispatchPlan
import DispatchReplan
import DispatchSolver

/// The folder of this package's parent (the repository), found from this file's path.
private let repository: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4) // Replan.swift, Replan, Benchmarks, Benchmarks
    return parts.joined(separator: "/")
}()

/// The outlet day at 11:00: its plan, everything planned before 11:00 reported done, and 20 new
/// pickups (issue 8: a feasible plan in ≤ 200 ms, a good one in ≤ 2 s).
private struct ElevenOClock {
    let day: Scenario
    let plan: Plan
    let events: [ReplanEvent]
    let requests: [Stop]

    init?() {
        guard let loaded = try? ScenarioReader.load(path: repository + "/scenarios/outlet-day.json"), loaded.errors.isEmpty else { return nil }
        day = loaded.scenario
        plan = RoutePlanner.plan(day, objective: .outlet, options: SearchOptions(iterations: 2_000, seconds: 600, seed: 1, workers: 2))
        var events: [ReplanEvent] = []
        for route in plan.routes { for visit in route.stops where visit.departure <= 660 {
            events.append(ReplanEvent(time: visit.departure, courier: route.courier, stop: visit.id, kind: .done))
        } }
        self.events = events
        var rng = SplitMix64(seed: 20)
        requests = (0..<20).map { i in
            let point = GeoPoint(lat: 30.2791, lon: 120.1312).offset(kilometres: 2.5 * rng.unit().squareRoot(), bearing: rng.unit() * 6.283)
            return Stop(id: "r\(i)", kind: .pickup, location: .geographic(point), weightKg: Double(1 + rng.below(5)),
                        windows: [TimeWindow(start: 7 * 60, end: 21 * 60)], serviceMinutes: 3)
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 10)
    guard let input = ElevenOClock() else { return }
    // The first feasible plan: the kept routes with the 20 pickups inserted, no search.
    Benchmark("replan outlet-day 11:00 +20 pickups: feasible plan") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Replanner.replan(plan: input.plan, scenario: input.day, events: input.events, newStops: input.requests, objective: .outlet,
                                       options: ReplanOptions(now: 660, seconds: 600, iterations: 0, workers: 1, localSearch: false)))
        }
    }
    // A good plan: two workers, local search and ruin-and-recreate within 2 s.
    Benchmark("replan outlet-day 11:00 +20 pickups: 2 s budget") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Replanner.replan(plan: input.plan, scenario: input.day, events: input.events, newStops: input.requests, objective: .outlet,
                                       options: ReplanOptions(now: 660, seconds: 2)))
        }
    }
}
