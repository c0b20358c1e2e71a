import ArgumentParser
import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchReplan
import DispatchSolver
import Foundation

/// `desk replan PLAN --now HH:MM`: the rest of the day again, after the handhelds' events and new requests.
public struct ReplanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Apply the couriers' events and new stops at --now, re-optimise the rest of the day, and write the next numbered plan.",
        discussion: "Done stops never move; a courier finishes the trip it is on; slots told to customers are kept whenever possible; a stop changes courier only when that pays for --stability. The old plan is never changed: the new one is written beside it (plan.json → plan.1.json → plan.2.json …), with its diff (plan.1.diff.json) and, when stops were added, its scenario (plan.1.scenario.json). Any error in an input writes nothing (exit 65; 66 for a missing file); an output that cannot be written is found before the search and nothing is written (exit 73): the new plan, its diff, its scenario and --report are written all or none.")

    @Argument(help: "The plan JSON to replan (its scenario is found beside it).") var plan: String
    @Option(help: "The moment of the replan, HH:MM.") var now: String
    @Option(help: "The handhelds' events CSV: time,courier,stop,event,lat,lon[,reason].") var events: String?
    @Option(name: .customLong("new"), help: "New stops: a parcels CSV or a scenario JSON.") var newStops: String?
    @Option(help: "Search time limit in seconds (default 2; none with --iterations alone).") var seconds: Double?
    @Option(help: "Iteration limit; with --seed (and no --seconds) the replan is reproducible.") var iterations: Int?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Parallel searches (the best is kept).") var workers: Int = 2
    @Option(help: "Moving a stop to another courier costs as much as this many minutes added to a courier's working day.") var stability: Double = 30
    @Option(help: "Width of the slot told to a new customer around the ETA, minutes (\(PlanCommand.slotWidthRange)).") var slotWidth: Int = 60
    @Option(help: "Write the new plan here instead of the next numbered name.") var out: String?
    @Option(help: "Also write the at-risk report of the new plan here: html when the name ends in .html, else text.") var report: String?

    public init() {}

    public func validate() throws {
        guard Clock.parse(now) != nil else { throw ValidationError("--now must be a time HH:MM") }
        if let seconds { guard seconds > 0, seconds <= 3600 else { throw ValidationError("--seconds must be in (0, 3600]") } }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        guard (1...16).contains(workers) else { throw ValidationError("--workers must be 1…16") }
        guard stability >= 0, stability.isFinite else { throw ValidationError("--stability must be a number of minutes ≥ 0") }
        try PlanCommand.checkSlotWidth(slotWidth)
    }

    public func run() throws {
        emit(Self.execute(plan: plan, now: Double(Clock.parse(now) ?? 0), events: events, newStops: newStops,
                          seconds: seconds ?? (iterations == nil ? 2 : 3600), iterations: iterations, seed: seed, workers: workers,
                          stability: stability, slotWidth: slotWidth, out: out, report: report))
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(plan planPath: String, now: Double, events eventsPath: String? = nil, newStops newPath: String? = nil,
                               seconds: Double = 2, iterations: Int? = nil, seed: UInt64 = 1, workers: Int = 2, stability: Double = 30,
                               slotWidth: Int = 60, out: String? = nil, report: String? = nil) -> CommandResult {
        let started = ContinuousClock.now
        func failed(_ message: String, _ status: ExitStatus) -> CommandResult { CommandResult(errors: "desk: \(message)\n", status: status) }
        let input: PlanInput
        do { input = try PlanInput.load(planPath: planPath) } catch { return error.result }
        let (plan, scenario, scenarioPath) = (input.plan, input.scenario, input.scenarioPath)
        let options = ReplanOptions(now: now, seconds: seconds, iterations: iterations, seed: seed, workers: workers,
                                    stabilityMinutes: stability, slotWidth: slotWidth)
        // Before any search: the old plan is never changed, and no output replaces an input or another output.
        let target = out ?? ReplanFiles.nextPlanPath(after: planPath)
        let targetScenario = ReplanFiles.scenarioPath(for: target)
        let outputs = OutputPaths([(out == nil ? "the new plan" : "--out", target), ("the new plan's diff", ReplanFiles.diffPath(for: target)),
                                   ("the new plan's scenario", newPath == nil ? nil : targetScenario), ("--report", report)])
        let inputs = input.files.map { $0.path == planPath ? ("the plan being replanned", planPath) : $0 }
            + [("the events file", eventsPath), ("the new stops file", newPath)].compactMap { item in item.1.map { (item.0, $0) } }
        if let refusal = outputs.refusal(inputs: inputs) { return refusal }
        let events: [ReplanEvent]
        let requests: [Stop]
        do {
            events = try eventsPath.map { path throws(ReplanError) in try EventsReader.load(path: path, plan: plan, scenario: scenario, now: now) } ?? []
            requests = try newPath.map { path throws(ReplanError) in try NewStopsReader.load(path: path, scenario: scenario, options: options) } ?? []
        } catch {
            return failed(error.description, error.isBadData ? .dataError : .noInput)
        }
        let named = Objective.named(plan.objective) ?? .outlet
        let (objective, unknown) = named.overriding(scenario.objectiveWeights)
        guard unknown.isEmpty else { return failed("\(scenarioPath): objective: unknown weight(s) \(unknown.joined(separator: ", "))", .dataError) }
        let result = Replanner.replan(plan: plan, scenario: scenario, events: events, newStops: requests, objective: objective, options: options)
        var newPlan = result.plan
        var scenarioText: String?
        if result.scenarioChanged {
            if case .matrix = scenario.travel {
                return failed("\(scenarioPath): new stops on a day timed by a travel matrix need the matrix rows for them; add them to the scenario and plan again", .dataError)
            }
            // The written day is read back by the next replan and by desk report: it must be valid.
            let invalid = ScenarioValidator.validate(LoadedScenario(scenario: result.scenario))
                .filter { $0.severity == .error }
            guard invalid.isEmpty else {
                return CommandResult(errors: "desk: BUG: the new scenario failed validation:\n" + invalid.prefix(40).map { "  " + $0.description }.joined(separator: "\n") + "\n",
                                     status: .internalError)
            }
            // The day's risk block (a calibrated model) goes on with it: desk report on the new
            // plan reads it from the new scenario.
            let text = ScenarioWriter.json(result.scenario, risk: input.riskBlock?.value)
            scenarioText = text
            newPlan.scenario = Plan.ScenarioReference(path: RelativePath.of(targetScenario, fromFolderOf: target), sha256: SHA256.hex(Data(text.utf8)))
        } else if let reference = plan.scenario {
            newPlan.scenario = Plan.ScenarioReference(path: RelativePath.of(scenarioPath, fromFolderOf: target), sha256: reference.sha256)
        }
        let violations = PlanChecker.violations(newPlan, scenario: result.scenario)
        guard violations.isEmpty else {
            return CommandResult(errors: "desk: BUG: the new plan failed the independent check:\n" + violations.prefix(40).map { "  " + $0 }.joined(separator: "\n") + "\n",
                                 status: .internalError)
        }
        let elapsed = started.duration(to: ContinuousClock.now)
        var text = result.diff.text
        text += "kept their courier: \(result.diff.keptCourier) of \(result.diff.comparable) stops still to visit\n"
        let promised = newPlan.routes.flatMap(\.stops).filter { $0.promise != nil }
        let done = promised.filter(\.isRecorded), ahead = promised.filter { !$0.isRecorded }
        // A promised stop left out is a promise not kept today: counted, not hidden.
        // A slot told to the customer is a promise too.
        let promisedIDs = Set(result.scenario.stops.filter { $0.promise != nil }.map(\.id) + plan.routes.flatMap(\.stops).filter { $0.slot != nil }.map(\.id))
        let unserved = newPlan.unassigned.filter { promisedIDs.contains($0.id) }.count
        text += "promises: \(newPlan.promisesKept) of \(promised.count + unserved) kept (visited: \(done.filter { !$0.breaksPromise }.count) of \(done.count); "
            + "still to visit: \(ahead.filter { !$0.breaksPromise }.count) of \(ahead.count); not served today: \(unserved)); unassigned: \(newPlan.unassigned.count)\n"
        if result.unchanged {
            text += "nothing happened since the plan (no events, no new stops): the plan is written again unchanged\n"
        } else {
            text += "replan: \(result.plan.statistics["pendingStops"].map { "\(Int($0)) stops re-optimised, " } ?? "")"
            + "\(Int(result.plan.statistics["iterations"] ?? 0)) iterations, first plan after \(milliseconds(result.plan.statistics["firstSolutionSeconds"] ?? 0)) ms, "
            + "\(milliseconds(elapsed.components.seconds, elapsed.components.attoseconds)) ms in all\n"
        }
        // Every output is rendered first and then written all or none: a failed report leaves no numbered plan behind.
        let diffPath = ReplanFiles.diffPath(for: target)
        var files: [(text: String, path: String)] = []
        if let scenarioText { files.append((scenarioText, targetScenario)) }
        files.append((result.diff.json(plan: RelativePath.of(target, fromFolderOf: diffPath), previous: RelativePath.of(planPath, fromFolderOf: diffPath)), diffPath))
        files.append((PlanWriter.json(newPlan), target))
        var reportLine = ""
        if let report {
            switch PlanRiskReport.render(plan: newPlan, scenario: result.scenario, riskBlock: input.riskBlock,
                                         scenarioPath: scenarioText == nil ? scenarioPath : targetScenario, to: report) {
            case .success(let rendered):
                reportLine = rendered.line
                files.append((rendered.text, report))
            case .failure(let failure): return CommandResult(output: text, errors: failure.result.errors, status: failure.result.status)
            }
        }
        if let failure = writeOutputs(files, output: text) { return failure }
        text += "wrote \(target)\(scenarioText == nil ? "" : ", \(targetScenario)") and \(diffPath)\n" + reportLine
        return CommandResult(output: text)
    }

    static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }
    static func milliseconds(_ seconds: Int64, _ attoseconds: Int64) -> Int { Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000) }
}
