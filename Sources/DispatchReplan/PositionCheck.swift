import DispatchModel
import Foundation

/// Whether a handheld's position can be planned from: a GPS fix far outside the outlet's area
/// (a handheld reporting 0, 0, or a place hundreds of kilometres away) is a bad reading, not a
/// place to route from. A courier seen within the area but too far out to be back before the
/// shift ends is late, which happens: the replan moves the rest of the trip off and reports the
/// overtime (``ReplanDiff/lateBack``).
struct PositionCheck {
    /// How far beyond the outlet's area (its zone, and its couriers' start and end places) a
    /// courier may be seen, km: room for detours and GPS drift, not for a wrong fix.
    static let marginKm = 10.0

    let scenario: Scenario
    /// The outlet's area, km from the outlet: the zone radius, or the farthest courier start or
    /// end place when that is farther (the farthest stop when the outlet has no zone).
    let areaKm: Double

    /// The check for positions on `scenario`'s day.
    init(scenario: Scenario) {
        self.scenario = scenario
        let outlet = scenario.outlet.location
        let places = scenario.couriers.flatMap { [$0.start, $0.end].compactMap(\.self) }
            + (scenario.outlet.zoneRadiusKm == nil ? scenario.stops.map(\.location) : [])
        let farthest = places.filter(\.isGeographic).map { outlet.kilometres(to: $0) }.max() ?? 0
        areaKm = max(scenario.outlet.zoneRadiusKm ?? 0, farthest)
    }

    /// The farthest a courier can be seen from the outlet, km.
    var limitKm: Double { areaKm + Self.marginKm }

    /// What is wrong with a courier being seen at `place` (the field and the message), or `nil`
    /// when the position can be planned from. `text` is the place as written.
    func problem(place: Location, text: String) -> (field: String, message: String)? {
        guard scenario.outlet.location.isGeographic else {
            return ("lat", "a position in lat/lon, but the day's places are x/y")
        }
        let km = scenario.outlet.location.kilometres(to: place)
        guard km <= limitKm else {
            return ("lat", "\(text) is \(Self.kilometres(km)) km from the outlet; a courier is never more than "
                    + "\(Self.kilometres(limitKm)) km from it (its area of \(Self.kilometres(areaKm)) km plus \(Self.kilometres(Self.marginKm)) km): a bad GPS fix?")
        }
        return nil
    }

    /// Kilometres to one decimal.
    static func kilometres(_ km: Double) -> String { String(format: "%.1f", km) }
}
