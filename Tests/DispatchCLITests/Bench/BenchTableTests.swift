import Testing
@testable import DispatchCLI
@testable import DispatchModel

@Suite struct BenchTableTests {
    static let report: BenchReport = {
        let known = BestKnown(instance: "C101", vehicles: 10, distance: 800, objective: "hierarchical")
        return BenchReport(seeds: [1, 2], budgets: [1], records: [
            BenchRecord(instance: "C101", objective: "hierarchical", budget: 1, seed: 1, vehicles: 10, distance: 808,
                        bestKnown: known, iterations: 120, seconds: 0.95, setPartitioningGain: 1.5),
            BenchRecord(instance: "C101", objective: "hierarchical", budget: 1, seed: 2, vehicles: 11, distance: 790,
                        bestKnown: known, iterations: 110, seconds: 0.97),
            BenchRecord(instance: "outlet-day", objective: "outlet", budget: 1, seed: 1, vehicles: 20, distance: 552.9,
                        unassigned: 3, bestKnown: nil, iterations: 7, seconds: 1.01,
                        outlet: .init(promisesKept: 360, promisesBroken: 6, latestReturn: 20 * 60 + 41.7, longestWorkingMinutes: 348.4,
                                      meanWorkingMinutes: 290.2, cost: 48_372.25, promisesAtRisk: 41, expectedLate: 27.46)),
        ], failures: [.init(path: "broken.txt", message: "1 error(s)")])
    }()

    @Test func csvHasOneRowPerRunUnderTheDocumentedHeader() throws {
        let table = try CSVTable.parse(BenchTable.render(Self.report, format: .csv))
        #expect(table.header == BenchTable.csvHeader)
        #expect(table.rows.count == 3)
        func cell(_ row: Int, _ column: String) -> String? {
            table.header.firstIndex(of: column).map { table.rows[row].cells[$0] }
        }
        #expect(cell(0, "instance") == "C101")
        #expect(cell(0, "family") == "C1")
        #expect(cell(0, "gap_percent") == "1.000")
        #expect(cell(0, "gap_counted") == "yes")
        #expect(cell(0, "check") == "passed")
        #expect(cell(1, "seed") == "2")
        #expect(cell(1, "reached_bks_vehicles") == "no")
        #expect(cell(1, "gap_percent") == "-1.250")
        #expect(cell(1, "gap_counted") == "no")
        #expect(cell(2, "bks_distance") == "")
        #expect(cell(2, "unassigned") == "3")
        #expect(cell(2, "promises_broken") == "6" && cell(2, "latest_return") == "20:41" && cell(2, "longest_working_min") == "348.4")
        #expect(cell(2, "promises_at_risk") == "41" && cell(2, "promises_expected_late") == "27.5")
        #expect(cell(0, "promises_broken") == "" && cell(0, "cost") == "" && cell(0, "promises_expected_late") == "")
    }

    @Test func jsonParsesBackWithRunsSummaryAndFilesNotRun() throws {
        let root = try JSONParser.parse(BenchTable.render(Self.report, format: .json)).value
        #expect(root["format"]?.value == .string("dispatchdesk.bench/1"))
        guard case .array(let runs)? = root["runs"]?.value, case .array(let summary)? = root["summary"]?.value,
              case .array(let notRun)? = root["notRun"]?.value else {
            Issue.record("runs, summary or notRun missing")
            return
        }
        #expect(runs.count == 3)
        #expect(runs[0].value["gapPercent"]?.value == .number(1))
        #expect(runs[1].value["gapCounted"]?.value == .bool(false))
        #expect(runs[2].value["bestKnown"]?.value == .null)
        #expect(runs[2].value["outlet"]?.value["promisesBroken"]?.value == .number(6))
        #expect(runs[2].value["outlet"]?.value["latestReturn"]?.value == .string("20:41"))
        #expect(runs[2].value["outlet"]?.value["promisesExpectedLate"]?.value == .number(27.5))
        #expect(runs[0].value["outlet"]?.value == .null)
        let c1 = try #require(summary.first { $0.value["family"]?.value == .string("C1") })
        #expect(c1.value["reachedBest"]?.value == .number(1))
        #expect(c1.value["reachedMean"]?.value == .number(0.5))
        #expect(c1.value["meanGapPercent"]?.value == .number(1))
        #expect(notRun.first?.value["path"]?.value == .string("broken.txt"))
        guard case .array(let bySeed)? = root["bySeed"]?.value else {
            Issue.record("bySeed missing")
            return
        }
        #expect(bySeed.map { $0.value["seed"]?.value } == [.number(1), .number(2)])
        #expect(bySeed.map { $0.value["reached"]?.value } == [.number(1), .number(0)])
        #expect(bySeed.map { $0.value["meanGapPercent"]?.value } == [.number(1), .null])
    }

    @Test func markdownHasInstanceAndFamilyTables() {
        let text = BenchTable.render(Self.report, format: .md)
        let lines = text.split(separator: "\n").map(String.init)
        let headerLine = "| " + BenchTable.instanceHeader.joined(separator: " | ") + " |"
        let header = lines.firstIndex(of: headerLine)
        #expect(header != nil, "\(text)")
        if let header {
            #expect(lines[header + 1].hasPrefix("| --- | ---: |"))
            // Best over the seeds: seed 1 (10 vehicles, +1 %), reached on 1 of 2 runs.
            #expect(lines[header + 2] == "| C101 | 1 s | 2 | 10 | 10 | 808.00 | 800.00 | +1.00 | +1.00 | 1/2 | 0 | 115 | 0.96 | 0.75 | passed |")
        }
        #expect(lines.contains("| C1 | 1 s | 1 | 2 | 1/1 | 0.5/1 | +1.00 | +1.00 | 0 |"), "\(text)")
        // Seed by seed over every instance: seed 1 reached C101 (+1 %) and ran the outlet day
        // (no best-known solution); seed 2 missed C101's vehicle count.
        #expect(lines.contains("| " + BenchTable.seedHeader.joined(separator: " | ") + " |"), "\(text)")
        #expect(lines.contains("| 1 s | 1 | 2 | 1/1 | +1.00 | 0 |"), "\(text)")
        #expect(lines.contains("| 1 s | 2 | 1 | 0/1 | - | 0 |"), "\(text)")
        // One seed: the family summary already says it all.
        let oneSeed = BenchReport(seeds: [1], budgets: [1], records: [Self.report.records[0]])
        #expect(!BenchTable.render(oneSeed, format: .md).contains(BenchTable.seedHeader.joined(separator: " | ")))
        #expect(lines.contains("- broken.txt: 1 error(s)"))
        #expect(lines.contains("| " + BenchTable.outletHeader.joined(separator: " | ") + " |"), "\(text)")
        #expect(lines.contains("| outlet-day | 1 s | 1 | 20 | 552.90 | 3 | 6 of 366 | 41 | 27.5 | 20:41 | 348 / 290 min = 1.20 | 48372.25 | passed |"), "\(text)")
        let cellCounts = Set(lines.filter { $0.hasPrefix("| C101") || $0 == headerLine }.map { $0.filter { $0 == "|" }.count })
        #expect(cellCounts == [BenchTable.instanceHeader.count + 1])
    }

    @Test func terminalTableAlignsColumns() {
        // Blocks: settings, instances, families, seeds, the outlet's figures, legend, files not run.
        let blocks = BenchTable.render(Self.report, format: .table).components(separatedBy: "\n\n")
        #expect(blocks.count == 7)
        // Instances: header, C101, outlet-day; families: header, C1, outlet-day, all; seeds: header,
        // seed 1, seed 2; outlet: header, outlet-day.
        for (table, count) in zip(blocks.dropFirst().prefix(4), [3, 4, 3, 2]) {
            let lines = table.split(separator: "\n")
            #expect(lines.count == count)
            #expect(Set(lines.map(\.count)).count == 1, "\(table)")
        }
        #expect(blocks[1].hasPrefix("instance    budget"))
    }

    @Test(arguments: [(1.0, "1 s"), (10, "10 s"), (0.2, "0.2 s"), (2.5, "2.5 s")])
    func budgetsReadNaturally(seconds: Double, text: String) {
        #expect(BenchTable.budget(seconds) == text)
    }
}
