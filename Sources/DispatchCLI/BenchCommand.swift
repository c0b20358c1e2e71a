import ArgumentParser
import DispatchCheck
import DispatchModel
import DispatchSolver
import Foundation

/// `desk bench`: plans benchmark instances and prints cost, vehicles, lateness, time and the gap
/// to the best-known solutions.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Plan benchmark instances and print the gap to best-known solutions.")

    @Argument(help: "Instance files (Solomon format or scenario JSON).") var files: [String]
    @Option(help: "Seconds per instance.") var seconds: Double = 1
    @Option(help: "Objective: hierarchical or distance (Solomon), outlet (scenarios).") var objective: String = "hierarchical"
    @Option(help: "Best-known solutions CSV (instance,vehicles,distance,objective,source).") var bks: String = "scenarios/solomon/BKS.csv"
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Parallel searches per instance.") var workers: Int = 2
    @Flag(help: "Skip the set-partitioning step (to measure what it adds).") var noSetPartitioning = false

    public init() {}

    public func run() throws {
        guard let chosen = Objective.named(objective) else { throw ValidationError("unknown objective \(objective)") }
        let bksRows = (try? CSVTable.parse(TextFile.read(bks)))?.rows ?? []
        func best(_ name: String) -> (vehicles: Int, distance: Double)? {
            let wanted = objective == "distance" ? "distance" : "hierarchical"
            guard let row = bksRows.first(where: { $0.cells.count >= 4 && $0.cells[0] == name && $0.cells[3] == wanted }),
                  let v = Int(row.cells[1]), let d = Double(row.cells[2]) else { return nil }
            return (v, d)
        }
        print("instance  vehicles  bks_v  distance    bks_dist   gap%   lateness  unassigned  iterations  seconds  sp_gain")
        var gaps: [Double] = []
        var vehicleHits = 0, counted = 0
        for file in files {
            let loaded: LoadedScenario
            do {
                loaded = try ScenarioInput.load(file)
            } catch {
                print("\(error.description), skipped")
                continue
            }
            guard loaded.errors.isEmpty else { print("\(file): \(loaded.errors.count) errors, skipped"); continue }
            let plan = RoutePlanner.plan(loaded.scenario, objective: chosen,
                                         options: SearchOptions(seconds: seconds, seed: seed, workers: workers),
                                         setPartitioning: !noSetPartitioning)
            let violations = PlanChecker.violations(plan, scenario: loaded.scenario)
            let name = loaded.scenario.name
            let reference = best(name)
            let gap = reference.map { (plan.distance - $0.distance) / $0.distance * 100 }
            if let gap { gaps.append(gap) }
            if let reference { counted += 1; if plan.couriersUsed <= reference.vehicles { vehicleHits += 1 } }
            let line = [pad(name, 8), pad(String(plan.couriersUsed), 8), pad(reference.map { String($0.vehicles) } ?? "-", 5),
                        pad(fmt(plan.distance), 10), pad(reference.map { fmt($0.distance) } ?? "-", 10),
                        pad(gap.map(fmt) ?? "-", 6), pad(fmt(plan.lateness), 8), pad(String(plan.unassigned.count), 10),
                        pad(String(Int(plan.statistics["iterations"] ?? 0)), 10), pad(fmt(plan.statistics["seconds"] ?? 0), 7),
                        fmt(plan.statistics["setPartitioningGain"] ?? 0)]
            print(line.joined(separator: "  ") + (violations.isEmpty ? "" : "  CHECK FAILED: \(violations.first ?? "")"))
        }
        if !gaps.isEmpty {
            print("mean gap: \(fmt(gaps.reduce(0, +) / Double(gaps.count)))%  BKS vehicle count reached: \(vehicleHits)/\(counted)")
        }
    }

    func fmt(_ x: Double) -> String { String(format: "%.2f", x) }
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
}
