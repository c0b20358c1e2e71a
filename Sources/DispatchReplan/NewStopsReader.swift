import DispatchModel

/// Reads the new stops of a replan: a parcels CSV, or a scenario JSON whose stops are taken (its
/// outlet and couriers are ignored). Errors name the file, line and field; a stop id the day
/// already has is an error.
public enum NewStopsReader {
    /// The stops at `path` for `scenario`'s day.
    public static func load(path: String, scenario: Scenario) throws(ReplanError) -> [Stop] {
        let text = try EventsReader.readText(path)
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        let loaded = trimmed.first == "{" ? ScenarioReader.read(text: text, path: path)
                                          : ScenarioReader.readParcels(text: text, path: path, day: scenario.outlet.day)
        if let error = loaded.errors.first {
            throw .invalid(path: error.file, line: error.line, field: error.field, message: error.message)
        }
        var known = Set(scenario.stops.map(\.id))
        for (stop, source) in zip(loaded.scenario.stops, loaded.stopSources) {
            guard known.insert(stop.id).inserted else {
                throw .invalid(path: source.file, line: source.line(of: "id"), field: "id", message: "stop \(stop.id) is already in the day")
            }
            if stop.location.isGeographic != scenario.outlet.location.isGeographic {
                throw .invalid(path: source.file, line: source.line(of: "lat"), field: "lat", message: "stop \(stop.id): the day's places are of another kind (lat/lon or x/y)")
            }
        }
        return loaded.scenario.stops
    }
}
