import DispatchModel

/// Reads the new stops of a replan: a parcels CSV, or a scenario JSON whose stops are taken (its
/// outlet and couriers are ignored). Errors name the file, line and field; a stop id or a shipment
/// the day already has is an error, and so is anything the scenario validator rejects in the day
/// the replan would write (a stop no courier can carry, a skill no courier has, half a shipment…).
public enum NewStopsReader {
    /// The stops at `path` for `scenario`'s day, replanned with `options`.
    public static func load(path: String, scenario: Scenario, options: ReplanOptions) throws(ReplanError) -> [Stop] {
        let text = try EventsReader.readText(path)
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let loaded = trimmed.first == "{" ? ScenarioReader.read(text: text, path: path)
                                          : ScenarioReader.readParcels(text: text, path: path, day: scenario.outlet.day)
        if let error = loaded.errors.first {
            throw .invalid(path: error.file, line: error.line, field: error.field, message: error.message)
        }
        var known = Set(scenario.stops.map(\.id))
        let shipments = Set(scenario.stops.compactMap(\.shipment))
        for (stop, source) in zip(loaded.scenario.stops, loaded.stopSources) {
            guard known.insert(stop.id).inserted else {
                throw .invalid(path: source.file, line: source.line(of: "id"), field: "id", message: "stop \(stop.id) is already in the day")
            }
            if stop.location.isGeographic != scenario.outlet.location.isGeographic {
                throw .invalid(path: source.file, line: source.line(of: "lat"), field: "lat", message: "stop \(stop.id): the day's places are of another kind (lat/lon or x/y)")
            }
            if let shipment = stop.shipment, shipments.contains(shipment) {
                throw .invalid(path: source.file, line: source.line(of: "shipment"), field: "shipment",
                               message: "stop \(stop.id): shipment \"\(shipment)\" is already in the day with both its halves")
            }
        }
        try check(loaded, in: scenario, options: options)
        return loaded.scenario.stops
    }

    /// Validates the day the replan would write — `scenario` with the new stops of `loaded` appended
    /// as requests — with the scenario validator's rules, and throws its first error about a new
    /// stop, at the line of the new stops' file it came from. The day's own stops and couriers were
    /// validated when it was read: what is wrong with them alone is not the new stops' error.
    static func check(_ loaded: LoadedScenario, in scenario: Scenario, options: ReplanOptions) throws(ReplanError) {
        var day = scenario
        day.stops += Replanner.requests(loaded.scenario.stops, options: options)
        let ownStop = SourceLocation(file: "", line: 0)
        let merged = LoadedScenario(scenario: day, stopSources: Array(repeating: ownStop, count: scenario.stops.count) + loaded.stopSources,
                                    courierSources: [])
        let files = Set(loaded.stopSources.map(\.file))
        let errors = ScenarioValidator.validate(merged).filter { $0.severity == .error && files.contains($0.file) }
        if let error = errors.min(by: { ($0.file, $0.line) < ($1.file, $1.line) }) {
            throw .invalid(path: error.file, line: error.line, field: error.field, message: error.message)
        }
    }
}
