import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel
import DispatchPlan

/// The risk commands end to end: plan → simulate → calibrate → reliability → report, and the
/// errors that must exit 65 without writing anything.
@Suite(.serialized) struct RiskCommandTests {
    /// A folder with a copy of the small day, planned with `--report`.
    static func plannedFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "desk-risk-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try TextFile.writeAtomically(try TextFile.read(Fixture.scenarios + "/small-day.json"), to: folder + "/day.json")
        let result = PlanCommand.execute(path: folder + "/day.json", seconds: 600, iterations: 60, seed: 3, workers: 1,
                                         out: folder + "/plan.json", report: folder + "/report.html")
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("promises at risk: "))
        return folder
    }

    @Test func simulateCalibrateReliabilityAndReport() throws {
        let folder = try Self.plannedFolder("flow")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try TextFile.read(folder + "/report.html").hasPrefix("<!DOCTYPE html>"))
        let plan = folder + "/plan.json"
        #expect(SimulateCommand.execute(plan: plan, days: 6, seed: 1, out: folder + "/fit.csv").status == .ok)
        #expect(SimulateCommand.execute(plan: plan, days: 6, seed: 2, firstDate: "2027-01-01", out: folder + "/fresh.csv").status == .ok)
        let calibrated = CalibrateCommand.execute(plan: plan, logs: [folder + "/fit.csv"], out: folder + "/risk.json", draws: 200)
        #expect(calibrated.status == .ok, "\(calibrated.errors)")
        #expect(calibrated.output.contains("fit on 6 day(s)"))
        let scored = ReliabilityCommand.execute(plan: plan, logs: [folder + "/fresh.csv"], risk: folder + "/risk.json", draws: 200)
        #expect(scored.status == .ok, "\(scored.errors)")
        #expect(scored.output.contains("Brier score: model"))
        let csv = ReportCommand.execute(plan: plan, format: "csv", risk: folder + "/risk.json", draws: 200)
        #expect(csv.status == .ok)
        #expect(csv.output.split(separator: "\n").count == 61) // header + 60 routed stops
        let text = ReportCommand.execute(plan: plan, lang: .en, draws: 200)
        #expect(text.output.hasPrefix("At-risk report — "))
        #expect(!text.output.contains("\u{1B}["))
    }

    @Test func badLogsExit65NamingTheLineAndWriteNothing() throws {
        let folder = try Self.plannedFolder("bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = folder + "/plan.json"
        let header = "date,courier,stop,arrived,departed,status\n"
        try TextFile.writeAtomically(header + "2026-12-01,c01,nosuchstop,08:10,08:12,done\n", to: folder + "/unknown.csv")
        try TextFile.writeAtomically(header + "2026-12-01,c01,p00001,8h10,08:12,done\n", to: folder + "/time.csv")
        for (log, needle) in [("unknown.csv", "unknown.csv:2: stop:"), ("time.csv", "time.csv:2: arrived:")] {
            let result = CalibrateCommand.execute(plan: plan, logs: [folder + "/" + log], out: folder + "/risk.json")
            #expect(result.status == .dataError)
            #expect(result.errors.contains(needle), "\(result.errors)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/risk.json"))
        }
        #expect(CalibrateCommand.execute(plan: plan, logs: [folder + "/missing.csv"]).status == .noInput)
    }

    @Test func truncatedOrForeignPlansExit65() throws {
        let folder = try Self.plannedFolder("plans")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = try TextFile.read(folder + "/plan.json")
        try TextFile.writeAtomically(String(text.prefix(text.count / 2)), to: folder + "/truncated.json")
        try TextFile.writeAtomically("{\"format\": \"dispatchdesk.scenario/1\"}\n", to: folder + "/foreign.json")
        try TextFile.writeAtomically(text.replacingOccurrences(of: "\"p00001\"", with: "\"p99999\""), to: folder + "/stranger.json")
        for name in ["truncated.json", "foreign.json", "stranger.json"] {
            let result = ReportCommand.execute(plan: folder + "/" + name, format: "html", out: folder + "/r.html", draws: 10)
            #expect(result.status == .dataError, "\(name): \(result.errors)")
            #expect(result.errors.contains(name), "\(result.errors)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/r.html"))
        }
        #expect(ReportCommand.execute(plan: folder + "/none.json").status == .noInput)
    }

    /// Line of the first line of `text` holding `needle`.
    static func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test func plansThatLoseAStopOrNameAStrangeCourierExit65OnTheirLine() throws {
        let folder = try Self.plannedFolder("lost")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try PlanReader.load(path: folder + "/plan.json")
        let firstRoute = try #require(plan.routes.first)
        // One stop taken out of its trip, and not unassigned; the first route with no trips; the
        // first route given to a courier the outlet does not have.
        var dropped = plan, noTrips = plan, stranger = plan
        let droppedStop = dropped.routes[0].trips[0].stops.removeFirst().id
        noTrips.routes[0].trips = []
        stranger.routes[0].courier = "c99"
        for (name, edited) in [("dropped.json", dropped), ("no-trips.json", noTrips), ("stranger.json", stranger)] {
            try TextFile.writeAtomically(PlanWriter.json(edited), to: folder + "/" + name)
        }
        let unassignedLine = Self.line(of: "\"unassigned\": [", in: try TextFile.read(folder + "/dropped.json"))
        let emptyTripsLine = Self.line(of: "\"trips\": []", in: try TextFile.read(folder + "/no-trips.json"))
        let strangerLine = Self.line(of: "\"courier\": \"c99\"", in: try TextFile.read(folder + "/stranger.json"))
        #expect(unassignedLine > 1 && emptyTripsLine > 1 && strangerLine > 1)
        let cases: [(name: String, expected: String)] = [
            ("dropped.json", "dropped.json:\(unassignedLine): unassigned: stop \"\(droppedStop)\" of the scenario \(folder)/day.json is neither in a route nor unassigned"),
            ("no-trips.json", "no-trips.json:\(emptyTripsLine): trips: courier \"\(firstRoute.courier)\" has no trips"),
            ("stranger.json", "stranger.json:\(strangerLine): routes[].courier: courier \"c99\" is not in the scenario \(folder)/day.json"),
        ]
        for (name, expected) in cases {
            let path = folder + "/" + name
            let results = [ReportCommand.execute(plan: path, draws: 10),
                           SimulateCommand.execute(plan: path, days: 1, seed: 1, out: folder + "/log.csv"),
                           ReplanCommand.execute(plan: path, now: 600, iterations: 5, workers: 1, out: folder + "/next.json")]
            for result in results {
                #expect(result.status == .dataError, "\(name): \(result.errors)")
                #expect(result.errors.hasPrefix("desk: \(path):"))
                #expect(result.errors.contains(expected), "\(result.errors)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/log.csv"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/next.json"))
    }

    @Test func aPlanWhoseScenarioIsAFolderExits66() throws {
        let folder = try Self.plannedFolder("folder")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var plan = try PlanReader.load(path: folder + "/plan.json")
        plan.scenario?.path = "."
        try TextFile.writeAtomically(PlanWriter.json(plan), to: folder + "/plan.json")
        let result = ReportCommand.execute(plan: folder + "/plan.json", draws: 10)
        #expect(result.status == .noInput)
        #expect(result.errors == "desk: \(folder)/.: cannot read: the scenario the plan names is a directory, not a regular file\n")
    }

    /// `desk simulate` refuses (exit 64) days dated past 9999-12-31, which its own scan-log reader
    /// would refuse; the last day on 9999-12-31 and a first day in year 0000 are fine.
    @Test func simulateRefusesDaysPastTheLastScanLogDate() throws {
        let base = ["plan.json", "--out", "log.csv"]
        do {
            _ = try SimulateCommand.parse(base + ["--first-date", "9999-12-30", "--days", "3"])
            Issue.record("9999-12-30 + 3 days was accepted")
        } catch {
            #expect(SimulateCommand.exitCode(for: error).rawValue == 64)
            #expect(SimulateCommand.message(for: error).contains("runs past 9999-12-31"))
        }
        #expect((try? SimulateCommand.parse(base + ["--first-date", "9999-12-30", "--days", "2"])) != nil)
        #expect((try? SimulateCommand.parse(base + ["--first-date", "0000-01-01", "--days", "2"])) != nil)
    }
}
