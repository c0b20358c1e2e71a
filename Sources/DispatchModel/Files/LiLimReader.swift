/// Reads Li & Lim's pickup-and-delivery benchmark format (PDPTW, 2001).
///
/// The first line gives the fleet size, the capacity and a speed (unused: travel time equals
/// Euclidean distance); each further line is a task: `index x y demand earliest latest service
/// pickupIndex deliveryIndex`, task 0 being the depot (wherever its line is). A pickup has a positive
/// demand and names its delivery in the last column; a delivery has the opposite demand and names
/// its pickup in the one before; the two must name each other. Each pair becomes a shipment
/// (`shipment_pickup` → `shipment_delivery`, shipment id `s<pickup index>`); stop ids are the task
/// indices. Every number is read or its line reported; times are whole minutes.
public enum LiLimReader {
    /// Column names of a task line, for diagnostics.
    static let columns = ["index", "x", "y", "demand", "earliest", "latest", "service", "pickup", "delivery"]

    /// Whether `text` looks like a Li & Lim instance: three numbers, then rows of nine.
    public static func looksLikeLiLim(_ text: String) -> Bool {
        // An Array, not a lazy view: a lazy filter keeps its base's indices, so rows[0] and rows[1]
        // would name the base's first two lines, blank or not (the Li & Lim fuzzer found this trap).
        let rows = Array(TextLines.split(String(text.prefix(4096))).lazy.map(TextLines.fields).filter { !$0.isEmpty }.prefix(2))
        return rows.count == 2 && rows[0].count == 3 && rows[1].count == 9
            && rows.allSatisfy { $0.allSatisfy { DecimalNumber.parse($0) != nil } }
    }

    struct Task {
        let line: Int
        let index: Int
        let x: Double, y: Double, demand: Double
        let earliest: Int, latest: Int
        let service: Double
        let pickup: Int, delivery: Int
    }

    /// Reads the instance; problems become diagnostics naming the line and the column.
    public static func read(text: String, path: String) -> LoadedScenario {
        let log = DiagnosticLog()
        let name = path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? "li-lim"
        var header: (vehicles: Int, capacity: Double)?
        var sawHeader = false
        var tasks: [Task] = []
        var taskAt: [Int: Int] = [:]
        for (i, raw) in TextLines.split(text).enumerated() {
            let line = i + 1
            let fields = TextLines.fields(raw)
            guard !fields.isEmpty else { continue }
            if !sawHeader {
                sawHeader = true
                guard fields.count == 3 else { log.error(path, line, "vehicles", "expected the fleet size, capacity and speed, found \(fields.count) field(s)"); continue }
                guard let vehicles = DecimalNumber.parse(fields[0]).flatMap({ DecimalNumber.whole($0, in: 1...SolomonReader.maximumVehicles) }) else {
                    log.error(path, line, "vehicles", "\"\(SolomonReader.prefix(fields[0]))\" is not a whole number of vehicles between 1 and \(SolomonReader.maximumVehicles)"); continue
                }
                guard let capacity = DecimalNumber.parse(fields[1]), capacity > 0 else {
                    log.error(path, line, "capacity", "\"\(SolomonReader.prefix(fields[1]))\" is not a positive number"); continue
                }
                guard DecimalNumber.parse(fields[2]) != nil else {
                    log.error(path, line, "speed", "\"\(SolomonReader.prefix(fields[2]))\" is not a number"); continue
                }
                header = (vehicles, capacity)
                continue
            }
            guard fields.count == columns.count else {
                log.error(path, line, "task", "expected 9 numbers (index, x, y, demand, earliest, latest, service, pickup, delivery), found \(fields.count) field(s)")
                continue
            }
            var values: [Double] = []
            for (column, field) in zip(columns, fields) {
                guard let value = DecimalNumber.parse(field) else { log.error(path, line, column, "\"\(SolomonReader.prefix(field))\" is not a number"); break }
                values.append(value)
            }
            guard values.count == columns.count else { continue }
            var whole: [Int] = []
            for (column, k) in [("index", 0), ("pickup", 7), ("delivery", 8)] {
                guard let n = DecimalNumber.whole(values[k], in: 0...Int(Int32.max)) else {
                    log.error(path, line, column, "\"\(fields[k])\" is not a task index (a whole number, 0 for the depot)"); break
                }
                whole.append(n)
            }
            guard whole.count == 3 else { continue }
            let index = whole[0]
            guard let earliest = DecimalNumber.whole(values[4], in: 0...SolomonReader.maximumMinute) else {
                log.error(path, line, "earliest", "task \(index): \(fields[4]) is not a whole minute between 0 and \(SolomonReader.maximumMinute)"); continue
            }
            guard let latest = DecimalNumber.whole(values[5], in: 0...SolomonReader.maximumMinute) else {
                log.error(path, line, "latest", "task \(index): \(fields[5]) is not a whole minute between 0 and \(SolomonReader.maximumMinute)"); continue
            }
            guard earliest <= latest else { log.error(path, line, "latest", "task \(index): earliest time after latest time"); continue }
            guard values[6] >= 0, values[6] <= Double(SolomonReader.maximumMinute) else {
                log.error(path, line, "service", "task \(index): service time \(fields[6]) is not between 0 and \(SolomonReader.maximumMinute)"); continue
            }
            if let first = taskAt[index] {
                log.error(path, line, "index", "task \(index) appears twice (first on line \(tasks[first].line))"); continue
            }
            taskAt[index] = tasks.count
            tasks.append(Task(line: line, index: index, x: values[1], y: values[2], demand: values[3], earliest: earliest, latest: latest,
                              service: values[6], pickup: whole[1], delivery: whole[2]))
        }
        if tasks.count - 1 > Scenario.maximumStops {
            log.error(path, tasks.last?.line ?? 0, "task", Scenario.tooManyStopsMessage(count: tasks.count - 1))
            return SolomonReader.emptyScenario(name: name, log: log)
        }
        guard let header else {
            if !sawHeader { log.error(path, 1, "vehicles", "the file is empty: expected the fleet size, capacity and speed") }
            return SolomonReader.emptyScenario(name: name, log: log)
        }
        guard let depot = taskAt[0].map({ tasks[$0] }) else {
            log.error(path, 0, "task", "no depot row: task 0 is the depot and must be listed")
            return SolomonReader.emptyScenario(name: name, log: log)
        }
        if depot.demand != 0 || depot.pickup != 0 || depot.delivery != 0 {
            log.error(path, depot.line, "demand", "task 0 is the depot: its demand, pickup and delivery must be 0")
        }
        let horizon = TimeWindow(start: depot.earliest, end: depot.latest)
        let outlet = Outlet(id: "0", name: name, location: .planar(x: depot.x, y: depot.y), zoneRadiusKm: nil, day: horizon, reloadMinutes: nil)
        var stops: [Stop] = []
        var sources: [SourceLocation] = []
        for task in tasks where task.index != 0 {
            let isPickup = task.demand > 0
            guard task.demand != 0 else { log.error(path, task.line, "demand", "task \(task.index): demand 0 is neither a pickup (> 0) nor a delivery (< 0)"); continue }
            // The partner column for one's own role must be 0, the other must name a task that names us back.
            let partner = isPickup ? task.delivery : task.pickup
            let ownColumn = isPickup ? task.pickup : task.delivery
            guard ownColumn == 0 else {
                log.error(path, task.line, isPickup ? "pickup" : "delivery",
                          "task \(task.index): a \(isPickup ? "pickup (demand > 0)" : "delivery (demand < 0)") must have 0 in the \(isPickup ? "pickup" : "delivery") column")
                continue
            }
            guard partner != 0, let other = taskAt[partner].map({ tasks[$0] }), (isPickup ? other.pickup : other.delivery) == task.index else {
                log.error(path, task.line, isPickup ? "delivery" : "pickup",
                          "task \(task.index) names no existing \(isPickup ? "delivery" : "pickup") partner that names it back")
                continue
            }
            guard other.demand == -task.demand else {
                log.error(path, task.line, "demand", "task \(task.index): demand \(JSONWriter.formatNumber(task.demand)) does not balance its partner \(partner)'s \(JSONWriter.formatNumber(other.demand))")
                continue
            }
            stops.append(Stop(id: String(task.index), kind: isPickup ? .shipmentPickup : .shipmentDelivery,
                              shipment: "s\(isPickup ? task.index : partner)", location: .planar(x: task.x, y: task.y),
                              weightKg: abs(task.demand), windows: [TimeWindow(start: task.earliest, end: task.latest)], serviceMinutes: task.service))
            sources.append(SourceLocation(file: path, line: task.line))
        }
        let couriers = (0..<header.vehicles).map { k in
            Courier(id: "v\(k + 1)", name: "vehicle \(k + 1)", capacityKg: header.capacity, shift: horizon, speedKmh: 60)
        }
        var loaded = LoadedScenario(
            scenario: Scenario(name: name, outlet: outlet, couriers: couriers, stops: stops, travel: .euclidean(unitsPerMinute: 1)),
            stopSources: sources, courierSources: couriers.map { _ in SourceLocation(file: path, line: 1) }, diagnostics: [])
        loaded.diagnostics = log.items + ScenarioValidator.validate(loaded)
        return loaded
    }
}
