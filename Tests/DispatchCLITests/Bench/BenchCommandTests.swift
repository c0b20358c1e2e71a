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

    /// A broken best-known table is not a file not run: the instance runs without its reference,
    /// and the message names the table's line and field.
    /// An outlet day's row carries its promises' risk as `desk report` estimates it: the same
    /// plan (a fixed number of steps) gives the same figures through the report's own estimate.
    @Test func anOutletDaysRowSaysHowManyPromisesAreAtRisk() throws {
        let path = Fixture.scenarios + "/small-day.json"
        let loaded = try ScenarioInput.load(path)
        let plan = RoutePlanner.plan(loaded.scenario, objective: .outlet, options: SearchOptions(iterations: 300, seconds: 600, seed: 1, workers: 1))
        let risk = try #require(BenchRun.promiseRisk(plan, loaded))
        let day = try PlannedDay(plan: plan, scenario: loaded.scenario)
        let profile = RiskProfile(model: RiskModel.defaults(weather: loaded.scenario.weather))
        let estimate = RiskEstimator(model: profile.model, draws: 1000, seed: 1).estimate(day)
        let report = RiskReport(plan: plan, scenario: loaded.scenario, day: day, estimate: estimate, profile: profile, threshold: 0.2, language: .en)
        let promised = report.rows.filter { $0.stop.promise != nil }
        #expect(promised.count == 15 && risk.atRisk == promised.filter(\.atRisk).count)
        #expect(abs(risk.expected - promised.map(\.pLate).reduce(0, +)) < 1e-9 && risk.expected > 0)
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
