import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel

/// `--out`, `--sheets` and the generator's files: symlinks followed, special files refused with 73.
@Suite struct OutputPathTests {
    static func makeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "desk-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static let day = Fixture.path("matrix-day.json")

    @Test func outThroughASymlinkReplacesTheTargetAndKeepsTheLink() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old plan".write(toFile: folder + "/plan-target.json", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/plan.json", withDestinationPath: "plan-target.json")
        let result = PlanCommand.execute(path: Self.day, seconds: 5, iterations: 20, seed: 1, workers: 1, out: folder + "/plan.json")
        #expect(result.status == .ok, "\(result.errors)")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/plan.json")
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOfFile: folder + "/plan-target.json", encoding: .utf8).contains("\"routes\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["plan-target.json", "plan.json"])
    }

    @Test func outOnAFIFOADeviceOrADirectoryExits73WithOneSentence() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo", 0o644) == 0)
        for (path, kind) in [(folder + "/fifo", "a FIFO (named pipe)"), ("/dev/null", "a character device"), (folder, "a directory")] {
            let plan = PlanCommand.execute(path: Self.day, seconds: 5, iterations: 20, seed: 1, workers: 1, out: path)
            #expect(plan.status == .cannotCreate)
            #expect(plan.errors == "desk: cannot write \(path): it is \(kind), not a regular file; give the path of a file to create or replace\n")
            let sheets = PlanCommand.execute(path: Self.day, seconds: 5, iterations: 20, seed: 1, workers: 1, sheets: path)
            #expect(sheets.status == .cannotCreate)
            let generated = GenerateCommand.execute(stops: 10, couriers: 1, seed: 1, rain: false, out: path)
            #expect(generated.status == .cannotCreate)
            #expect(!generated.errors.contains("Error Domain"))
        }
        var info = stat()
        #expect(lstat(folder + "/fifo", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["fifo"])
    }
}

/// The ceiling on stops per plan, and input that is bad data rather than a missing file.
@Suite struct InputLimitTests {
    @Test func aDayAboveTheCeilingIsRefusedWith65AndHowToSplitIt() throws {
        let folder = try OutputPathTests.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var rows = ["    0     250        250          0          0       3000          0"]
        for k in 1...(Scenario.maximumStops + 1) { rows.append("\(k) 1 1 1 0 2000 0") }
        let text = (["BIG", "VEHICLE", "NUMBER CAPACITY", "10 200", "CUSTOMER", "CUST NO. XCOORD."] + rows).joined(separator: "\n")
        try text.write(toFile: folder + "/big.txt", atomically: true, encoding: .utf8)
        let result = PlanCommand.execute(path: folder + "/big.txt", seconds: 5, iterations: 1, seed: 1, workers: 1)
        #expect(result.status == .dataError)
        #expect(result.errors.contains("12001 stops is more than one plan can hold (at most 12000); split the day"))
    }

    @Test func generateRefusesMoreStopsThanOnePlanHolds() {
        #expect(throws: (any Error).self) { try GenerateCommand.parse(["--stops", "12001"]) }
        #expect((try? GenerateCommand.parse(["--stops", "12000"])) != nil)
    }

    @Test func aFileThatIsNotUTF8Exits65NotAsMissing() throws {
        let folder = try OutputPathTests.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([0x7B, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: folder + "/day.json"))
        let validate = ValidateCommand.execute(file: folder + "/day.json", json: false)
        #expect(validate.status == .dataError)
        #expect(validate.errors == "desk: \(folder)/day.json:2: encoding: the file is not UTF-8 text (save it as UTF-8 and try again)\n")
        let plan = PlanCommand.execute(path: folder + "/day.json", seconds: 1, iterations: 1, seed: 1)
        #expect(plan.status == .dataError)
        #expect(ValidateCommand.execute(file: folder + "/none.json", json: false).status == .noInput)
    }
}
