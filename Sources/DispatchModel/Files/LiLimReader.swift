/// Reads Li & Lim's pickup-and-delivery benchmark format (PDPTW, 2001).
///
/// The first line gives the fleet size, the capacity and a speed (unused: travel time equals
/// Euclidean distance); each further line is a task: `index x y demand earliest latest service
/// pickupIndex deliveryIndex`, task 0 being the depot. A pickup (positive demand) names its
/// delivery in the last column; a delivery names its pickup in the one before. Each pair becomes a
/// shipment (`shipment_pickup` → `shipment_delivery`, shipment id `s<pickup index>`); stop ids are
/// the task indices.
public enum LiLimReader {
    /// Whether `text` looks like a Li & Lim instance: three numbers, then rows of nine.
    public static func looksLikeLiLim(_ text: String) -> Bool {
        let rows = text.split(whereSeparator: \.isNewline).prefix(3).map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }) }
        return rows.count >= 2 && rows[0].count == 3 && rows[1].count == 9
            && rows.allSatisfy { $0.allSatisfy { Double($0) != nil } }
    }

    /// Reads the instance; problems become diagnostics naming the line.
    public static func read(text: String, path: String) -> LoadedScenario {
        let log = DiagnosticLog()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var header: [Double]?
        var tasks: [(line: Int, values: [Double])] = []
        for (i, raw) in lines.enumerated() {
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !fields.isEmpty else { continue }
            let numbers = fields.compactMap { Double($0) }
            guard numbers.count == fields.count else {
                log.error(path, i + 1, "task", "\"\(raw.trimmingSpaces)\" is not a row of numbers")
                continue
            }
            if header == nil {
                guard numbers.count == 3, numbers[0] >= 1, numbers[1] > 0 else {
                    log.error(path, i + 1, "vehicles", "expected the fleet size, capacity and speed")
                    header = [0, 0, 1]
                    continue
                }
                header = numbers
            } else if numbers.count == 9 {
                tasks.append((i + 1, numbers))
            } else {
                log.error(path, i + 1, "task", "expected 9 numbers (index, x, y, demand, earliest, latest, service, pickup, delivery), found \(numbers.count)")
            }
        }
        let name = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? "li-lim"
        guard let depot = tasks.first, let header else {
            log.error(path, 1, "task", "no depot row")
            return LoadedScenario(scenario: Scenario(name: name, outlet: Outlet(id: "0", name: name, location: GeoPoint(lat: 0, lon: 0)),
                                                     couriers: [], stops: []),
                                  stopSources: [], courierSources: [], diagnostics: log.items)
        }
        let horizon = TimeWindow(start: Int(depot.values[4]), end: Int(depot.values[5]))
        let outlet = Outlet(id: "0", name: name, location: GeoPoint(lat: depot.values[2], lon: depot.values[1]), zoneRadiusKm: nil, day: horizon, reloadMinutes: nil)
        let indices = Set(tasks.map { Int($0.values[0]) })
        var stops: [Stop] = []
        var sources: [SourceLocation] = []
        for task in tasks.dropFirst() {
            let v = task.values
            let index = Int(v[0]), pickupOf = Int(v[7]), deliveryOf = Int(v[8])
            let isPickup = deliveryOf > 0
            let partner = isPickup ? deliveryOf : pickupOf
            guard partner > 0, indices.contains(partner) else {
                log.error(path, task.line, "task", "task \(index) names no existing \(isPickup ? "delivery" : "pickup") partner")
                continue
            }
            guard v[4] <= v[5] else {
                log.error(path, task.line, "latest", "task \(index): earliest time after latest time")
                continue
            }
            stops.append(Stop(id: String(index), kind: isPickup ? .shipmentPickup : .shipmentDelivery,
                              shipment: "s\(isPickup ? index : partner)", location: GeoPoint(lat: v[2], lon: v[1]),
                              weightKg: abs(v[3]), windows: [TimeWindow(start: Int(v[4]), end: Int(v[5]))], serviceMinutes: v[6]))
            sources.append(SourceLocation(file: path, line: task.line))
        }
        let couriers = (0..<Int(header[0])).map { k in
            Courier(id: "v\(k + 1)", name: "vehicle \(k + 1)", capacityKg: header[1], shift: horizon, speedKmh: 60)
        }
        var loaded = LoadedScenario(
            scenario: Scenario(name: name, outlet: outlet, couriers: couriers, stops: stops, travel: .euclidean(unitsPerMinute: 1)),
            stopSources: sources, courierSources: couriers.map { _ in SourceLocation(file: path, line: 1) }, diagnostics: [])
        loaded.diagnostics = log.items + ScenarioValidator.validate(loaded)
        return loaded
    }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmed }
}
