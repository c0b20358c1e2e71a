import ArgumentParser
import DispatchCheck
import DispatchModel
import DispatchSolver
import Foundation

/// `desk bench FILES…|FOLDERS…`: plans benchmark instances over several seeds and time budgets,
/// checks every plan, and reports the results in the literature's terms.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Plan benchmark instances and compare with the best-known solutions.",
        discussion: """
            Folders are expanded to their .txt and .json files. Best-known solutions come from the BKS.csv \
            beside each file unless --bks names one. The summary gives, per family and budget, how many \
            instances reach the best-known vehicle count and the mean distance gap over the runs that \
            reach it. Every plan is checked independently. Exits 70 when a plan fails the check, 65 \
            (66 when missing) when a file could not be run; the other files are run either way.
            """)

    @Argument(help: "Instance files or folders (Solomon, Gehring–Homberger, Li & Lim, scenario JSON).") var files: [String]
    @Option(help: "Seeds, comma-separated (e.g. 1,2,3).") var seeds: String = "1"
    @Option(help: "Time budgets in seconds per run, comma-separated (e.g. 1,10).") var seconds: String = "1"
    @Option(help: "Parallel searches per run.") var workers: Int = 1
    @Option(help: "Objective: hierarchical, distance or outlet (default: hierarchical for instances, outlet for scenarios).")
    var objective: String?
    @Option(help: "Output: table, md, csv or json.") var format: String = "table"
    @Option(help: "Write the output here (atomically) instead of standard output.") var out: String?
    @Option(help: "Best-known solutions CSV for every file (default: BKS.csv beside each file).") var bks: String?
    @Flag(help: "Skip the set-partitioning step (to measure what it adds).") var noSetPartitioning = false

    public init() {}

    public func validate() throws {
        guard Self.seedList(seeds) != nil else { throw ValidationError("--seeds must be whole numbers separated by commas, e.g. 1,2,3") }
        guard Self.budgetList(seconds) != nil else { throw ValidationError("--seconds must be numbers in (0, 3600] separated by commas, e.g. 1,10") }
        guard (1...16).contains(workers) else { throw ValidationError("--workers must be 1…16") }
        if let objective, Objective.named(objective) == nil {
            throw ValidationError("--objective must be hierarchical, distance or outlet")
        }
        guard BenchFormat(rawValue: format) != nil else { throw ValidationError("--format must be one of \(BenchFormat.choices)") }
    }

    public func run() throws {
        let run = BenchRun(seeds: Self.seedList(seeds) ?? [1], budgets: Self.budgetList(seconds) ?? [1], workers: workers,
                           objective: objective, bestKnownPath: bks, setPartitioning: !noSetPartitioning)
        emit(Self.execute(files, run: run, format: BenchFormat(rawValue: format) ?? .table, out: out, showProgress: isatty(2) != 0))
    }

    /// Runs the benchmark without touching the process (for tests). Progress goes to standard
    /// error as it happens, on one rewritten line, only when `showProgress` is set.
    public static func execute(_ files: [String], run: BenchRun, format: BenchFormat = .table, out: String? = nil,
                               showProgress: Bool = false) -> CommandResult {
        // Before any run: --out must not replace an instance or a best-known-solutions table.
        let instances = BenchRun.instanceFiles(files)
        let tables = run.bestKnownPath.map { [$0] }
            ?? instances.map { TextFile.sibling("BKS.csv", of: $0) }.filter { FileManager.default.fileExists(atPath: $0) }
        let inputs = instances.map { ("an instance being run", $0) } + tables.map { ("a best-known-solutions table being read", $0) }
        if let refusal = OutputPaths([("--out", out)]).refusal(inputs: inputs) { return refusal }
        let report = run.run(files) { line in
            guard showProgress else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        var errors = report.failures.map { "desk: \($0.description); not run\n" }.joined()
        errors += report.unreadBestKnown.map { "desk: \($0.description); the runs went on without best-known solutions\n" }.joined()
        for record in report.records where !record.checkPassed {
            errors += "desk: BUG: \(record.instance) \(BenchTable.budget(record.budget)) seed \(record.seed): the plan failed the independent check: \(record.violations.first ?? "")\n"
        }
        let text = BenchTable.render(report, format: format)
        guard let out else { return CommandResult(output: text, errors: errors, status: report.status) }
        do {
            try TextFile.writeAtomically(text, to: out)
        } catch {
            return CommandResult(errors: errors + "desk: \(error.description)\n", status: .cannotCreate)
        }
        return CommandResult(output: "wrote \(out)\n", errors: errors, status: report.status)
    }

    /// `1,2,3` as seeds; `nil` when a part is not a whole number.
    static func seedList(_ text: String) -> [UInt64]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let seeds = parts.compactMap { UInt64($0) }
        return seeds.count == parts.count && !seeds.isEmpty ? seeds : nil
    }

    /// `1,10` as budgets in seconds; `nil` when a part is not a number in (0, 3600].
    static func budgetList(_ text: String) -> [Double]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let budgets = parts.compactMap { Double($0) }.filter { $0 > 0 && $0 <= 3600 }
        return budgets.count == parts.count && !budgets.isEmpty ? budgets : nil
    }
}
