import ArgumentParser
import DispatchModel
import DispatchRisk

/// `desk simulate PLAN`: scan logs of simulated days, to test the risk model against.
public struct SimulateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write the scan logs of simulated days of a plan.",
        discussion: "The process (documented in docs/formats.md and DaySimulator.swift) is richer than the risk model: rush-hour congestion, per-building access delays, slow couriers, heavy-tailed rides, long failures, rain.")

    @Argument(help: "The plan JSON.") var plan: String
    @Option(help: "Number of days.") var days: Int = 30
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Rain (also when the scenario's weather says so).") var rain = false
    @Option(help: "Date of the first day, YYYY-MM-DD.") var firstDate: String = "2026-12-01"
    @Option(help: "Write the scan-log CSV here (atomically).") var out: String

    public init() {}

    public func validate() throws {
        guard (1...3650).contains(days) else { throw ValidationError("--days must be 1…3650") }
        guard ScanDate.isValid(firstDate) else { throw ValidationError("--first-date must be a date YYYY-MM-DD") }
        guard ScanDate.isValid(ScanDate.adding(days - 1, to: firstDate)) else {
            throw ValidationError("--first-date \(firstDate) with --days \(days) runs past 9999-12-31, the last date a scan log can hold")
        }
    }

    public func run() throws {
        emit(Self.execute(plan: plan, days: days, seed: seed, rain: rain, firstDate: firstDate, out: out))
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(plan: String, days: Int, seed: UInt64, rain: Bool = false, firstDate: String = "2026-12-01", out: String) -> CommandResult {
        let input: RiskInput
        // Whole days, as a handheld would scan them: a replanned plan's scans are not kept.
        do { input = try RiskInput.load(planPath: plan, history: false) } catch { return error.result }
        if let refusal = OutputPaths([("--out", out)]).refusal(inputs: input.files) { return refusal }
        let raining = rain || RiskModel.defaults(weather: input.scenario.weather) == .rainy
        let entries = DaySimulator(rain: raining, seed: seed).simulate(input.day, days: days, firstDate: firstDate)
        if let failure = writeOutput(ScanLogReader.csv(entries), to: out) { return failure }
        return CommandResult(output: "simulated \(days) day(s)\(raining ? " of rain" : ""), \(entries.count) scans; wrote \(out)\n")
    }
}
