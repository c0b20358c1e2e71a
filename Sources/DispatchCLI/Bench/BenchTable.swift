import DispatchModel
import Foundation

/// Output formats of `desk bench`.
public enum BenchFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// GitHub-flavoured Markdown tables (for `docs/benchmarks.md`).
    case md
    /// One CSV row per run (instance, budget, seed).
    case csv
    /// Runs, per-instance rows, the summary and the files not run.
    case json

    /// The names, for help and error messages.
    public static let choices = allCases.map(\.rawValue).joined(separator: ", ")
}

/// Renders a ``BenchReport``: per-instance rows (best and mean over seeds), the per-family
/// summary and, with several seeds, the per-seed summary for `table` and `md`; every run for
/// `csv`; everything for `json` (docs/formats.md).
public enum BenchTable {
    /// The report in `format`.
    public static func render(_ report: BenchReport, format: BenchFormat) -> String {
        switch format {
        case .table: return text(report, markdown: false)
        case .md: return text(report, markdown: true)
        case .csv: return csv(report)
        case .json: return JSONWriter.write(json(report))
        }
    }

    /// Columns of the CSV output, one row per run.
    public static let csvHeader = [
        "instance", "family", "objective", "budget_s", "seed", "vehicles", "distance", "unassigned",
        "bks_vehicles", "bks_distance", "bks_objective", "gap_percent", "reached_bks_vehicles", "gap_counted",
        "iterations", "seconds", "sp_gain", "check", "violation",
        "promises_kept", "promises_broken", "latest_return", "longest_working_min", "mean_working_min", "cost",
        "promises_at_risk", "promises_expected_late",
    ]

    /// Every run as CSV.
    public static func csv(_ report: BenchReport) -> String {
        let rows = report.records.map { r -> [String] in
            let known: [String] = [r.bestKnown?.vehicles.map(String.init) ?? "", r.bestKnown.map { number($0.distance) } ?? "",
                                   r.bestKnown?.objective ?? ""]
            let gap: [String] = [r.gap.map { number($0, digits: 3) } ?? "", r.reachesBestKnownVehicles.map { $0 ? "yes" : "no" } ?? "",
                                 r.countedGap == nil ? "no" : "yes"]
            let run: [String] = [String(r.iterations), number(r.seconds, digits: 3), number(r.setPartitioningGain),
                                 r.checkPassed ? "passed" : "failed", r.violations.first ?? ""]
            return [r.instance, r.family, r.objective, number(r.budget, digits: 3), String(r.seed), String(r.vehicles),
                    number(r.distance), String(r.unassigned)] + known + gap + run + outletCells(r.outlet)
        }
        return CSVTable.write(header: csvHeader, rows: rows)
    }

    /// The outlet columns of the CSV (empty for a literature instance).
    private static func outletCells(_ o: BenchRecord.OutletTerms?) -> [String] {
        guard let o else { return Array(repeating: "", count: 8) }
        return [String(o.promisesKept), String(o.promisesBroken), Clock.format(Int(o.latestReturn)),
                number(o.longestWorkingMinutes, digits: 1), number(o.meanWorkingMinutes, digits: 1), number(o.cost),
                o.promisesAtRisk.map(String.init) ?? "", o.expectedLate.map { number($0, digits: 1) } ?? ""]
    }

    /// The report as a JSON value (`"format": "dispatchdesk.bench/1"`).
    public static func json(_ report: BenchReport) -> JSONValue {
        let summary = report.summary
        func optional(_ x: Double?) -> JSONValue { x.map(JSONValue.number) ?? .null }
        let runs = report.records.map { r in
            JSONValue.object([
                "instance": .string(r.instance), "family": .string(r.family), "objective": .string(r.objective),
                "budgetSeconds": .number(r.budget), "seed": .number(Double(r.seed)), "vehicles": .number(Double(r.vehicles)),
                "distance": .number(rounded(r.distance)), "unassigned": .number(Double(r.unassigned)),
                "bestKnown": r.bestKnown.map { known in
                    JSONValue.object(["vehicles": known.vehicles.map { .number(Double($0)) } ?? .null,
                                      "distance": .number(known.distance),
                                      "objective": known.objective.map(JSONValue.string) ?? .null])
                } ?? .null,
                "gapPercent": optional(r.gap.map { rounded($0, digits: 4) }),
                "reachedBestKnownVehicles": r.reachesBestKnownVehicles.map(JSONValue.bool) ?? .null,
                "gapCounted": .bool(r.countedGap != nil),
                "iterations": .number(Double(r.iterations)), "seconds": .number(rounded(r.seconds, digits: 3)),
                "setPartitioningGain": .number(rounded(r.setPartitioningGain)),
                "checkPassed": .bool(r.checkPassed), "violations": .array(r.violations.map(JSONValue.string)),
                "outlet": r.outlet.map { o in
                    JSONValue.object([
                        "promisesKept": .number(Double(o.promisesKept)), "promisesBroken": .number(Double(o.promisesBroken)),
                        "latestReturn": .string(Clock.format(Int(o.latestReturn))),
                        "longestWorkingMinutes": .number(rounded(o.longestWorkingMinutes, digits: 1)),
                        "meanWorkingMinutes": .number(rounded(o.meanWorkingMinutes, digits: 1)), "cost": .number(rounded(o.cost)),
                        "promisesAtRisk": o.promisesAtRisk.map { .number(Double($0)) } ?? .null,
                        "promisesExpectedLate": o.expectedLate.map { .number(rounded($0, digits: 1)) } ?? .null,
                    ])
                } ?? .null,
            ])
        }
        let instances = summary.instances.map { row in
            JSONValue.object([
                "instance": .string(row.instance), "family": .string(row.family), "budgetSeconds": .number(row.budget),
                "runs": .number(Double(row.runs)), "bestVehicles": .number(Double(row.best.vehicles)),
                "bestDistance": .number(rounded(row.best.distance)), "bestGapPercent": optional(row.best.gap.map { rounded($0, digits: 4) }),
                "bestGapCounted": .bool(row.best.countedGap != nil),
                "meanVehicles": .number(rounded(row.meanVehicles, digits: 3)), "meanDistance": .number(rounded(row.meanDistance)),
                "meanGapPercent": optional(row.meanGap.map { rounded($0, digits: 4) }),
                "runsReachingBestKnownVehicles": row.reached.map { .number(Double($0)) } ?? .null,
                "checkFailures": .number(Double(row.checkFailures)),
            ])
        }
        let families = summary.families.map { row in
            JSONValue.object([
                "family": .string(row.family), "budgetSeconds": .number(row.budget), "instances": .number(Double(row.instances)),
                "runs": .number(Double(row.runs)), "withBestKnownVehicles": .number(Double(row.withBestKnownVehicles)),
                "reachedBest": .number(Double(row.reachedBest)), "reachedMean": .number(rounded(row.reachedMean, digits: 3)),
                "meanGapPercent": optional(row.meanGap.map { rounded($0, digits: 4) }),
                "bestGapPercent": optional(row.bestGap.map { rounded($0, digits: 4) }),
                "checkFailures": .number(Double(row.checkFailures)),
            ])
        }
        let bySeed = summary.seeds.map { row in
            JSONValue.object([
                "budgetSeconds": .number(row.budget), "seed": .number(Double(row.seed)), "runs": .number(Double(row.runs)),
                "withBestKnownVehicles": .number(Double(row.withBestKnownVehicles)), "reached": .number(Double(row.reached)),
                "meanGapPercent": optional(row.meanGap.map { rounded($0, digits: 4) }),
                "checkFailures": .number(Double(row.checkFailures)),
            ])
        }
        return .object([
            "format": .string("dispatchdesk.bench/1"),
            "seeds": .array(report.seeds.map { .number(Double($0)) }),
            "budgetsSeconds": .array(report.budgets.map(JSONValue.number)),
            "workers": .number(Double(report.workers)),
            "setPartitioning": .bool(report.setPartitioning),
            "runs": .array(runs), "instances": .array(instances), "summary": .array(families), "bySeed": .array(bySeed),
            "notRun": .array(report.failures.map(failureJSON)),
            "bestKnownNotRead": .array(report.unreadBestKnown.map(failureJSON)),
        ])
    }

    /// A file not run or not read, as JSON: its path, line (0: the whole file) and message.
    private static func failureJSON(_ failure: BenchReport.Failure) -> JSONValue {
        .object(["path": .string(failure.path), "line": .number(Double(failure.line)), "message": .string(failure.message)])
    }

    /// Header of the per-instance table.
    public static let instanceHeader = [
        "instance", "budget", "seeds", "vehicles", "BKS veh.", "distance", "BKS dist.", "gap %", "mean gap %",
        "reached", "unrouted", "iterations", "seconds", "SP gain", "check",
    ]

    /// Header of the per-family summary.
    public static let summaryHeader = [
        "family", "budget", "instances", "runs", "BKS vehicles reached (best)", "reached (mean over seeds)",
        "mean gap % where reached", "best gap % where reached", "check failures",
    ]

    /// Header of the per-seed summary (shown when the runs have more than one seed).
    public static let seedHeader = [
        "budget", "seed", "runs", "BKS vehicles reached", "mean gap % where reached", "check failures",
    ]

    /// Header of the outlet table (outlet days, one row per run).
    public static let outletHeader = [
        "instance", "budget", "seed", "couriers out", "km", "unrouted", "promises broken", "at risk (P ≥ 0.2)", "expected late",
        "latest return", "longest / mean working day", "cost", "check",
    ]

    private static func text(_ report: BenchReport, markdown: Bool) -> String {
        let summary = report.summary
        let instanceRows = summary.instances.map { row -> [String] in
            let best = row.best
            let gap = best.gap.map { best.countedGap == nil ? "(\(signed($0)))" : signed($0) } ?? "-"
            return [row.instance, budget(row.budget), String(row.runs), String(best.vehicles),
                    best.bestKnown?.vehicles.map(String.init) ?? "-", number(best.distance),
                    best.bestKnown.map { number($0.distance) } ?? "-", gap, row.meanGap.map(signed) ?? "-",
                    row.reached.map { "\($0)/\(row.runs)" } ?? "-", String(best.unassigned),
                    String(Int(row.meanIterations.rounded())), number(row.meanSeconds), number(row.meanSetPartitioningGain),
                    row.checkFailures == 0 ? "passed" : "FAILED \(row.checkFailures)/\(row.runs)"]
        }
        let familyRows = summary.families.map { row -> [String] in
            [row.family, budget(row.budget), String(row.instances), String(row.runs),
             row.withBestKnownVehicles == 0 ? "-" : "\(row.reachedBest)/\(row.withBestKnownVehicles)",
             row.withBestKnownVehicles == 0 ? "-" : "\(number(row.reachedMean, digits: 1))/\(row.withBestKnownVehicles)",
             row.meanGap.map(signed) ?? "-", row.bestGap.map(signed) ?? "-", String(row.checkFailures)]
        }
        // One seed's figures over every instance, as a single-seed table would state them.
        let seedRows = Set(summary.seeds.map(\.seed)).count < 2 ? [] : summary.seeds.map { row -> [String] in
            [budget(row.budget), String(row.seed), String(row.runs),
             row.withBestKnownVehicles == 0 ? "-" : "\(row.reached)/\(row.withBestKnownVehicles)",
             row.meanGap.map(signed) ?? "-", String(row.checkFailures)]
        }
        let outletRows = report.records.compactMap { r -> [String]? in
            guard let o = r.outlet else { return nil }
            return [r.instance, budget(r.budget), String(r.seed), String(r.vehicles), number(r.distance), String(r.unassigned),
                    "\(o.promisesBroken) of \(o.promisesKept + o.promisesBroken)", o.promisesAtRisk.map(String.init) ?? "–", o.expectedLate.map { number($0, digits: 1) } ?? "–",
                    Clock.format(Int(o.latestReturn)),
                    "\(Int(o.longestWorkingMinutes.rounded())) / \(Int(o.meanWorkingMinutes.rounded())) min = \(number(o.longestOverMean))",
                    number(o.cost), r.checkPassed ? "passed" : "FAILED"]
        }
        var out = ""
        let seeds = report.seeds.map(String.init).joined(separator: ",")
        let budgets = report.budgets.map(budget).joined(separator: ", ")
        let settings = "seeds \(seeds); budgets \(budgets); \(report.workers) worker(s); set partitioning \(report.setPartitioning ? "on" : "off")"
        if markdown {
            out += "Runs: \(settings).\n\n"
            out += markdownTable(instanceHeader, instanceRows) + "\n"
            out += markdownTable(summaryHeader, familyRows)
            if !seedRows.isEmpty { out += "\nSeed by seed, every instance:\n\n" + markdownTable(seedHeader, seedRows) }
            if !outletRows.isEmpty { out += "\nThe outlet's figures, run by run:\n\n" + markdownTable(outletHeader, outletRows) }
        } else {
            out += settings + "\n\n"
            out += alignedTable(instanceHeader, instanceRows) + "\n"
            out += alignedTable(summaryHeader, familyRows)
            if !seedRows.isEmpty { out += "\n" + alignedTable(seedHeader, seedRows) }
            if !outletRows.isEmpty { out += "\n" + alignedTable(outletHeader, outletRows) }
        }
        out += "\n" + legend + "\n"
        if !report.failures.isEmpty {
            out += "\n" + (markdown ? "Not run:\n\n" : "not run:\n")
            for failure in report.failures { out += (markdown ? "- " : "  ") + failure.description + "\n" }
        }
        if !report.unreadBestKnown.isEmpty {
            out += "\n" + (markdown ? "Best-known solutions not read (those runs have no gap):\n\n" : "best-known solutions not read (those runs have no gap):\n")
            for failure in report.unreadBestKnown { out += (markdown ? "- " : "  ") + failure.description + "\n" }
        }
        let failedChecks = report.records.filter { !$0.checkPassed }
        if !failedChecks.isEmpty {
            out += "\n" + (markdown ? "Plans that failed the checker:\n\n" : "plans that failed the checker:\n")
            for r in failedChecks {
                out += (markdown ? "- " : "  ") + "\(r.instance) \(budget(r.budget)) seed \(r.seed): \(r.violations.first ?? "")\n"
            }
        }
        return out
    }

    private static let legend = """
        vehicles, distance and gap % are the best run over the seeds; a gap in parentheses does not count \
        (the best-known vehicle count is not reached). Mean gap % is over the runs where it counts: for \
        vehicles-first (hierarchical) best-known solutions only where the vehicle count is reached, for \
        distance-only ones every run. reached = runs with at most the best-known vehicles and no stop unrouted.
        """

    private static func markdownTable(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        var out = line(header)
        out += "|" + header.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined() + "\n"
        for row in rows { out += line(row) }
        return out
    }

    private static func alignedTable(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ") + "\n"
        }
        return all.map(line).joined()
    }

    /// `1 s`, `0.2 s`.
    public static func budget(_ seconds: Double) -> String {
        (seconds == seconds.rounded() ? String(Int(seconds)) : number(seconds, digits: 3)
            .replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)) + " s"
    }

    static func number(_ x: Double, digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

    static func signed(_ x: Double) -> String {
        let shown = rounded(x)
        return shown == 0 ? "+0.00" : (shown > 0 ? "+" : "") + number(shown)
    }

    static func rounded(_ x: Double, digits: Int = 2) -> Double {
        let scale = pow(10, Double(digits))
        return (x * scale).rounded() / scale
    }
}
