import ArgumentParser
import DispatchModel
import DispatchRisk
import Foundation

/// `desk calibrate PLAN LOG…`: fit the risk model to the couriers' scan logs.
public struct CalibrateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit the risk model's parameters to scan logs of a plan; print the fit, write the risk model JSON.",
        discussion: "Rides: log(observed/planned) split into a day mean, a courier-day mean and a residual. Handovers: a robust body and a tail per handover kind. With few days the fit leans on the defaults. The isotonic recalibration is kept only when it lowers the Brier score on held-out days.")

    @Argument(help: "The plan JSON the logs followed.") var plan: String
    @Argument(help: "Scan-log CSV files.") var logs: [String]
    @Option(help: "Write the risk model JSON here (atomically).") var out: String?
    @Flag(help: "Start from the rainy defaults.") var rain = false
    @Option(help: "Monte Carlo draws for the recalibration.") var draws: Int = 1000
    @Option(help: "Seed of the Monte Carlo draws.") var seed: UInt64 = 1

    public init() {}

    public func validate() throws {
        guard !logs.isEmpty else { throw ValidationError("give at least one scan log") }
        guard (1...1_000_000).contains(draws) else { throw ValidationError("--draws must be 1…1000000") }
    }

    public func run() throws {
        emit(Self.execute(plan: plan, logs: logs, out: out, rain: rain, draws: draws, seed: seed))
    }

    /// Reads the logs of `input`'s plan; every problem becomes a result naming the file and line.
    static func observations(_ logs: [String], input: RiskInput) -> Result<Observations, RiskInput.Failure> {
        var entries: [ScanLogEntry] = []
        let known = Set(input.day.stopIDs)
        for path in logs {
            do {
                let read = try ScanLogReader.load(path: path, knownStops: known)
                _ = try Observations(entries: read, day: input.day, path: path) // per-file checks name the right file
                entries += read
            } catch {
                return .failure(RiskInput.Failure(result: CommandResult(errors: "desk: \(error.description)\n", status: error.isMissing ? .noInput : .dataError)))
            }
        }
        do {
            return .success(try Observations(entries: entries, day: input.day, path: logs.joined(separator: ",")))
        } catch {
            return .failure(RiskInput.Failure(result: CommandResult(errors: "desk: \(error.description)\n", status: .dataError)))
        }
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(plan: String, logs: [String], out: String? = nil, rain: Bool = false, draws: Int = 1000, seed: UInt64 = 1) -> CommandResult {
        let input: RiskInput
        do { input = try RiskInput.load(planPath: plan, rain: rain, history: false) } catch { return error.result }
        let inputs = input.files + logs.map { ("a scan log being read", $0) }
        if let refusal = OutputPaths([("--out", out)]).refusal(inputs: inputs) { return refusal }
        let observations: Observations
        switch Self.observations(logs, input: input) {
        case .success(let o): observations = o
        case .failure(let failure): return failure.result
        }
        let defaults = input.profile.model
        let (profile, summary, helps) = Calibrator.calibrate(observations, day: input.day, defaults: defaults, draws: draws, seed: seed)
        let m = profile.model
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var text = "fit on \(summary.days) day(s): \(summary.rides) rides, \(summary.handovers) handovers; \(observations.outcomes.filter(\.late).count) late of \(observations.outcomes.count) (\(f(summary.lateRate)))\n"
        text += "rides: mean log(observed/planned) \(f(summary.meanLogRatio)), sd \(f(summary.sdLogRatio)); "
        text += "raw day sd \(f(summary.rawDaySD)), courier sd \(f(summary.rawCourierSD)), ride sd \(f(summary.rawRideSD)) (data weight for the day level \(f(summary.dayWeight)))\n"
        text += "model: rideLogMean \(f(m.rideLogMean)), daySD \(f(m.daySD)), courierSD \(f(m.courierSD)), rideSD \(f(m.rideSD)), serviceLogMean \(f(m.serviceLogMean)), serviceSD \(f(m.serviceSD))\n"
        text += "service tail: " + Handover.allCases.map { "\($0.rawValue) \(f(m.tail($0).probability))×\(String(format: "%.1f", m.tail($0).meanMinutes)) min" }.joined(separator: ", ") + "\n"
        text += "recalibration (isotonic): \(helps ? "kept, it lowers the held-out Brier score" : "not kept, it does not help on held-out days")\n"
        if let out {
            if let failure = writeOutput(RiskProfileFile.json(profile), to: out, output: text) { return failure }
            text += "wrote \(out)\n"
        }
        return CommandResult(output: text)
    }
}
