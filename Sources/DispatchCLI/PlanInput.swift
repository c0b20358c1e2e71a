import DispatchModel
import DispatchPlan

/// A plan file and the scenario it names (checked against the plan's SHA-256), for the commands
/// that read a plan: a missing file, or one that cannot be opened or is not a regular file, exits
/// 66; anything wrong in either file 65, a plan that does not fit its scenario's day among them
/// (see ``PlanFile/check(against:scenarioPath:)``).
struct PlanInput {
    var plan: Plan
    var scenario: Scenario
    var scenarioPath: String
    /// The files read: the plan, its scenario and the files the scenario names, each with what it
    /// is (for ``OutputPaths``).
    var files: [(what: String, path: String)]
    /// The scenario's `"risk"` block as read (``LoadedScenario/riskBlock``).
    var riskBlock: JSONNode?

    static func load(planPath: String) throws(CommandFailure) -> PlanInput {
        let file: PlanFile
        let scenarioPath: String
        do {
            file = try PlanReader.loadFile(path: planPath)
            scenarioPath = try PlanReader.scenarioPath(of: file.plan, planPath: planPath)
        } catch {
            throw failure(error)
        }
        let plan = file.plan
        let loaded: LoadedScenario
        do { loaded = try ScenarioInput.load(scenarioPath) } catch {
            throw CommandFailure(result: CommandResult(errors: "desk: \(error.description)\n", status: error.isBadData ? .dataError : .noInput))
        }
        guard loaded.errors.isEmpty else {
            let text = loaded.errors.map(\.description).joined(separator: "\n")
            throw CommandFailure(result: CommandResult(errors: text + "\n", status: .dataError))
        }
        do { try file.check(against: loaded.scenario, scenarioPath: scenarioPath) } catch { throw failure(error) }
        let files = [("the plan being read", planPath), ("the scenario the plan names", scenarioPath)]
            + loaded.companionFiles.map { ("a file the scenario \(scenarioPath) names", $0) }
        return PlanInput(plan: plan, scenario: loaded.scenario, scenarioPath: scenarioPath, files: files, riskBlock: loaded.riskBlock)
    }
}

/// `error` as the command's result: 66 for a plan or scenario file missing or not openable, else 65.
private func failure(_ error: PlanFileError) -> CommandFailure {
    switch error {
    case .missing, .unreadable: CommandFailure(result: CommandResult(errors: "desk: \(error.description)\n", status: .noInput))
    case .invalid, .scenarioChanged: CommandFailure(result: CommandResult(errors: "desk: \(error.description)\n", status: .dataError))
    }
}

/// A failure already turned into the command's result.
struct CommandFailure: Error { var result: CommandResult }
