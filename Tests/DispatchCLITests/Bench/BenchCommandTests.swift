import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel

@Suite struct BenchCommandTests {
    @Test func folderWithABrokenFileRunsTheOthersAndExitsNonZero() throws {
        let folder = NSTemporaryDirectory() + "desk-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TextFile.writeAtomically(try TextFile.read(Fixture.scenarios + "/solomon/C101.txt"), to: folder + "/C101.txt")
        try TextFile.writeAtomically("instance,vehicles,distance,objective\nC101,10,828.94,hierarchical\n", to: folder + "/BKS.csv")
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
