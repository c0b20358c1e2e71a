import DispatchModel
import DispatchPlan
import DispatchRisk
import Foundation

/// Reads the events CSV the handhelds send (`time,courier,stop,event,lat,lon[,reason]`, see
/// docs/formats.md) and checks it against the plan and its day: every error names the file, line
/// and field.
public enum EventsReader {
    /// The columns; `reason` may be left out.
    public static let columns = ["time", "courier", "stop", "event", "lat", "lon", "reason"]

    /// Reads the events at `path` for `plan` of `scenario`'s day.
    public static func load(path: String, plan: Plan, scenario: Scenario, now: Double) throws(ReplanError) -> [ReplanEvent] {
        try read(text: try readText(path), path: path, plan: plan, scenario: scenario, now: now)
    }

    /// The text of an input file; a missing file is ``ReplanError/missing(path:)``.
    static func readText(_ path: String) throws(ReplanError) -> String {
        do {
            return try TextFile.read(path)
        } catch {
            if !error.isBadData { throw .missing(path: path) }
            throw .invalid(path: path, line: 1, field: "encoding", message: error.description)
        }
    }

    /// Reads events `text` from `path`: times between the plan's start and `now`, stops of the
    /// plan on the reporting courier's route, each stop reported once, positions a courier of
    /// `scenario`'s day can be at (within the outlet's area plus a margin: ``PositionCheck``).
    public static func read(text: String, path: String, plan: Plan, scenario: Scenario, now: Double) throws(ReplanError) -> [ReplanEvent] {
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch {
            throw .invalid(path: path, line: error.line, field: "csv", message: error.message)
        }
        let column: [String: Int]
        do {
            column = try table.columnIndices(columns, optional: ["reason"])
        } catch {
            throw .invalid(path: path, line: 1, field: error.field, message: error.message)
        }
        // Whose route each stop is on, and what the plan already knows about it.
        var courierOf: [String: String] = [:]
        var statusOf: [String: Plan.StopStatus] = [:]
        var lastScan: [String: Double] = [:]
        for route in plan.routes {
            for visit in route.stops {
                courierOf[visit.id] = route.courier; statusOf[visit.id] = visit.status
                if visit.isRecorded { lastScan[route.courier] = max(lastScan[route.courier] ?? 0, visit.departure) }
            }
        }
        let unassigned = Set(plan.unassigned.map(\.id))
        let couriers = Set(plan.routes.map(\.courier))
        let start = plan.routes.map { min($0.shiftStart, $0.departure) }.min() ?? 0
        let positions = PositionCheck(scenario: scenario)
        var reported: [String: Int] = [:]
        var events: [ReplanEvent] = []
        for row in table.rows {
            func cell(_ name: String) -> String { column[name].map { row.cells[$0] } ?? "" }
            func fail(_ field: String, _ message: String) -> ReplanError { .invalid(path: path, line: row.line, field: field, message: message) }
            let timeText = cell("time")
            guard let time = ScanClock.parse(timeText) else { throw fail("time", "\"\(timeText)\" is not a time HH:MM or HH:MM:SS") }
            guard time + 1e-9 >= start else { throw fail("time", "\(timeText) is before the plan's start (\(Clock.format(start)))") }
            guard time <= now + 1e-9 else { throw fail("time", "\(timeText) is after --now (\(Clock.format(now)))") }
            let courier = cell("courier")
            guard !courier.isEmpty else { throw fail("courier", "is empty") }
            guard couriers.contains(courier) else { throw fail("courier", "\"\(courier)\" has no route in the plan") }
            guard let kind = ReplanEvent.Kind(rawValue: cell("event")) else {
                throw fail("event", "\"\(cell("event"))\" is not one of done, failed, position")
            }
            let latText = cell("lat"), lonText = cell("lon")
            var location: Location?
            if !latText.isEmpty || !lonText.isEmpty {
                guard let lat = DecimalNumber.parse(latText) else { throw fail("lat", "\"\(latText)\" is not a number") }
                guard let lon = DecimalNumber.parse(lonText) else { throw fail("lon", "\"\(lonText)\" is not a number") }
                let point = Location.geographic(lat: lat, lon: lon)
                guard point.isValid else { throw fail("lat", "(\(latText), \(lonText)) is not a place on Earth") }
                location = point
            }
            let reasonText = cell("reason")
            var reason: ReplanEvent.FailureReason?
            if !reasonText.isEmpty {
                guard kind == .failed else { throw fail("reason", "only a failed stop has a reason") }
                guard let r = ReplanEvent.FailureReason(rawValue: reasonText) else {
                    throw fail("reason", "\"\(reasonText)\" is not one of not_home, refused, wrong_address")
                }
                reason = r
            }
            let stop = cell("stop")
            switch kind {
            case .position:
                guard stop.isEmpty else { throw fail("stop", "a position names no stop") }
                guard let location else { throw fail("lat", "a position needs lat and lon") }
                if let problem = positions.problem(place: location, text: "(\(latText), \(lonText))") {
                    throw fail(problem.field, problem.message)
                }
                events.append(ReplanEvent(time: time, courier: courier, kind: kind, location: location, line: row.line))
            case .done, .failed:
                guard !stop.isEmpty else { throw fail("stop", "is empty") }
                guard let owner = courierOf[stop] else {
                    throw fail("stop", unassigned.contains(stop) ? "\"\(stop)\" is not on any route of the plan (it is unassigned)"
                                                                : "\"\(stop)\" is not a stop of the plan")
                }
                guard owner == courier else { throw fail("stop", "\(stop) is on \(owner)'s route, not \(courier)'s") }
                if let status = statusOf[stop], status == .done || status == .failed {
                    throw fail("stop", "\(stop) is already \(status.rawValue) in the plan")
                }
                if let first = reported[stop] { throw fail("stop", "\(stop) is already reported on line \(first)") }
                if let scan = lastScan[courier], time + 1e-9 < scan {
                    throw fail("time", "\(timeText) is before \(courier)'s last scan in the plan (\(Clock.format(scan)))")
                }
                reported[stop] = row.line
                events.append(ReplanEvent(time: time, courier: courier, stop: stop, kind: kind, location: location, reason: reason, line: row.line))
            }
        }
        return events
    }
}
