import ArgumentParser
import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchReport
import DispatchSolver
import Foundation

/// `desk plan SCENARIO`: the morning plan.
public struct PlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Assign and order the day's stops; print a summary and write the plan JSON.",
        discussion: "Every plan is checked by an independent checker before it is written; a plan that fails the check is a bug and exits 70. --out, --sheets and --report are checked before the search and written all or none (exit 73 when one cannot be written).")

    @Argument(help: "The scenario JSON or a Solomon instance.") var scenario: String
    @Option(help: "Time limit for the whole command in seconds (default 10; none with --iterations alone). With --iterations, whichever comes first binds.")
    var seconds: Double?
    @Option(help: "Iteration limit; with --seed (and no --seconds) it makes the plan reproducible.") var iterations: Int?
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Parallel searches (the best is kept).") var workers: Int = 2
    @Option(help: "Objective: outlet (default for scenarios: every parcel, promises, short fair days, own couriers, km), fewest-couriers, hierarchical (default for Solomon: vehicles, then distance), distance.")
    var objective: String?
    @Option(name: .customLong("weight"), help: ArgumentHelp("Override one objective weight, after the scenario's own \"objective\" block (repeatable), e.g. --weight offTerritory=100.", valueName: "name=value"))
    var weights: [String] = []
    @Option(name: .customLong("slot-width"), help: ArgumentHelp("Publish the plan: every stop gets the slot its customer is told, its promise or this many minutes (\(Self.slotWidthRange)) from a quarter of them before its ETA (on ten-minute marks, inside its window); desk replan keeps these slots.", valueName: "minutes"))
    var slotWidth: Int?
    @Option(help: "Input format: auto, scenario, solomon or lilim.") var format: String = "auto"
    @Option(help: "Write the plan JSON here (atomically).") var out: String?
    @Option(help: "Write every courier's morning route sheet to this text file (atomically).") var sheets: String?
    @Option(help: "Also write the at-risk report here: html when the name ends in .html, else text.") var report: String?
    @Flag(help: "Skip the set-partitioning step over the route pool (GLPK).") var noSetPartitioning = false
    @Flag(help: "Skip the local search that polishes the first and the final plan.") var noLocalSearch = false

    public init() {}

    public func validate() throws {
        if let seconds { guard seconds > 0, seconds <= 3600 else { throw ValidationError("--seconds must be in (0, 3600]") } }
        if let iterations, iterations < 0 { throw ValidationError("--iterations must not be negative") }
        guard (1...16).contains(workers) else { throw ValidationError("--workers must be 1…16") }
        if let objective, Objective.named(objective) == nil {
            throw ValidationError("--objective must be one of " + Objective.names.joined(separator: ", "))
        }
        guard ScenarioFormat(rawValue: format) != nil else { throw ValidationError("--format must be one of \(ScenarioFormat.choices)") }
        _ = try Self.parseWeights(weights)
        if let slotWidth { try Self.checkSlotWidth(slotWidth) }
    }

    /// The `--slot-width` range of `desk plan` and `desk replan`, "20–720", for their help.
    static var slotWidthRange: String { "\(Plan.slotWidthMinutes.lowerBound)–\(Plan.slotWidthMinutes.upperBound)" }

    /// Refuses a `--slot-width` outside ``Plan/slotWidthMinutes`` (shared by `desk plan` and `desk replan`).
    static func checkSlotWidth(_ minutes: Int) throws {
        guard Plan.slotWidthMinutes.contains(minutes) else { throw ValidationError("--slot-width must be \(slotWidthRange) minutes") }
    }

    /// `name=value` pairs from `--weight`: known names, values from 0 to
    /// ``Scenario/largestObjectiveWeight``.
    static func parseWeights(_ pairs: [String]) throws -> [String: Double] {
        var weights: [String: Double] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, Objective.weightNames.contains(parts[0]) else {
                throw ValidationError("--weight \(pair): expected name=value with name one of \(Objective.weightNames.joined(separator: ", "))")
            }
            let largest = Scenario.largestObjectiveValue(parts[0])
            guard let value = Double(parts[1]), value.isFinite, value >= 0, value <= largest else {
                throw ValidationError("--weight \(pair): the value must be a number from 0 to \(JSONWriter.formatNumber(largest))")
            }
            weights[parts[0]] = value
        }
        return weights
    }

    public func run() throws {
        emit(Self.execute(path: scenario, seconds: seconds ?? (iterations == nil ? 10 : 3600), iterations: iterations, seed: seed, workers: workers,
                          objective: objective, weights: (try? Self.parseWeights(weights)) ?? [:], slotWidth: slotWidth,
                          format: ScenarioFormat(rawValue: format) ?? .auto, out: out, sheets: sheets,
                          setPartitioning: !noSetPartitioning, localSearch: !noLocalSearch, report: report))
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(path: String, seconds: Double, iterations: Int?, seed: UInt64, workers: Int = 2,
                               objective: String? = nil, weights: [String: Double] = [:], slotWidth: Int? = nil, format: ScenarioFormat = .auto,
                               out: String? = nil, sheets: String? = nil,
                               setPartitioning: Bool = true, localSearch: Bool = true, report: String? = nil) -> CommandResult {
        let started = ContinuousClock.now
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioInput.load(path, format: format)
        } catch {
            return CommandResult(errors: "desk: \(error.description)\n", status: error.isBadData ? .dataError : .noInput)
        }
        guard loaded.errors.isEmpty else {
            let text = loaded.diagnostics.map(\.description).joined(separator: "\n")
            return CommandResult(errors: text + "\n\(path): \(loaded.errors.count) error(s); run `desk validate` for details\n", status: .dataError)
        }
        // Before any search: no output may replace the scenario, the files it names, or another output.
        let inputs = [("the scenario being planned", path)] + loaded.companionFiles.map { ("a file the scenario \(path) names", $0) }
        if let refusal = OutputPaths([("--out", out), ("--sheets", sheets), ("--report", report)]).refusal(inputs: inputs) { return refusal }
        let isSolomon = loaded.scenario.outlet.zoneRadiusKm == nil
        let named = objective.flatMap(Objective.named) ?? (isSolomon ? .hierarchical : .outlet)
        let (chosen, unknownWeights) = named.overriding(loaded.scenario.objectiveWeights)
        guard unknownWeights.isEmpty else {
            return CommandResult(errors: "\(path): objective: unknown weight(s) \(unknownWeights.joined(separator: ", ")); known: \(Objective.weightNames.joined(separator: ", "))\n",
                                 status: .dataError)
        }
        // --weight comes last: the command line beats the file (names were checked in validate()).
        let weighted = chosen.overriding(weights).objective
        // The clock runs from the start of the command: reading and building count too.
        let options = SearchOptions(iterations: iterations, seconds: seconds, seed: seed, workers: workers,
                                    localSearch: localSearch, startedAt: started)
        var plan = RoutePlanner.plan(loaded.scenario, objective: weighted, options: options, setPartitioning: setPartitioning)
        plan.objective = objective ?? (isSolomon ? "hierarchical" : "outlet")
        if let slotWidth { plan = plan.publishingSlots(width: slotWidth) }
        if let out, let bytes = FileManager.default.contents(atPath: path) {
            plan.scenario = Plan.ScenarioReference(path: RelativePath.of(path, fromFolderOf: out), sha256: SHA256.hex(bytes))
        }
        let violations = PlanChecker.violations(plan, scenario: loaded.scenario)
        guard violations.isEmpty else {
            return CommandResult(errors: "desk: BUG: the plan failed the independent check:\n" + violations.map { "  " + $0 }.joined(separator: "\n") + "\n",
                                 status: .internalError)
        }
        var text = "\(loaded.scenario.name)\n"
        text += "couriers out: \(plan.couriersUsed) of \(loaded.scenario.couriers.count), \(plan.tripCount) trips\n"
        text += "distance: \(format2(plan.distance))\(isSolomon ? "" : " km")\n"
        text += "latest return: \(Clock.format(plan.latestReturn)); working day longest \(Int(plan.longestWorkingMinutes.rounded())) min, "
            + "mean \(Int(plan.meanWorkingMinutes.rounded())) min, spread \(Int(plan.workingMinutesSpread.rounded())) min\n"
        // A promised stop left out is a promise not kept today: counted, not hidden.
        let promisedIDs = Set(loaded.scenario.stops.filter { $0.promise != nil }.map(\.id))
        let unserved = plan.unassigned.filter { promisedIDs.contains($0.id) }.count
        let promised = plan.promisesKept + plan.promisesBroken + unserved
        text += "promises: \(plan.promisesKept) of \(promised) kept, \(plan.promisesBroken) broken (\(format2(plan.lateness)) min late, \(format2(plan.earliness)) min early)"
            + (unserved > 0 ? ", \(unserved) not served today" : "") + "\n"
        text += "unassigned: \(plan.unassigned.count)\n"
        for u in plan.unassigned.prefix(20) { text += "  \(u.id): \(u.reason)\n" }
        if plan.unassigned.count > 20 { text += "  … and \(plan.unassigned.count - 20) more (see the plan JSON)\n" }
        text += "search: \(Int(plan.statistics["iterations"] ?? 0)) iterations, \(format2(plan.statistics["seconds"] ?? 0)) s (first plan after \(format2(plan.statistics["firstSolutionSeconds"] ?? 0)) s)\n"
        if let spSeconds = plan.statistics["setPartitioningSeconds"] {
            text += "set partitioning: \(Int(plan.statistics["poolSize"] ?? 0)) routes in the pool, \(format2(spSeconds)) s, improved the cost by \(format2(plan.statistics["setPartitioningGain"] ?? 0))\n"
        } else if plan.statistics["setPartitioningSkipped"] != nil {
            text += "set partitioning: skipped (it has not paid on outlet days above 400 stops; its time went to the search)\n"
        }
        // Every output is rendered first and then written all or none: no report or sheets of a plan that was not written.
        var files: [(text: String, path: String)] = []
        if let report {
            switch PlanRiskReport.render(plan: plan, scenario: loaded.scenario, riskBlock: loaded.riskBlock, scenarioPath: path, to: report) {
            case .success(let rendered):
                text += rendered.line
                files.append((rendered.text, report))
            case .failure(let failure): return CommandResult(output: text, errors: failure.result.errors, status: failure.result.status)
            }
        }
        if let sheets { files.append((RouteSheet.text(for: plan, scenario: loaded.scenario), sheets)) }
        if let out { files.append((PlanWriter.json(plan), out)) }
        if let failure = writeOutputs(files, output: text) { return failure }
        if let out { text += "wrote \(out)\n" }
        return CommandResult(output: text)
    }

    static func format2(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let fraction = abs(hundredths % 100)
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
