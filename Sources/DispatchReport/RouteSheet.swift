import DispatchModel
import DispatchPlan

/// The morning route sheet for one courier: stops in order with ETA, window, handover,
/// contact and notes, as printed and handed over at the outlet.
public enum RouteSheet {
    /// The sheet as plain text lines (UTF-8, for a terminal or a thermal printer).
    public static func text(for route: Plan.CourierRoute, scenario: Scenario) -> String {
        let stops = Dictionary(scenario.stops.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let name = scenario.couriers.first { $0.id == route.courier }?.name ?? route.courier
        var out = "\(name) (\(route.courier)): \(route.stops.count) stops, leave \(Clock.format(route.departure)), back \(Clock.format(route.returnTime))\n"
        for (n, visit) in route.stops.enumerated() {
            guard let stop = stops[visit.id] else { continue }
            let window = stop.windowPhrase ?? "any time"
            var line = "\(n + 1). \(Clock.format(visit.start))  \(stop.id)  \(stop.address ?? "")  [\(window)]  \(stop.kind.rawValue)"
            line += "  \(stop.handover.rawValue)"
            if stop.contact == .call { line += "  CALL" }
            if let promise = stop.promise { line += "  promised \(promise)" }
            if visit.late > 0 { line += "  LATE \(Int(visit.late.rounded())) min" }
            if let note = stop.note { line += "  — \(note)" }
            out += line + "\n"
        }
        return out
    }
}
