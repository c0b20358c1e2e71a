import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchReport
import DispatchRisk
import DispatchSolver
import Foundation

/// Runs the planner over benchmark files: every budget and seed on each file, every plan checked
/// independently, each file compared with the best-known solutions beside it.
public struct BenchRun: Sendable {
    /// Seeds to run.
    public var seeds: [UInt64]
    /// Time budgets in seconds.
    public var budgets: [Double]
    /// Parallel searches per run (1 makes runs comparable with single-core results).
    public var workers: Int
    /// Objective name; `nil` picks hierarchical for literature instances, outlet for scenarios.
    public var objective: String?
    /// A best-known-solutions file for every instance; `nil` reads `BKS.csv` beside each file.
    public var bestKnownPath: String?
    /// Whether set partitioning runs after the search.
    public var setPartitioning: Bool

    /// A benchmark.
    public init(seeds: [UInt64] = [1], budgets: [Double] = [1], workers: Int = 1, objective: String? = nil,
                bestKnownPath: String? = nil, setPartitioning: Bool = true) {
        self.seeds = seeds
        self.budgets = budgets
        self.workers = workers
        self.objective = objective
        self.bestKnownPath = bestKnownPath
        self.setPartitioning = setPartitioning
    }

    /// Instance files among `paths`: files as given, folders expanded to their `.txt` and
    /// `.json` files in name order. A path that does not exist is kept, to be reported.
    public static func instanceFiles(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            files += names.filter { name in
                let lower = name.lowercased()
                return !name.hasPrefix(".") && (lower.hasSuffix(".txt") || lower.hasSuffix(".json"))
            }.sorted().map { base + "/" + $0 }
        }
        return files
    }

    /// Runs every file; `progress` gets a short line before each run (index, total, what).
    public func run(_ paths: [String], progress: (String) -> Void = { _ in }) -> BenchReport {
        var report = BenchReport(seeds: seeds, budgets: budgets, workers: workers, setPartitioning: setPartitioning)
        let files = Self.instanceFiles(paths)
        var tables: [String: Result<BestKnownTable, BestKnownTable.ReadError>] = [:]
        let total = files.count * budgets.count * seeds.count
        var done = 0
        for file in files {
            let loaded: LoadedScenario
            do {
                loaded = try ScenarioInput.load(file)
            } catch {
                switch error {
                case .missing: report.failures.append(.init(path: file, message: "no such file", isMissing: true))
                case .unreadable(_, let reason): report.failures.append(.init(path: file, message: "cannot read: \(reason)"))
                case .badEncoding(_, let line): report.failures.append(.init(path: file, line: line, message: "not UTF-8 text"))
                }
                done += budgets.count * seeds.count
                continue
            }
            if let firstError = loaded.errors.first {
                let others = loaded.errors.count > 1 ? " (and \(loaded.errors.count - 1) more error(s))" : ""
                report.failures.append(.init(path: firstError.file, line: firstError.line, message: "\(firstError.field): \(firstError.message)\(others)"))
                done += budgets.count * seeds.count
                continue
            }
            let isLiterature = loaded.scenario.outlet.zoneRadiusKm == nil
            let objectiveName = objective ?? (isLiterature ? "hierarchical" : "outlet")
            guard let named = Objective.named(objectiveName) else {
                report.failures.append(.init(path: file, message: "unknown objective \(objectiveName)"))
                done += budgets.count * seeds.count
                continue
            }
            // The day's own "objective" block, as `desk plan` applies it.
            let (chosen, unknownWeights) = named.overriding(loaded.scenario.objectiveWeights)
            guard unknownWeights.isEmpty else {
                report.failures.append(.init(path: file, message: "objective: unknown weight(s) \(unknownWeights.joined(separator: ", ")); known: \(Objective.weightNames.joined(separator: ", "))"))
                done += budgets.count * seeds.count
                continue
            }
            let instance = Self.stem(of: file)
            var bestKnown: BestKnown?
            let tablePath = bestKnownPath ?? TextFile.sibling("BKS.csv", of: file)
            if bestKnownPath != nil || FileManager.default.fileExists(atPath: tablePath) {
                if tables[tablePath] == nil { tables[tablePath] = Self.readTable(tablePath) }
                switch tables[tablePath] {
                case .success(let table)?:
                    bestKnown = table.lookup([instance, loaded.scenario.name], objective: objectiveName)
                case .failure(let error)?:
                    // Reported once; the runs go on without a reference.
                    if !report.unreadBestKnown.contains(where: { $0.path == tablePath }) {
                        report.unreadBestKnown.append(.init(path: tablePath, line: error.line, message: error.message,
                                                            isMissing: error.line == 0 && error.message == "no such file"))
                    }
                case nil:
                    break
                }
            }
            for budget in budgets {
                for seed in seeds {
                    done += 1
                    progress("[\(done)/\(total)] \(instance) \(BenchTable.budget(budget)) seed \(seed)")
                    let plan = RoutePlanner.plan(loaded.scenario, objective: chosen,
                                                 options: SearchOptions(seconds: budget, seed: seed, workers: workers),
                                                 setPartitioning: setPartitioning)
                    var risk: (atRisk: Int, expected: Double)?
                    if !isLiterature {
                        do {
                            risk = try Self.promiseRisk(plan, loaded, path: file)
                        } catch {
                            report.failures.append(.init(path: file, message: "risk: \(error.description)"))
                        }
                    }
                    report.records.append(BenchRecord(
                        instance: instance, objective: objectiveName, budget: budget, seed: seed,
                        vehicles: plan.couriersUsed, distance: plan.distance, unassigned: plan.unassigned.count,
                        bestKnown: bestKnown, iterations: Int(plan.statistics["iterations"] ?? 0),
                        seconds: plan.statistics["seconds"] ?? 0,
                        setPartitioningGain: plan.statistics["setPartitioningGain"] ?? 0,
                        violations: PlanChecker.violations(plan, scenario: loaded.scenario),
                        outlet: !isLiterature
                            ? BenchRecord.OutletTerms(promisesKept: plan.promisesKept, promisesBroken: plan.promisesBroken,
                                                      latestReturn: plan.latestReturn, longestWorkingMinutes: plan.longestWorkingMinutes,
                                                      meanWorkingMinutes: plan.meanWorkingMinutes, cost: plan.cost,
                                                      promisesAtRisk: risk?.atRisk, expectedLate: risk?.expected)
                            : nil))
                }
            }
        }
        return report
    }

    /// The promises at risk (P(late) ≥ 0.2) and the promises expected late (the sum of P(late))
    /// of an outlet day's plan, from the report `desk plan --report` gives (``PlanRiskReport``).
    static func promiseRisk(_ plan: Plan, _ loaded: LoadedScenario, path: String) throws(RiskDataError) -> (atRisk: Int, expected: Double) {
        let report = try PlanRiskReport.report(plan: plan, scenario: loaded.scenario, riskBlock: loaded.riskBlock, scenarioPath: path)
        let promised = report.rows.filter { $0.stop.promise != nil }
        return (promised.filter(\.atRisk).count, promised.map(\.pLate).reduce(0, +))
    }

    /// The file name without folder and extension.
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    private static func readTable(_ path: String) -> Result<BestKnownTable, BestKnownTable.ReadError> {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            switch error {
            case .missing: return .failure(BestKnownTable.ReadError(path: path, line: 0, message: "no such file"))
            case .unreadable(_, let reason): return .failure(BestKnownTable.ReadError(path: path, line: 0, message: "cannot read: \(reason)"))
            case .badEncoding(_, let line): return .failure(BestKnownTable.ReadError(path: path, line: line, message: "not UTF-8 text"))
            }
        }
        do {
            return .success(try BestKnownTable.parse(text, path: path))
        } catch {
            return .failure(error)
        }
    }
}
