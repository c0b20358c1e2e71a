import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel
import DispatchPlan
import DispatchReport
import DispatchRisk
import DispatchSolver

@Suite struct BenchCommandTests {
    /// A new folder holding Solomon's C101 and `bestKnown` as its BKS.csv.
    static func folderWithC101(_ name: String, bestKnown: String) throws -> String {
        let folder = NSTemporaryDirectory() + "desk-bench-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try TextFile.writeAtomically(try TextFile.read(Fixture.scenarios + "/solomon/C101.txt"), to: folder + "/C101.txt")
        try TextFile.writeAtomically(bestKnown, to: folder + "/BKS.csv")
        return folder
    }

    @Test func folderWithABrokenFileRunsTheOthersAndExitsNonZero() throws {
        let folder = try Self.folderWithC101("broken", bestKnown: "instance,vehicles,distance,objective\nC101,10,828.94,hierarchical\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TextFile.writeAtomically("this is not an instance\n", to: folder + "/broken.txt")
        let result = BenchCommand.execute([folder], run: BenchRun(budgets: [0.2]), format: .csv)
        #expect(result.status == .dataError)
        #expect(result.errors.contains("broken.txt"), "\(result.errors)")
        let table = try CSVTable.parse(result.output)
        #expect(table.rows.map { $0.cells[0] } == ["C101"])
        let row = try #require(table.rows.first)
        #expect(row.cells[BenchTable.csvHeader.firstIndex(of: "check") ?? 0] == "passed")
        #expect(row.cells[BenchTable.csvHeader.firstIndex(of: "bks_distance") ?? 0] == "828.94")
        #expect(row.cells[BenchTable.csvHeader.firstIndex(of: "unassigned") ?? 0] == "0")
    }

    /// An outlet day's row carries its promises' risk under the day's own risk model: the small
    /// day as shipped (2 of its 15 promises at risk at 0.3 s, seed 1), and with a `risk` block
    /// whose rides take twice their planned time (6, the expected late 0.8 → 5.7).
    @Test func anOutletDaysRowSaysHowManyPromisesAreAtRisk() throws {
        let folder = NSTemporaryDirectory() + "desk-bench-risk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let day = try TextFile.read(Fixture.scenarios + "/small-day.json")
        let format = try #require(day.range(of: "\"format\""))
        var slow = day
        slow.insert(contentsOf: "\"risk\": {\"format\": \"dispatchdesk.risk/1\", \"rideLogMean\": 0.7, \"rideSD\": 0.05},\n  ", at: format.lowerBound)
        try TextFile.writeAtomically(day, to: folder + "/as-shipped.json")
        try TextFile.writeAtomically(slow, to: folder + "/slow-rides.json")
        let result = BenchCommand.execute([folder + "/as-shipped.json", folder + "/slow-rides.json"],
                                          run: BenchRun(budgets: [0.3]), format: .csv)
        #expect(result.status == .ok, "\(result.errors)")
        let table = try CSVTable.parse(result.output)
        let rows = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.cells[0], $0) })
        func number(_ instance: String, _ column: String) throws -> Double {
            let row = try #require(rows[instance]), k = try #require(table.header.firstIndex(of: column))
            return try #require(Double(row.cells[k]))
        }
        let promises = try number("as-shipped", "promises_kept") + number("as-shipped", "promises_broken")
        #expect(promises == 15)
        for instance in ["as-shipped", "slow-rides"] {
            let expected = try number(instance, "promises_expected_late"), atRisk = try number(instance, "promises_at_risk")
            #expect(expected >= 0 && expected <= promises && atRisk <= promises)
        }
        #expect(try number("slow-rides", "promises_at_risk") >= number("as-shipped", "promises_at_risk") + 3, "\(result.output)")
        #expect(try number("slow-rides", "promises_expected_late") >= number("as-shipped", "promises_expected_late") + 3, "\(result.output)")
    }

    /// The day's own "objective" block is applied, as `desk plan` applies it: a weight the
    /// objective does not know is reported and the other files run.
    @Test func aDaysObjectiveBlockIsApplied() throws {
        let folder = try Self.folderWithC101("weights", bestKnown: "instance,vehicles,distance,objective\nC101,10,828.94,hierarchical\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var day = try TextFile.read(Fixture.scenarios + "/small-day.json")
        let format = try #require(day.range(of: "\"format\""))
        day.insert(contentsOf: "\"objective\": {\"speedOfLight\": 3},\n  ", at: format.lowerBound)
        try TextFile.writeAtomically(day, to: folder + "/weighted-day.json")
        let result = BenchCommand.execute([folder], run: BenchRun(budgets: [0.2]), format: .csv)
        #expect(result.status == .dataError)
        #expect(result.errors.contains("weighted-day.json") && result.errors.contains("unknown weight(s) speedOfLight"), "\(result.errors)")
        let table = try CSVTable.parse(result.output)
        #expect(table.rows.map { $0.cells[0] } == ["C101"])
    }

    /// A broken best-known table is not a file not run: the instance runs without its reference,
    /// and the message names the table's line and field.
    @Test func aBrokenBestKnownRowLetsTheRunGoOnWithoutAGap() throws {
        let folder = try Self.folderWithC101("bks", bestKnown: "instance,vehicles,distance\nC101,ten,828.94\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = BenchCommand.execute([folder + "/C101.txt"], run: BenchRun(budgets: [0.2]), format: .json)
        #expect(result.status == .dataError)
        #expect(result.errors.hasPrefix("desk: \(folder)/BKS.csv:2: vehicles"), "\(result.errors)")
        #expect(result.errors.contains("the runs went on without best-known solutions"))
        #expect(!result.errors.contains("not run"))
        let root = try JSONParser.parse(result.output).value
        guard case .array(let runs)? = root["runs"]?.value, case .array(let notRun)? = root["notRun"]?.value,
              case .array(let unread)? = root["bestKnownNotRead"]?.value else { Issue.record("missing arrays"); return }
        #expect(runs.count == 1)
        #expect(notRun.isEmpty)
        #expect(unread.first?.value["line"]?.value == .number(2))
    }

    @Test func missingFileIsReportedAndTheOutputIsWrittenAtomically() throws {
        let folder = NSTemporaryDirectory() + "desk-bench-out-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = BenchCommand.execute([folder + "/nowhere.txt"], run: BenchRun(), format: .json, out: folder + "/bench.json")
        #expect(result.status == .noInput)
        #expect(result.output == "wrote \(folder)/bench.json\n")
        let root = try JSONParser.parse(try TextFile.read(folder + "/bench.json")).value
        guard case .array(let notRun)? = root["notRun"]?.value else { Issue.record("no notRun"); return }
        #expect(notRun.first?.value["message"]?.value == .string("no such file"))
    }

    @Test(arguments: [("1,2,3", [UInt64(1), 2, 3]), (" 7 ", [7]), ("1,,2", nil), ("x", nil), ("", nil)] as [(String, [UInt64]?)])
    func seedLists(text: String, seeds: [UInt64]?) {
        #expect(BenchCommand.seedList(text) == seeds)
    }

    @Test(arguments: [("1,10", [1.0, 10]), ("0.2", [0.2]), ("0", nil), ("1,4000", nil), ("a", nil)] as [(String, [Double]?)])
    func budgetLists(text: String, budgets: [Double]?) {
        #expect(BenchCommand.budgetList(text) == budgets)
    }
}
