import DispatchModel
import DispatchPlan

/// A plan file and the scenario it names (checked against the plan's SHA-256), for the commands
/// that read a plan: a missing file exits 66, anything wrong in either file 65.
struct PlanInput {
    var plan: Plan
    var scenario: Scenario
    var scenarioPath: String

    static func load(planPath: String) throws(CommandFailure) -> PlanInput {
        let plan: Plan
        let scenarioPath: String
        do {
            plan = try PlanReader.load(path: planPath)
            scenarioPath = try PlanReader.scenarioPath(of: plan, planPath: planPath)
        } catch {
            if case .missing = error { throw CommandFailure(result: CommandResult(errors: "desk: \(error.description)\n", status: .noInput)) }
            throw CommandFailure(result: CommandResult(errors: "desk: \(error.description)\n", status: .dataError))
        }
        let loaded: LoadedScenario
        do { loaded = try ScenarioInput.load(scenarioPath) } catch {
            throw CommandFailure(result: CommandResult(errors: "desk: \(error.description)\n", status: error.isBadData ? .dataError : .noInput))
        }
        guard loaded.errors.isEmpty else {
            let text = loaded.errors.map(\.description).joined(separator: "\n")
            throw CommandFailure(result: CommandResult(errors: text + "\n", status: .dataError))
        }
        return PlanInput(plan: plan, scenario: loaded.scenario, scenarioPath: scenarioPath)
    }
}

/// A failure already turned into the command's result.
struct CommandFailure: Error { var result: CommandResult }
