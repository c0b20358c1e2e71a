/// Reads Solomon's VRPTW benchmark format (also used by Gehring & Homberger's larger instances).
///
/// Layout: the instance name; `VEHICLE`, a `NUMBER CAPACITY` heading and one row of two numbers;
/// `CUSTOMER`, a `CUST NO. …` heading and one row of seven numbers per customer, customer 0 being
/// the depot (wherever its row is). Every number is read or its line reported; demands are never
/// negative; times are whole minutes. Coordinates are planar: travel time = Euclidean distance,
/// unit speed; the depot's due date closes every route. Stop ids are the customer numbers.
public enum SolomonReader {
    /// Column names of a customer row, for diagnostics.
    static let columns = ["CUST NO.", "XCOORD.", "YCOORD.", "DEMAND", "READY TIME", "DUE DATE", "SERVICE TIME"]
    /// More vehicles than this is a typo, not a fleet (and would fill memory with couriers).
    static let maximumVehicles = 10_000
    /// Times beyond this many minutes (almost two years) are a typo.
    static let maximumMinute = 1_000_000

    /// Whether `text` looks like a Solomon instance: not JSON, with a VEHICLE or a CUSTOMER
    /// section (one of them missing is the reader's error to report, on its line, rather than
    /// the JSON reader's "unexpected character").
    public static func looksLikeSolomon(_ text: String) -> Bool {
        (text.contains("VEHICLE") || text.contains("CUSTOMER")) && !text.trimmed.hasPrefix("{")
    }

    /// Reads the instance; errors name the line and the column.
    public static func read(text: String, path: String) -> LoadedScenario {
        let log = DiagnosticLog()
        let lines = TextLines.split(text)
        var title: String?
        var fleet: (count: Int, capacity: Double)?
        var rows: [(line: Int, values: [Double])] = []
        var firstLine: [Int: Int] = [:]
        enum Section { case preamble, vehicle, customer }
        var section = Section.preamble
        for (i, raw) in lines.enumerated() {
            let line = i + 1
            let trimmed = String(raw).trimmed
            if trimmed.isEmpty { continue }
            if trimmed == "VEHICLE" { section = .vehicle; continue }
            if trimmed == "CUSTOMER" { section = .customer; continue }
            switch section {
            case .preamble:
                if title == nil { title = trimmed } else { log.error(path, line, "name", "unexpected text before the VEHICLE section: \"\(prefix(trimmed))\"") }
            case .vehicle:
                if trimmed.hasPrefix("NUMBER") { continue }
                guard fleet == nil else { log.error(path, line, "VEHICLE", "one row of NUMBER and CAPACITY is expected, found another"); continue }
                let fields = TextLines.fields(raw)
                guard fields.count == 2 else { log.error(path, line, "VEHICLE", "expected NUMBER and CAPACITY, found \(fields.count) field(s)"); continue }
                guard let number = DecimalNumber.parse(fields[0]).flatMap({ DecimalNumber.whole($0, in: 1...maximumVehicles) }) else {
                    log.error(path, line, "NUMBER", "\"\(prefix(fields[0]))\" is not a whole number of vehicles between 1 and \(maximumVehicles)"); continue
                }
                guard let capacity = DecimalNumber.parse(fields[1]), capacity > 0 else {
                    log.error(path, line, "CAPACITY", "\"\(prefix(fields[1]))\" is not a positive number"); continue
                }
                fleet = (number, capacity)
            case .customer:
                if trimmed.hasPrefix("CUST") { continue }
                let fields = TextLines.fields(raw)
                guard fields.count == columns.count else {
                    log.error(path, line, "CUSTOMER", "expected 7 numbers (no, x, y, demand, ready, due, service), found \(fields.count) field(s)")
                    continue
                }
                var values: [Double] = []
                for (column, field) in zip(columns, fields) {
                    guard let value = DecimalNumber.parse(field) else {
                        log.error(path, line, column, "\"\(prefix(field))\" is not a number"); break
                    }
                    values.append(value)
                }
                guard values.count == columns.count else { continue }
                guard let number = DecimalNumber.whole(values[0], in: 0...Int(Int32.max)) else {
                    log.error(path, line, "CUST NO.", "\"\(fields[0])\" is not a customer number (a whole number, 0 for the depot)"); continue
                }
                if let first = firstLine[number] {
                    log.error(path, line, "CUST NO.", "customer \(number) appears twice (first on line \(first))"); continue
                }
                guard values[3] >= 0 else { log.error(path, line, "DEMAND", "customer \(number): demand \(fields[3]) is negative"); continue }
                guard values[6] >= 0, values[6] <= Double(maximumMinute) else {
                    log.error(path, line, "SERVICE TIME", "customer \(number): service time \(fields[6]) is not between 0 and \(maximumMinute)"); continue
                }
                guard DecimalNumber.whole(values[4], in: 0...maximumMinute) != nil else {
                    log.error(path, line, "READY TIME", "customer \(number): \(fields[4]) is not a whole minute between 0 and \(maximumMinute)"); continue
                }
                guard DecimalNumber.whole(values[5], in: 0...maximumMinute) != nil else {
                    log.error(path, line, "DUE DATE", "customer \(number): \(fields[5]) is not a whole minute between 0 and \(maximumMinute)"); continue
                }
                guard values[4] <= values[5] else {
                    log.error(path, line, "DUE DATE", "customer \(number): ready time after due date"); continue
                }
                firstLine[number] = line
                rows.append((line, values))
            }
        }
        let name = title ?? "solomon"
        // Refuse before building anything per stop: the ceiling protects the solver's memory.
        if rows.count - 1 > Scenario.maximumStops {
            log.error(path, rows.last?.line ?? 0, "CUSTOMER", Scenario.tooManyStopsMessage(count: rows.count - 1))
            return emptyScenario(name: name, log: log)
        }
        if fleet == nil { log.error(path, 0, "VEHICLE", "the VEHICLE section (NUMBER, CAPACITY) is missing") }
        guard let depot = rows.first(where: { $0.values[0] == 0 }) else {
            log.error(path, 0, "CUSTOMER", "no depot row: customer 0 is the depot and must be listed")
            return emptyScenario(name: name, log: log)
        }
        let horizon = TimeWindow(start: Int(depot.values[4]), end: Int(depot.values[5]))
        let outlet = Outlet(id: "0", name: name, location: .planar(x: depot.values[1], y: depot.values[2]), zoneRadiusKm: nil, day: horizon,
                            reloadMinutes: nil)
        var stops: [Stop] = []
        var sources: [SourceLocation] = []
        for row in rows where row.values[0] != 0 {
            let v = row.values
            stops.append(Stop(id: String(Int(v[0])), kind: .delivery, location: .planar(x: v[1], y: v[2]),
                              weightKg: v[3], volumeLitres: 0, windows: [TimeWindow(start: Int(v[4]), end: Int(v[5]))],
                              serviceMinutes: v[6]))
            sources.append(SourceLocation(file: path, line: row.line))
        }
        let couriers = (0..<(fleet?.count ?? 0)).map { k in
            Courier(id: "v\(k + 1)", name: "vehicle \(k + 1)", capacityKg: fleet?.capacity ?? 0, capacityLitres: nil,
                    shift: horizon, speedKmh: 60)
        }
        var loaded = LoadedScenario(
            scenario: Scenario(name: name, outlet: outlet, couriers: couriers, stops: stops, travel: .euclidean(unitsPerMinute: 1)),
            stopSources: sources, courierSources: couriers.map { _ in SourceLocation(file: path, line: 5) }, diagnostics: [])
        loaded.diagnostics = log.items + ScenarioValidator.validate(loaded)
        return loaded
    }

    /// What a file that cannot be read as an instance yields: no stops, the reasons in diagnostics.
    static func emptyScenario(name: String, log: DiagnosticLog) -> LoadedScenario {
        LoadedScenario(scenario: Scenario(name: name, outlet: Outlet(id: "0", name: name, location: .planar(x: 0, y: 0), zoneRadiusKm: nil, reloadMinutes: nil),
                                          couriers: [], stops: [], travel: .euclidean(unitsPerMinute: 1)),
                       stopSources: [], courierSources: [], diagnostics: log.items)
    }

    /// At most 40 characters of a field, for messages (a hostile line can be megabytes long).
    static func prefix<S: StringProtocol>(_ text: S) -> String {
        text.count <= 40 ? String(text) : String(text.prefix(40)) + "…"
    }
}
