/// Reads the DispatchDesk scenario JSON (and the parcels CSV and travel-matrix CSV it names).
///
/// The schema is documented in docs/formats.md. Every problem becomes a ``Diagnostic`` naming the
/// file, line and field; reading goes on after an error so that one run lists them all.
public enum ScenarioReader {
    static let scenarioKeys: Set<String> = ["format", "name", "outlet", "couriers", "stops", "stopsFile", "travel", "weather", "objective", "risk"]
    static let outletKeys: Set<String> = ["id", "name", "lat", "lon", "x", "y", "zoneRadiusKm", "day", "reloadMinutes", "failedDelivery"]
    static let courierKeys: Set<String> = ["id", "name", "capacityKg", "capacityLitres", "shift", "speedKmh", "skills",
                                           "start", "end", "territory", "customers"]
    /// Fields of a stop, in the order the writer uses (also the CSV header).
    public static let stopKeys: [String] = ["id", "kind", "shipment", "lat", "lon", "weightKg", "volumeLitres", "window",
                                            "serviceMinutes", "skills", "handover", "contact", "customer", "tier",
                                            "promise", "building", "address", "note", "availableFrom"]
    static let travelKeys: Set<String> = ["model", "detourFactor", "speedFactor", "unitsPerMinute", "matrixFile"]

    /// Reads and validates the scenario at `path`.
    /// - Throws: ``ScenarioFileError`` when the file itself is missing or not text.
    public static func load(path: String) throws(ScenarioFileError) -> LoadedScenario {
        let text = try TextFile.read(path)
        return read(text: text, path: path)
    }

    /// Reads and validates scenario JSON `text` that came from `path` (used to name it and to
    /// find the files it references).
    public static func read(text: String, path: String) -> LoadedScenario {
        let log = DiagnosticLog()
        var loaded = LoadedScenario(
            scenario: Scenario(name: "", outlet: Outlet(id: "outlet", name: "", location: .geographic(lat: 0, lon: 0)),
                               couriers: [], stops: []),
            stopSources: [], courierSources: [], diagnostics: [])
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            log.error(path, error.line, "json", error.message)
            loaded.diagnostics = log.items
            return loaded
        }
        guard let top = FieldRecord(file: path, node: root, subject: "scenario", log: log) else {
            loaded.diagnostics = log.items
            return loaded
        }
        top.warnUnknown(allowed: scenarioKeys)
        loaded.riskBlock = root.value["risk"]
        switch top.text("format", required: true) {
        case nil: break
        case Scenario.format?: break
        case let other?: top.error("format", "\"\(other)\" is not supported; this version reads \"\(Scenario.format)\"")
        }
        loaded.scenario.name = top.text("name") ?? ""
        loaded.scenario.weather = top.text("weather")

        // Outlet first: its day bounds every open-ended window.
        if let node = root.value["outlet"], let record = FieldRecord(file: path, node: node, subject: "outlet", log: log) {
            record.warnUnknown(allowed: outletKeys)
            let day = record.singleWindow("day", day: .wholeDay, required: false) ?? TimeWindow(start: 7 * 60, end: 21 * 60)
            let location = record.location(required: true) ?? .geographic(lat: 0, lon: 0)
            // A planar outlet (x/y) has no zone in kilometres.
            let radius = location.isGeographic ? record.number("zoneRadiusKm", minimum: 0, exclusive: true) ?? 3 : nil
            let reload = record.number("reloadMinutes", minimum: 0) ?? 10
            loaded.scenario.outlet = Outlet(id: record.text("id") ?? "outlet", name: record.text("name") ?? "",
                                            location: location, zoneRadiusKm: radius, day: day, reloadMinutes: reload,
                                            failedDelivery: record.choice("failedDelivery", default: FailedDeliveryRule.returnToOutlet))
        } else if root.value["outlet"] == nil {
            log.error(path, root.line, "outlet", "scenario: is missing")
        }
        let day = loaded.scenario.outlet.day
        if let node = root.value["objective"], let record = FieldRecord(file: path, node: node, subject: "objective", log: log) {
            for key in record.fields.map(\.key) {
                if let weight = record.number(key, minimum: 0, maximum: Scenario.largestObjectiveValue(key)) { loaded.scenario.objectiveWeights[key] = weight }
            }
        }

        // Couriers.
        if root.value["couriers"] == nil { log.error(path, root.line, "couriers", "scenario: is missing") }
        if let node = root.value["couriers"], case .array(let records) = node.value, records.isEmpty {
            log.error(path, node.line, "couriers", "no couriers: nothing can be planned")
        }
        forEachRecord(root, "couriers", noun: "courier", path: path, log: log) { record in
            if let courier = readCourier(record, day: day) {
                loaded.scenario.couriers.append(courier)
                loaded.courierSources.append(record.source)
            }
        }

        // Stops, inline and from the parcels CSV; counted first, so that a day above the ceiling
        // is refused before any per-stop work.
        var table: (path: String, table: CSVTable)?
        if let csvName = top.text("stopsFile") {
            let csvPath = TextFile.sibling(csvName, of: path)
            loaded.companionFiles.append(csvPath)
            do {
                table = (csvPath, try CSVTable.parse(try TextFile.read(csvPath)))
            } catch let error as ScenarioFileError {
                log.error(path, top.lineOf("stopsFile"), "stopsFile", error.description)
            } catch let error as CSVTable.SyntaxError {
                log.error(csvPath, error.line, "csv", error.message)
            } catch {
                log.error(csvPath, 0, "csv", "\(error)")
            }
        }
        var inlineCount = 0
        if case .array(let elements)? = root.value["stops"]?.value { inlineCount = elements.count }
        let stopCount = inlineCount + (table?.table.rows.count ?? 0)
        if stopCount > Scenario.maximumStops {
            log.error(path, root.value["stops"]?.line ?? top.lineOf("stopsFile"), "stops", Scenario.tooManyStopsMessage(count: stopCount))
            loaded.diagnostics = log.items
            return loaded
        }
        forEachRecord(root, "stops", noun: "stop", path: path, log: log) { record in
            if let stop = readStop(record, day: day) {
                loaded.scenario.stops.append(stop)
                loaded.stopSources.append(record.source)
            }
        }
        if let table { readStops(table.table, path: table.path, day: day, log: log, into: &loaded) }
        if root.value["stops"] == nil, top.text("stopsFile") == nil {
            log.error(path, root.line, "stops", "scenario: neither \"stops\" nor \"stopsFile\" is given")
        }

        // Travel last: a matrix file is read only for the places the scenario has.
        if let travel = root.value["travel"] {
            if let record = FieldRecord(file: path, node: travel, subject: "travel", log: log) {
                // Ids as written, also of stops that failed to read, so that their rows are not "unknown".
                var places = [loaded.scenario.outlet.id]
                if case .array(let elements)? = root.value["stops"]?.value {
                    for element in elements { if case .string(let id)? = element.value["id"]?.value { places.append(id.trimmed) } }
                }
                if let table, let column = table.table.header.firstIndex(of: "id") {
                    places += table.table.rows.map { $0.cells[column].trimmed }
                }
                loaded.scenario.travel = readTravel(record, path: path, places: places, log: log)
                if case .matrix = loaded.scenario.travel, case .string(let name)? = travel.value["matrixFile"]?.value {
                    loaded.companionFiles.append(TextFile.sibling(name.trimmed, of: path))
                }
            }
        }
        loaded.diagnostics = log.items
        let all = loaded.diagnostics + ScenarioValidator.validate(loaded)
        // File order; ties keep the order found.
        loaded.diagnostics = all.enumerated()
            .sorted { ($0.element.file, $0.element.line, $0.offset) < ($1.element.file, $1.element.line, $1.offset) }
            .map(\.element)
        return loaded
    }

    /// Calls `body` with each object of the array `key` of `root` (errors for anything else).
    static func forEachRecord(_ root: JSONNode, _ key: String, noun: String, path: String, log: DiagnosticLog,
                              _ body: (FieldRecord) -> Void) {
        guard let node = root.value[key] else { return }
        guard case .array(let elements) = node.value else {
            log.error(path, node.line, key, "scenario: expected an array, found \(node.value.typeName)")
            return
        }
        for (i, element) in elements.enumerated() {
            if let record = FieldRecord(file: path, node: element, subject: "\(noun) #\(i + 1)", log: log) { body(record) }
        }
    }

    /// Reads stops alone from a parcels CSV `text` (the rows `desk replan --new` adds to a day):
    /// open-ended windows end at `day`. Every problem is a diagnostic naming the file, line and field.
    public static func readParcels(text: String, path: String, day: TimeWindow) -> LoadedScenario {
        let log = DiagnosticLog()
        var loaded = LoadedScenario(
            scenario: Scenario(name: "", outlet: Outlet(id: "outlet", name: "", location: .geographic(lat: 0, lon: 0), day: day),
                               couriers: [], stops: []),
            stopSources: [], courierSources: [], diagnostics: [])
        do {
            let table = try CSVTable.parse(text)
            if table.rows.count > Scenario.maximumStops {
                log.error(path, 1, "stops", Scenario.tooManyStopsMessage(count: table.rows.count))
            } else {
                readStops(table, path: path, day: day, log: log, into: &loaded)
            }
        } catch {
            log.error(path, error.line, "csv", error.message)
        }
        loaded.diagnostics = log.items
        return loaded
    }

    static func readStops(_ table: CSVTable, path: String, day: TimeWindow, log: DiagnosticLog, into loaded: inout LoadedScenario) {
        let known = Set(stopKeys + ["x", "y"])
        for column in table.header where !known.contains(column) {
            log.warning(path, 1, column, "unknown column, ignored")
        }
        for row in table.rows {
            let fields = zip(table.header, row.cells).map { (key: $0.0, value: JSONValue.string($0.1), line: row.line) }
            let record = FieldRecord(file: path, line: row.line, subject: "stop", fields: fields, log: log, fromCSV: true)
            if let stop = readStop(record, day: day, warnUnknown: false) {
                loaded.scenario.stops.append(stop)
                loaded.stopSources.append(record.source)
            }
        }
    }

    static func readCourier(_ r: FieldRecord, day: TimeWindow) -> Courier? {
        let id = r.text("id", required: true)
        if let id { r.subject = "courier \(id)" }
        r.warnUnknown(allowed: courierKeys)
        let capacityKg = r.number("capacityKg", required: true, minimum: 0, exclusive: true)
        let capacityLitres = r.number("capacityLitres", minimum: 0, exclusive: true)
        let shift = r.singleWindow("shift", day: day, required: false) ?? day
        let speed = r.number("speedKmh", minimum: Courier.speedsKmh.lowerBound, maximum: Courier.speedsKmh.upperBound) ?? 15
        let courier = Courier(id: id ?? "", name: r.text("name") ?? id ?? "", capacityKg: capacityKg ?? 0,
                              capacityLitres: capacityLitres, shift: shift, speedKmh: speed, skills: r.list("skills"),
                              start: r.nestedLocation("start"), end: r.nestedLocation("end"),
                              territory: r.list("territory"), customers: r.list("customers"))
        return r.failed || id == nil ? nil : courier
    }

    static func readStop(_ r: FieldRecord, day: TimeWindow, warnUnknown: Bool = true) -> Stop? {
        let id = r.text("id", required: true)
        if let id { r.subject = "stop \(id)" }
        if warnUnknown { r.warnUnknown(allowed: Set(stopKeys + ["x", "y"])) }
        let kind = r.choice("kind", default: StopKind.delivery)
        let location = r.location(required: true)
        let window = r.phrase("window", day: day)
        let promise = r.raw("promise") == nil ? nil : r.singleWindow("promise", day: day, required: false)
        let stop = Stop(
            id: id ?? "", kind: kind, shipment: r.text("shipment"), location: location ?? .geographic(lat: 0, lon: 0),
            weightKg: r.number("weightKg", minimum: 0) ?? 0, volumeLitres: r.number("volumeLitres", minimum: 0) ?? 0,
            windows: window?.windows ?? [day], windowPhrase: window?.text,
            serviceMinutes: r.number("serviceMinutes", minimum: 0, maximum: 24 * 60) ?? 2, requiredSkills: r.list("skills"),
            handover: r.choice("handover", default: Handover.door), contact: r.choice("contact", default: ContactMethod.sms),
            customer: r.text("customer"), tier: r.choice("tier", default: CustomerTier.regular), promise: promise,
            building: r.text("building"), address: r.text("address"), note: r.text("note"),
            availableFrom: r.raw("availableFrom") == nil ? nil : r.clockTime("availableFrom"))
        return r.failed || id == nil || location == nil ? nil : stop
    }

    static func readTravel(_ r: FieldRecord, path: String, places: [String], log: DiagnosticLog) -> TravelModel {
        r.warnUnknown(allowed: travelKeys)
        switch r.text("model") ?? "haversine" {
        case "haversine":
            return .haversine(detourFactor: r.number("detourFactor", minimum: TravelModel.detourFactors.lowerBound,
                                                     maximum: TravelModel.detourFactors.upperBound) ?? 1.3,
                              speedFactor: r.number("speedFactor", minimum: TravelModel.speedFactors.lowerBound,
                                                    maximum: TravelModel.speedFactors.upperBound) ?? 1)
        case "euclidean":
            return .euclidean(unitsPerMinute: r.number("unitsPerMinute", minimum: 0, exclusive: true) ?? 1)
        case "matrix":
            guard let name = r.text("matrixFile", required: true) else { return .streets }
            let matrixPath = TextFile.sibling(name, of: path)
            do {
                let table = try CSVTable.parse(try TextFile.read(matrixPath))
                if let matrix = TravelMatrixReader.read(table, path: matrixPath, places: places, log: log) { return .matrix(matrix) }
            } catch let error as ScenarioFileError {
                r.error("matrixFile", error.description)
            } catch let error as CSVTable.SyntaxError {
                log.error(matrixPath, error.line, "csv", error.message)
            } catch {
                log.error(matrixPath, 0, "csv", "\(error)")
            }
            return .streets
        case let other:
            r.error("model", "\"\(other)\" is not one of \"haversine\", \"euclidean\", \"matrix\"")
            return .streets
        }
    }
}
