import DispatchModel
import Foundation

/// Reads plan files: `dispatchdesk.plan/2`, and `dispatchdesk.plan/1` (each route becomes one
/// trip). Every problem is a ``PlanFileError`` naming the file, line and field.
public enum PlanReader {
    /// Reads the plan at `path`.
    public static func load(path: String) throws(PlanFileError) -> Plan {
        try loadFile(path: path).plan
    }

    /// Reads the plan at `path`, with the line of each route, stop and list in it.
    /// A missing file is ``PlanFileError/missing(path:)``, one that cannot be opened or is not a
    /// regular file ``PlanFileError/unreadable(path:reason:)``, one that is not UTF-8 an error
    /// on the line of its first bad byte.
    public static func loadFile(path: String) throws(PlanFileError) -> PlanFile {
        let text: String
        do {
            text = try TextFile.read(path)
        } catch {
            switch error {
            case .missing: throw .missing(path: path)
            case .unreadable(_, let reason): throw .unreadable(path: path, reason: reason)
            case .badEncoding(_, let line): throw .invalid(path: path, line: line, field: "encoding", message: "the file is not UTF-8 text (save it as UTF-8 and try again)")
            }
        }
        return try readFile(text: text, path: path)
    }

    /// Reads plan JSON `text` that came from `path`.
    public static func read(text: String, path: String) throws(PlanFileError) -> Plan {
        try readFile(text: text, path: path).plan
    }

    /// Reads plan JSON `text` that came from `path`, with the line of each route, stop and list in it.
    public static func readFile(text: String, path: String) throws(PlanFileError) -> PlanFile {
        let root: JSONNode
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw .invalid(path: path, line: error.line, field: "json", message: error.message)
        }
        let file = PlanFields(path: path)
        let top = try file.object(root, "plan")
        let format = try file.string(top, "format", in: root)
        switch format {
        case Plan.format: return try readVersion2(root, top, file)
        case "dispatchdesk.plan/1": return try readVersion1(root, top, file)
        default:
            throw .invalid(path: path, line: root.value["format"]?.line ?? root.line, field: "format",
                           message: "\"\(format)\" is not a plan format this version reads (\(Plan.format) or dispatchdesk.plan/1)")
        }
    }

    /// The scenario file a plan names, resolved against the plan's folder, after checking its
    /// SHA-256: a plan whose scenario changed is refused.
    public static func scenarioPath(of plan: Plan, planPath: String) throws(PlanFileError) -> String {
        guard let reference = plan.scenario else {
            throw .invalid(path: planPath, line: 1, field: "scenario", message: "the plan does not name its scenario (a v1 plan?); give the scenario explicitly")
        }
        let path = TextFile.sibling(reference.path, of: planPath)
        var info = stat()
        if stat(path, &info) == 0, let kind = TextFile.kindName(info.st_mode) {
            throw .unreadable(path: path, reason: "the scenario the plan names is \(kind), not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileManager.default.fileExists(atPath: path) ? .unreadable(path: path, reason: "cannot read the scenario the plan names")
                                                              : .missing(path: path)
        }
        let found = SHA256.hex(data)
        guard found == reference.sha256 else {
            throw .scenarioChanged(plan: planPath, scenario: path, expected: reference.sha256, found: found)
        }
        return path
    }

    static func readVersion2(_ root: JSONNode, _ top: [(key: String, node: JSONNode)], _ file: PlanFields) throws(PlanFileError) -> PlanFile {
        var reference: Plan.ScenarioReference?
        if let node = top.first(where: { $0.key == "scenario" })?.node {
            let fields = try file.object(node, "scenario")
            reference = Plan.ScenarioReference(path: try file.string(fields, "path", in: node), sha256: try file.string(fields, "sha256", in: node))
        }
        var routes: [Plan.CourierRoute] = []
        var stopLines: [String: Int] = [:], courierLines: [String: Int] = [:]
        for routeNode in try file.array(top, "routes", in: root) {
            let route = try file.object(routeNode, "routes[]")
            var trips: [Plan.Trip] = []
            let tripNodes = try file.array(route, "trips", in: routeNode)
            guard !tripNodes.isEmpty else {
                let courier = (try? file.string(route, "courier", in: routeNode)).map { "courier \"\($0)\"" } ?? "this route"
                throw .invalid(path: file.path, line: (try? file.member(route, "trips", in: routeNode))?.line ?? routeNode.line, field: "trips",
                               message: "\(courier) has no trips: a route has at least one (a courier who does not go out has no route)")
            }
            for tripNode in tripNodes {
                let trip = try file.object(tripNode, "trips[]")
                let visits = try plannedVisits(try file.array(trip, "stops", in: tripNode), file, &stopLines)
                trips.append(Plan.Trip(departure: try file.minute(trip, "departure", in: tripNode),
                                       returnTime: try file.minute(trip, "return", in: tripNode), stops: visits,
                                       loadKg: try file.optionalNumber(trip, "loadKg") ?? 0,
                                       peakKg: try file.optionalNumber(trip, "peakKg") ?? 0,
                                       peakLitres: try file.optionalNumber(trip, "peakLitres") ?? 0,
                                       resume: try resume(trip, stopCount: visits.count, file)))
            }
            let departure = try file.optionalMinute(route, "departure") ?? trips.first?.departure ?? 0
            let courier = try file.string(route, "courier", in: routeNode)
            try file.once("courier", courier, node: routeNode, field: "routes[].courier", &courierLines)
            routes.append(Plan.CourierRoute(courier: courier, trips: trips,
                                            distance: try file.number(route, "km", in: routeNode),
                                            shiftStart: try file.optionalMinute(route, "shiftStart") ?? departure,
                                            reloadMinutes: try file.optionalMinute(route, "reloadMinutes") ?? 0))
        }
        var statistics: [String: Double] = [:]
        if let node = top.first(where: { $0.key == "statistics" })?.node {
            for (key, value) in try file.object(node, "statistics") {
                guard case .number(let x) = value.value else { throw file.wrongType(value, "statistics." + key, "a number") }
                statistics[key] = x
            }
        }
        var cost: Double?
        if let node = top.first(where: { $0.key == "summary" })?.node { cost = try file.optionalNumber(try file.object(node, "summary"), "cost") }
        let plan = Plan(name: try file.optionalString(top, "name") ?? "", scenario: reference,
                        objective: try file.optionalString(top, "objective") ?? "outlet", routes: routes,
                        unassigned: try unassigned(top, root, file, &stopLines), cost: cost ?? 0, statistics: statistics)
        return PlanFile(plan: plan, path: file.path, stopLines: stopLines, routeLines: courierLines,
                        unassignedLine: try file.member(top, "unassigned", in: root).line)
    }

    /// A trip's `resume` point: `{"after", "time", "lat", "lon"}` (or `x`, `y`), and `stop` when the courier was at one.
    static func resume(_ trip: [(key: String, node: JSONNode)], stopCount: Int, _ file: PlanFields) throws(PlanFileError) -> Plan.Resume? {
        guard let node = trip.first(where: { $0.key == "resume" })?.node else { return nil }
        if case .null = node.value { return nil }
        let fields = try file.object(node, "resume")
        let after = try file.number(fields, "after", in: node)
        guard after >= 0, after <= Double(stopCount), after == after.rounded() else {
            throw .invalid(path: file.path, line: node.line, field: "resume.after", message: "must be a whole number from 0 to the trip's \(stopCount) stops")
        }
        let location: Location
        if fields.contains(where: { $0.key == "lat" }) {
            location = .geographic(lat: try file.number(fields, "lat", in: node), lon: try file.number(fields, "lon", in: node))
        } else {
            location = .planar(x: try file.number(fields, "x", in: node), y: try file.number(fields, "y", in: node))
        }
        return Plan.Resume(afterStops: Int(after), time: try file.minute(fields, "time", in: node), location: location,
                           stop: try file.optionalString(fields, "stop"))
    }

    /// A trip's (v1: a route's) stops; `stopLines` holds the stops read so far (id → line), so
    /// that a stop planned twice is an error.
    static func plannedVisits(_ nodes: [JSONNode], _ file: PlanFields, _ stopLines: inout [String: Int]) throws(PlanFileError) -> [Plan.Visit] {
        var visits: [Plan.Visit] = []
        for node in nodes {
            let visit = try visit(node, file)
            try file.once("stop", visit.id, node: node, field: "stops[].id", &stopLines)
            visits.append(visit)
        }
        return visits
    }

    static func visit(_ node: JSONNode, _ file: PlanFields) throws(PlanFileError) -> Plan.Visit {
        let fields = try file.object(node, "stops[]")
        func window(_ key: String) throws(PlanFileError) -> [TimeWindow]? {
            guard let text = try file.optionalString(fields, key) else { return nil }
            guard let windows = try? TimeWindowPhrase.parse(text).windows else {
                throw .invalid(path: file.path, line: fields.first { $0.key == key }?.node.line ?? node.line, field: key,
                               message: "\"\(text)\" is not a list of HH:MM-HH:MM windows")
            }
            return windows
        }
        let statusText = try file.optionalString(fields, "status") ?? Plan.StopStatus.planned.rawValue
        guard let status = Plan.StopStatus(rawValue: statusText) else {
            throw .invalid(path: file.path, line: fields.first { $0.key == "status" }?.node.line ?? node.line, field: "status",
                           message: "\"\(statusText)\" is not one of planned, in_progress, done, failed")
        }
        let late = try file.optionalMinute(fields, "late")
        let lateness = try file.optionalMinute(fields, "lateness")
        return Plan.Visit(id: try file.string(fields, "id", in: node), arrival: try file.minute(fields, "arrival", in: node),
                          start: try file.minute(fields, "start", in: node), departure: try file.minute(fields, "departure", in: node),
                          early: try file.optionalMinute(fields, "early") ?? 0, late: late ?? lateness ?? 0,
                          windows: try window("window") ?? [], promise: try window("promise")?.first,
                          slot: try window("slot")?.first, status: status)
    }

    /// The unassigned list; `stopLines` holds the routed stops (id → line), so that a stop both
    /// routed and unassigned, or unassigned twice, is an error.
    static func unassigned(_ top: [(key: String, node: JSONNode)], _ root: JSONNode, _ file: PlanFields,
                           _ stopLines: inout [String: Int]) throws(PlanFileError) -> [Plan.Unassigned] {
        var list: [Plan.Unassigned] = []
        for node in try file.array(top, "unassigned", in: root) {
            let fields = try file.object(node, "unassigned[]")
            let id = try file.string(fields, "id", in: node)
            try file.once("stop", id, node: node, field: "unassigned[].id", &stopLines)
            list.append(Plan.Unassigned(id: id, reason: try file.string(fields, "reason", in: node)))
        }
        return list
    }

    /// v1: one trip per route; the scenario is not named.
    static func readVersion1(_ root: JSONNode, _ top: [(key: String, node: JSONNode)], _ file: PlanFields) throws(PlanFileError) -> PlanFile {
        var routes: [Plan.CourierRoute] = []
        var stopLines: [String: Int] = [:], courierLines: [String: Int] = [:]
        for routeNode in try file.array(top, "routes", in: root) {
            let route = try file.object(routeNode, "routes[]")
            let visits = try plannedVisits(try file.array(route, "stops", in: routeNode), file, &stopLines)
            let departure = try file.minute(route, "departure", in: routeNode)
            let trip = Plan.Trip(departure: departure, returnTime: try file.minute(route, "return", in: routeNode), stops: visits)
            let courier = try file.string(route, "courier", in: routeNode)
            try file.once("courier", courier, node: routeNode, field: "routes[].courier", &courierLines)
            routes.append(Plan.CourierRoute(courier: courier, trips: [trip],
                                            distance: try file.number(route, "distance", in: routeNode), shiftStart: departure))
        }
        var name = ""
        var cost = 0.0
        if let node = top.first(where: { $0.key == "summary" })?.node {
            let summary = try file.object(node, "summary")
            name = try file.optionalString(summary, "scenario") ?? ""
            cost = try file.optionalNumber(summary, "cost") ?? 0
        }
        let plan = Plan(name: name, scenario: nil, objective: "outlet", routes: routes, unassigned: try unassigned(top, root, file, &stopLines),
                        cost: cost)
        return PlanFile(plan: plan, path: file.path, stopLines: stopLines, routeLines: courierLines,
                        unassignedLine: try file.member(top, "unassigned", in: root).line)
    }
}

/// Typed access to a plan file's JSON, with errors that name the line and field.
struct PlanFields {
    let path: String

    /// Records that `what` `id` appears at `node`'s line, or throws when it already appeared: a
    /// stop planned twice, or a courier with two routes, would be replanned twice.
    func once(_ what: String, _ id: String, node: JSONNode, field: String, _ lines: inout [String: Int]) throws(PlanFileError) {
        if let first = lines[id] {
            throw .invalid(path: path, line: node.line, field: field, message: "\(what) \"\(id)\" appears twice in the plan (first at line \(first))")
        }
        lines[id] = node.line
    }

    func wrongType(_ node: JSONNode, _ field: String, _ expected: String) -> PlanFileError {
        .invalid(path: path, line: node.line, field: field, message: "expected \(expected), found \(node.value.typeName)")
    }

    func object(_ node: JSONNode, _ field: String) throws(PlanFileError) -> [(key: String, node: JSONNode)] {
        guard case .object(let members) = node.value else { throw wrongType(node, field, "an object") }
        return members
    }

    func member(_ fields: [(key: String, node: JSONNode)], _ key: String, in parent: JSONNode) throws(PlanFileError) -> JSONNode {
        guard let node = fields.first(where: { $0.key == key })?.node else {
            throw .invalid(path: path, line: parent.line, field: key, message: "is missing")
        }
        return node
    }

    func array(_ fields: [(key: String, node: JSONNode)], _ key: String, in parent: JSONNode) throws(PlanFileError) -> [JSONNode] {
        let node = try member(fields, key, in: parent)
        guard case .array(let items) = node.value else { throw wrongType(node, key, "an array") }
        return items
    }

    func string(_ fields: [(key: String, node: JSONNode)], _ key: String, in parent: JSONNode) throws(PlanFileError) -> String {
        let node = try member(fields, key, in: parent)
        guard case .string(let s) = node.value else { throw wrongType(node, key, "text") }
        return s
    }

    func number(_ fields: [(key: String, node: JSONNode)], _ key: String, in parent: JSONNode) throws(PlanFileError) -> Double {
        let node = try member(fields, key, in: parent)
        guard case .number(let x) = node.value, x.isFinite else { throw wrongType(node, key, "a number") }
        return x
    }

    /// A time (or a span of minutes) at `key`: a number from 0 to ``Plan/latestMinute``.
    func minute(_ fields: [(key: String, node: JSONNode)], _ key: String, in parent: JSONNode) throws(PlanFileError) -> Double {
        try checkedMinute(try member(fields, key, in: parent), key)
    }

    /// ``minute(_:_:in:)`` where the field may be missing or `null`.
    func optionalMinute(_ fields: [(key: String, node: JSONNode)], _ key: String) throws(PlanFileError) -> Double? {
        guard let node = fields.first(where: { $0.key == key })?.node else { return nil }
        if case .null = node.value { return nil }
        return try checkedMinute(node, key)
    }

    private func checkedMinute(_ node: JSONNode, _ key: String) throws(PlanFileError) -> Double {
        guard case .number(let x) = node.value, x.isFinite else { throw wrongType(node, key, "a number") }
        guard x >= 0, x <= Plan.latestMinute else {
            throw .invalid(path: path, line: node.line, field: key,
                           message: "\(x) is not a minute from 0 to \(Int(Plan.latestMinute)) (a week after midnight)")
        }
        return x
    }

    func optionalString(_ fields: [(key: String, node: JSONNode)], _ key: String) throws(PlanFileError) -> String? {
        guard let node = fields.first(where: { $0.key == key })?.node else { return nil }
        if case .null = node.value { return nil }
        guard case .string(let s) = node.value else { throw wrongType(node, key, "text") }
        return s
    }

    func optionalNumber(_ fields: [(key: String, node: JSONNode)], _ key: String) throws(PlanFileError) -> Double? {
        guard let node = fields.first(where: { $0.key == key })?.node else { return nil }
        if case .null = node.value { return nil }
        guard case .number(let x) = node.value, x.isFinite else { throw wrongType(node, key, "a number") }
        return x
    }
}
