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

/// Outputs that would replace an input, or each other: refused with 64 before any search, and
/// nothing written.
@Suite struct OutputClashTests {
    /// A folder holding copies of the fixture days that name other files: `matrix-day.json` (its
    /// travel matrix) and `csv-day.json` (its parcels CSV).
    static func daysFolder() throws -> String {
        let folder = try OutputPathTests.makeFolder()
        for name in ["matrix-day.json", "matrix-day.csv", "csv-day.json", "parcels.csv"] {
            try FileManager.default.copyItem(atPath: Fixture.path(name), toPath: folder + "/" + name)
        }
        return folder
    }

    /// Every file of `folder` (symlinks not followed) with its bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + name)).map { Data($0.utf8) }
                ?? FileManager.default.contents(atPath: folder + "/" + name)
        }
        return files
    }

    static func refusal(_ message: String) -> String { "desk: \(message): an output must not replace an input; give another path\n" }

    @Test func planRefusesAnOutputThatIsItsScenarioOrAFileTheScenarioNamesOrAnotherOutput() throws {
        let folder = try Self.daysFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: "matrix-day.json")
        try FileManager.default.createSymbolicLink(atPath: folder + "/report.txt", withDestinationPath: "sheets.txt")
        let before = try Self.snapshot(folder)
        let matrixDay = folder + "/matrix-day.json", csvDay = folder + "/csv-day.json"
        let cases: [(day: String, out: String?, sheets: String?, report: String?, errors: String)] = [
            (matrixDay, matrixDay, nil, nil, Self.refusal("--out \(matrixDay) is the scenario being planned")),
            (matrixDay, folder + "/link.json", nil, nil, Self.refusal("--out \(folder)/link.json is the scenario being planned")),
            (matrixDay, nil, folder + "/matrix-day.csv", nil,
             Self.refusal("--sheets \(folder)/matrix-day.csv is a file the scenario \(matrixDay) names")),
            (csvDay, nil, nil, folder + "/./parcels.csv", Self.refusal("--report \(folder)/./parcels.csv is a file the scenario \(csvDay) names")),
            (matrixDay, folder + "/plan.json", nil, folder + "//plan.json",
             "desk: --out and --report name the same file (\(folder)//plan.json): one would overwrite the other; give each its own path\n"),
            (matrixDay, nil, folder + "/sheets.txt", folder + "/report.txt",
             "desk: --sheets and --report name the same file (\(folder)/report.txt): one would overwrite the other; give each its own path\n"),
            (matrixDay, "", nil, nil, "desk: --out is empty: give the path of a file to write\n"),
        ]
        for (day, out, sheets, report, errors) in cases {
            let started = ContinuousClock.now
            // Thirty seconds of search, were it to run.
            let result = PlanCommand.execute(path: day, seconds: 30, iterations: nil, seed: 1, workers: 1, out: out, sheets: sheets, report: report)
            #expect(result.status == .usage)
            #expect(result.status.rawValue == 64)
            #expect(result.errors == errors)
            #expect(result.output.isEmpty)
            #expect(started.duration(to: .now) < .seconds(5))
        }
        #expect(try Self.snapshot(folder) == before)
        // Paths of their own are written.
        let fine = PlanCommand.execute(path: matrixDay, seconds: 5, iterations: 20, seed: 1, workers: 1, out: folder + "/plan.json",
                                       sheets: folder + "/sheets.txt", report: folder + "/risk.txt")
        #expect(fine.status == .ok, "\(fine.errors)")
    }

    @Test func commandsReadingAPlanRefuseAnOutputThatIsOneOfTheirInputs() throws {
        let folder = try Self.daysFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = folder + "/plan.json", scenario = folder + "/matrix-day.json", matrix = folder + "/matrix-day.csv"
        #expect(PlanCommand.execute(path: scenario, seconds: 5, iterations: 20, seed: 1, workers: 1, out: plan).status == .ok)
        #expect(SimulateCommand.execute(plan: plan, days: 2, seed: 1, out: folder + "/log.csv").status == .ok)
        let before = try Self.snapshot(folder)
        let results: [(CommandResult, String)] = [
            (ReplanCommand.execute(plan: plan, now: 600, iterations: 10, workers: 1, out: plan),
             Self.refusal("--out \(plan) is the plan being replanned")),
            (ReplanCommand.execute(plan: plan, now: 600, iterations: 10, workers: 1, out: matrix),
             Self.refusal("--out \(matrix) is a file the scenario \(scenario) names")),
            (ReplanCommand.execute(plan: plan, now: 600, iterations: 10, workers: 1, report: folder + "/plan.1.json"),
             "desk: the new plan and --report name the same file (\(folder)/plan.1.json): one would overwrite the other; give each its own path\n"),
            (SimulateCommand.execute(plan: plan, days: 1, seed: 1, out: plan), Self.refusal("--out \(plan) is the plan being read")),
            (ReportCommand.execute(plan: plan, out: scenario, draws: 10), Self.refusal("--out \(scenario) is the scenario the plan names")),
            (CalibrateCommand.execute(plan: plan, logs: [folder + "/log.csv"], out: folder + "/log.csv", draws: 10),
             Self.refusal("--out \(folder)/log.csv is a scan log being read")),
            (BenchCommand.execute([folder], run: BenchRun(budgets: [5]), out: folder + "/csv-day.json"),
             Self.refusal("--out \(folder)/csv-day.json is an instance being run")),
            (SimulateCommand.execute(plan: plan, days: 1, seed: 1, out: ""), "desk: --out is empty: give the path of a file to write\n"),
        ]
        for (result, errors) in results {
            #expect(result.status == .usage)
            #expect(result.errors == errors)
        }
        #expect(try Self.snapshot(folder) == before)
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

/// A command writes its outputs all or none, and an output it cannot write is found before any
/// search (exit 73, one sentence, nothing written).
@Suite struct OutputAllOrNothingTests {
    /// A folder with a copy of the small day and `r.txt`, an earlier report.
    static func dayFolder() throws -> String {
        let folder = try OutputPathTests.makeFolder()
        try FileManager.default.copyItem(atPath: Fixture.scenarios + "/small-day.json", toPath: folder + "/day.json")
        try "an earlier report\n".write(toFile: folder + "/r.txt", atomically: true, encoding: .utf8)
        return folder
    }

    static func missingFolder(_ path: String, _ folder: String) -> String {
        "desk: cannot write \(path): the folder \(folder) does not exist\n"
    }

    @Test func planWithAnOutputInAMissingFolderExits73BeforeTheSearchAndWritesNothing() throws {
        let folder = try Self.dayFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "not a folder".write(toFile: folder + "/file", atomically: true, encoding: .utf8)
        let before = try OutputClashTests.snapshot(folder)
        let day = folder + "/day.json", missing = folder + "/nodir"
        let cases: [(out: String?, sheets: String?, report: String?, errors: String)] = [
            (nil, missing + "/s.txt", folder + "/r.txt", Self.missingFolder(missing + "/s.txt", missing)),
            (missing + "/plan.json", folder + "/s.txt", folder + "/r.txt", Self.missingFolder(missing + "/plan.json", missing)),
            (folder + "/plan.json", folder + "/s.txt", missing + "/r.txt", Self.missingFolder(missing + "/r.txt", missing)),
            (folder + "/plan.json", folder + "/file/s.txt", nil, Self.missingFolder(folder + "/file/s.txt", folder + "/file")),
        ]
        for (out, sheets, report, errors) in cases {
            let started = ContinuousClock.now
            // Thirty seconds of search, were it to run.
            let result = PlanCommand.execute(path: day, seconds: 30, iterations: nil, seed: 1, workers: 1, out: out, sheets: sheets, report: report)
            #expect(result.status == .cannotCreate)
            #expect(result.errors == errors)
            #expect(started.duration(to: .now) < .seconds(5))
            #expect(try OutputClashTests.snapshot(folder) == before)
        }
    }

    @Test func replanWithItsReportInAMissingFolderWritesNoNumberedPlanAndTheNextReplanIsPlanOne() throws {
        let folder = try Self.dayFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let planned = PlanCommand.execute(path: folder + "/day.json", seconds: 600, iterations: 30, seed: 3, workers: 1, out: folder + "/plan.json")
        #expect(planned.status == .ok, "\(planned.errors)")
        try "id,kind,lat,lon,weightKg,window\nr1,pickup,30.28,120.125,2,\n".write(toFile: folder + "/new.csv", atomically: true, encoding: .utf8)
        let before = try OutputClashTests.snapshot(folder)
        let missing = folder + "/nodir"
        let failed = ReplanCommand.execute(plan: folder + "/plan.json", now: 600, newStops: folder + "/new.csv", seconds: 30, iterations: nil,
                                           workers: 1, report: missing + "/r.txt")
        #expect(failed.status == .cannotCreate)
        #expect(failed.errors == Self.missingFolder(missing + "/r.txt", missing))
        #expect(try OutputClashTests.snapshot(folder) == before)
        let next = ReplanCommand.execute(plan: folder + "/plan.json", now: 600, newStops: folder + "/new.csv", iterations: 10, workers: 1,
                                         report: folder + "/r.txt")
        #expect(next.status == .ok, "\(next.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.contains("plan.1.json") && files.contains("plan.1.scenario.json") && files.contains("plan.1.diff.json"))
        #expect(!files.contains("plan.2.json"))
        #expect(try String(contentsOfFile: folder + "/r.txt", encoding: .utf8) != "an earlier report\n")
    }

    @Test func generateAndTheRiskCommandsSayCannotWriteOnceAndWriteNothing() throws {
        let folder = try Self.dayFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(PlanCommand.execute(path: folder + "/day.json", seconds: 5, iterations: 20, seed: 1, workers: 1, out: folder + "/plan.json").status == .ok)
        #expect(SimulateCommand.execute(plan: folder + "/plan.json", days: 2, seed: 1, out: folder + "/log.csv").status == .ok)
        let before = try OutputClashTests.snapshot(folder)
        let missing = folder + "/nodir", plan = folder + "/plan.json"
        let results: [(CommandResult, String)] = [
            (GenerateCommand.execute(stops: 10, couriers: 2, seed: 1, rain: false, out: folder + "/g.json", stopsCsv: "nodir/g.csv"), missing + "/g.csv"),
            (GenerateCommand.execute(stops: 10, couriers: 2, seed: 1, rain: false, out: missing + "/g.json", stopsCsv: "g.csv"), missing + "/g.json"),
            (SimulateCommand.execute(plan: plan, days: 1, seed: 1, out: missing + "/log.csv"), missing + "/log.csv"),
            (ReportCommand.execute(plan: plan, out: missing + "/r.html", draws: 10), missing + "/r.html"),
            (CalibrateCommand.execute(plan: plan, logs: [folder + "/log.csv"], out: missing + "/risk.json", draws: 10), missing + "/risk.json"),
            (BenchCommand.execute([folder + "/day.json"], run: BenchRun(budgets: [30]), out: missing + "/bench.txt"), missing + "/bench.txt"),
        ]
        for (result, path) in results {
            #expect(result.status == .cannotCreate)
            #expect(result.errors == Self.missingFolder(path, missing))
        }
        #expect(try OutputClashTests.snapshot(folder) == before)
    }

    /// A name the folder takes (250 bytes) whose temporary file's name is too long: a failure
    /// found only when the file is written, after the check before the search.
    static let lateFailingName = String(repeating: "n", count: 246) + ".txt"

    @Test func anOutputThatFailsAfterTheOthersAreReadyLeavesTheOthersUnwritten() throws {
        let folder = try Self.dayFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let late = folder + "/" + Self.lateFailingName
        let planned = PlanCommand.execute(path: folder + "/day.json", seconds: 5, iterations: 20, seed: 1, workers: 1,
                                          out: late, sheets: folder + "/s.txt", report: folder + "/r.txt")
        #expect(planned.status == .cannotCreate)
        #expect(planned.errors == "desk: cannot write \(late): file name too long\n")
        #expect(try OutputClashTests.snapshot(folder).keys.sorted() == ["day.json", "r.txt"])
        #expect(try String(contentsOfFile: folder + "/r.txt", encoding: .utf8) == "an earlier report\n")
        #expect(PlanCommand.execute(path: folder + "/day.json", seconds: 5, iterations: 20, seed: 1, workers: 1, out: folder + "/plan.json").status == .ok)
        let before = try OutputClashTests.snapshot(folder)
        let replanned = ReplanCommand.execute(plan: folder + "/plan.json", now: 600, iterations: 10, workers: 1, report: late)
        #expect(replanned.status == .cannotCreate)
        #expect(try OutputClashTests.snapshot(folder) == before)
        // The reason is said once.
        let simulated = SimulateCommand.execute(plan: folder + "/plan.json", days: 1, seed: 1, out: late)
        #expect(simulated.status == .cannotCreate)
        #expect(simulated.errors == "desk: cannot write \(late): file name too long\n")
    }

    @Test func writeAllAtomicallyWritesNoneWhenOneFails() throws {
        let folder = try Self.dayFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo", 0o644) == 0)
        let before = try OutputClashTests.snapshot(folder)
        for late in [folder + "/nodir/late.txt", folder + "/fifo"] {
            #expect(throws: OutputFileError.self) {
                try TextFile.writeAllAtomically([("new", folder + "/a.txt"), ("new report", folder + "/r.txt"), ("late", late)])
            }
            #expect(try OutputClashTests.snapshot(folder) == before)
        }
        try TextFile.writeAllAtomically([("new", folder + "/a.txt"), ("new report", folder + "/r.txt")])
        #expect(try String(contentsOfFile: folder + "/r.txt", encoding: .utf8) == "new report")
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "new")
    }
}
