/// Reads Solomon's VRPTW benchmark format (also used by Gehring & Homberger's larger instances).
///
/// Coordinates are planar: travel time = Euclidean distance, unit speed; the depot's due date
/// closes every route. Stop ids are the customer numbers as strings.
public enum SolomonReader {
    /// Whether `text` looks like a Solomon instance (a VEHICLE and a CUSTOMER section).
    public static func looksLikeSolomon(_ text: String) -> Bool {
        text.contains("VEHICLE") && text.contains("CUSTOMER") && !text.trimmed.hasPrefix("{")
    }

    /// Reads the instance; errors name the line.
    public static func read(text: String, path: String) -> LoadedScenario {
        let log = DiagnosticLog()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0).trimmed }
        let name = lines.first { !$0.isEmpty } ?? "solomon"
        var fleet: (count: Int, capacity: Double)?
        var rows: [(line: Int, values: [Double])] = []
        var section = ""
        for (i, line) in lines.enumerated() {
            if line.hasPrefix("VEHICLE") { section = "vehicle"; continue }
            if line.hasPrefix("CUSTOMER") { section = "customer"; continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let numbers = fields.compactMap { Double($0) }
            guard !fields.isEmpty, numbers.count == fields.count else { continue }
            if section == "vehicle", fleet == nil {
                guard numbers.count == 2, numbers[0] >= 1 else {
                    log.error(path, i + 1, "VEHICLE", "expected NUMBER and CAPACITY")
                    continue
                }
                fleet = (Int(numbers[0]), numbers[1])
            } else if section == "customer" {
                guard numbers.count == 7 else {
                    log.error(path, i + 1, "CUSTOMER", "expected 7 numbers (no, x, y, demand, ready, due, service), found \(numbers.count)")
                    continue
                }
                rows.append((i + 1, numbers))
            }
        }
        if fleet == nil { log.error(path, 0, "VEHICLE", "the VEHICLE section is missing") }
        guard let depot = rows.first else {
            log.error(path, 0, "CUSTOMER", "no depot row")
            return LoadedScenario(scenario: Scenario(name: name, outlet: Outlet(id: "0", name: name, location: GeoPoint(lat: 0, lon: 0)),
                                                     couriers: [], stops: []),
                                  stopSources: [], courierSources: [], diagnostics: log.items)
        }
        let horizon = TimeWindow(start: Int(depot.values[4]), end: Int(depot.values[5]))
        let outlet = Outlet(id: JSONWriter.formatNumber(depot.values[0]), name: name,
                            location: GeoPoint(lat: depot.values[2], lon: depot.values[1]), zoneRadiusKm: nil, day: horizon, reloadMinutes: nil)
        var stops: [Stop] = []
        var sources: [SourceLocation] = []
        for row in rows.dropFirst() {
            let v = row.values
            guard v[4] <= v[5] else {
                log.error(path, row.line, "DUE DATE", "customer \(JSONWriter.formatNumber(v[0])): ready time after due date")
                continue
            }
            stops.append(Stop(id: JSONWriter.formatNumber(v[0]), kind: .delivery, location: GeoPoint(lat: v[2], lon: v[1]),
                              weightKg: v[3], volumeLitres: 0, windows: [TimeWindow(start: Int(v[4]), end: Int(v[5]))],
                              serviceMinutes: v[6]))
            sources.append(SourceLocation(file: path, line: row.line))
        }
        let count = fleet?.count ?? 0
        let couriers = (0..<count).map { k in
            Courier(id: "v\(k + 1)", name: "vehicle \(k + 1)", capacityKg: fleet?.capacity ?? 0, capacityLitres: nil,
                    shift: horizon, speedKmh: 60)
        }
        var loaded = LoadedScenario(
            scenario: Scenario(name: name, outlet: outlet, couriers: couriers, stops: stops, travel: .euclidean(unitsPerMinute: 1)),
            stopSources: sources, courierSources: couriers.map { _ in SourceLocation(file: path, line: 5) }, diagnostics: [])
        loaded.diagnostics = log.items + ScenarioValidator.validate(loaded)
        return loaded
    }
}
