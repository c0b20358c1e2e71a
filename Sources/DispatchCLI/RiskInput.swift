import DispatchModel
import DispatchPlan
import DispatchRisk
import Foundation

/// A plan loaded for the risk commands: the plan, its scenario (checked against the plan's
/// SHA-256), the flattened day, and the risk profile (`--risk` file, else the scenario's
/// `"risk"` block, else the defaults for its weather).
struct RiskInput {
    var plan: Plan
    var scenario: Scenario
    var scenarioPath: String
    var day: PlannedDay
    var profile: RiskProfile
    /// The files read: the plan, its scenario, the files the scenario names and the risk model
    /// file, each with what it is (for ``OutputPaths``).
    var files: [(what: String, path: String)]

    /// A failure already turned into the command's result.
    typealias Failure = CommandFailure

    /// The plan at `planPath` with its scenario and risk profile; without `history` the day is
    /// drawn whole, scans and resume points ignored (see ``PlannedDay``).
    static func load(planPath: String, riskPath: String? = nil, rain: Bool = false, history: Bool = true) throws(Failure) -> RiskInput {
        let input = try PlanInput.load(planPath: planPath)
        let (plan, loaded, scenarioPath) = (input.plan, input, input.scenarioPath)
        let defaults = rain ? RiskModel.rainy : RiskModel.defaults(weather: loaded.scenario.weather)
        do {
            let day = try PlannedDay(plan: plan, scenario: loaded.scenario, planPath: planPath, history: history)
            let profile: RiskProfile
            if let riskPath {
                profile = try RiskProfileFile.load(path: riskPath, defaults: defaults)
            } else {
                profile = try PlanRiskReport.profile(scenario: loaded.scenario, riskBlock: loaded.riskBlock, scenarioPath: scenarioPath,
                                                     defaults: defaults)
            }
            return RiskInput(plan: plan, scenario: loaded.scenario, scenarioPath: scenarioPath, day: day, profile: profile,
                             files: loaded.files + (riskPath.map { [("the risk model being read", $0)] } ?? []))
        } catch {
            throw Failure(result: CommandResult(errors: "desk: \(error.description)\n", status: error.isMissing ? .noInput : .dataError))
        }
    }
}

extension RiskDataError {
    var isMissing: Bool { if case .missing = self { return true } else { return false } }
}

/// Writes `text` to `path` atomically, or returns the failure as a result.
func writeOutput(_ text: String, to path: String, output: String = "") -> CommandResult? {
    writeOutputs([(text, path)], output: output)
}

/// Writes every file of `files` (text and path) or none (see ``TextFile/writeAllAtomically(_:)``),
/// or returns the failure as a result (exit 73) with `output` as what was printed.
func writeOutputs(_ files: [(text: String, path: String)], output: String = "") -> CommandResult? {
    do {
        try TextFile.writeAllAtomically(files)
        return nil
    } catch {
        return CommandResult(output: output, errors: "desk: \(error.description)\n", status: .cannotCreate)
    }
}

/// Seconds since an arbitrary start, for timing.
func monotonicSeconds() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}
