import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel

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
}
