import ArgumentParser
import DispatchModel

/// `desk generate`: a realistic outlet day.
public struct GenerateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a realistic outlet day inside a 3 km zone.")

    @Option(help: "Number of stops.") var stops: Int = 60
    @Option(help: "Number of couriers.") var couriers: Int = 4
    @Option(help: "Random seed; the same seed gives the same file, byte for byte.") var seed: UInt64 = 1
    @Flag(help: "A rainy day: slower riding and longer handovers.") var rain = false
    @Option(help: "Trucks bringing parcels: 1, or 2 (a quarter of the deliveries reach the outlet at 13:00).") var waves: Int = 1
    @Option(help: "A name for the day.") var name: String?
    @Option(help: "Write the scenario here (atomically) instead of standard output.") var out: String?
    @Option(help: "Write the stops to this parcels CSV (path relative to --out's folder is stored) instead of inline.")
    var stopsCsv: String?

    public init() {}

    public func validate() throws {
        guard stops >= 1, stops <= Scenario.maximumStops else {
            throw ValidationError("--stops must be between 1 and \(Scenario.maximumStops), the most one plan can hold; generate several days to test more")
        }
        guard couriers >= 1, couriers <= 1_000 else { throw ValidationError("--couriers must be between 1 and 1000") }
        if stopsCsv != nil, out == nil { throw ValidationError("--stops-csv needs --out") }
        guard (1...2).contains(waves) else { throw ValidationError("--waves must be 1 or 2") }
    }

    public func run() throws {
        emit(Self.execute(stops: stops, couriers: couriers, seed: seed, rain: rain, name: name, out: out, stopsCsv: stopsCsv, waves: waves))
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(stops: Int, couriers: Int, seed: UInt64, rain: Bool, name: String? = nil,
                               out: String? = nil, stopsCsv: String? = nil, waves: Int = 1) -> CommandResult {
        // The stops CSV is written beside --out: compare the file it lands in.
        let csvTarget = stopsCsv.map { $0.isEmpty ? "" : TextFile.sibling($0, of: out ?? "") }
        if let refusal = OutputPaths([("--out", out), ("--stops-csv", csvTarget)]).refusal(inputs: []) { return refusal }
        let scenario = OutletDayGenerator(stops: stops, couriers: couriers, seed: seed, rain: rain, name: name, waves: waves).scenario()
        guard let out else { return CommandResult(output: ScenarioWriter.json(scenario)) }
        // The scenario names the CSV: both are written, or neither.
        let files: [(text: String, path: String)]
        if let stopsCsv {
            files = [(ScenarioWriter.csv(scenario.stops), TextFile.sibling(stopsCsv, of: out)), (ScenarioWriter.json(scenario, stopsFile: stopsCsv), out)]
        } else {
            files = [(ScenarioWriter.json(scenario), out)]
        }
        if let failure = writeOutputs(files) { return failure }
        return CommandResult(output: "wrote \(out): \(scenario.stops.count) stops, \(scenario.couriers.count) couriers\n")
    }
}
