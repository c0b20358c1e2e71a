import DispatchModel
import DispatchPlan

/// The morning route sheet for one courier: each trip out of the outlet (when to leave, what it
/// carries, when to be back to reload), then its stops in order with ETA, window, handover,
/// contact and notes, as printed and handed over at the outlet.
public enum RouteSheet {
    /// The sheet as plain text lines (UTF-8, for a terminal or a thermal printer): a heading
    /// line for the courier's day, then for every trip a line saying when it leaves, the weight
    /// it leaves with, the most it carries (weight and volume), its stops and when it is back,
    /// followed by its stops, numbered through the day.
    public static func text(for route: Plan.CourierRoute, scenario: Scenario) -> String {
        text(for: route, scenario: scenario, stops: stopsByID(scenario))
    }

    /// Every courier's sheet in `plan`, in the plan's order, a blank line between two (the
    /// scenario's stops are looked up in one dictionary for all of them).
    public static func text(for plan: Plan, scenario: Scenario) -> String {
        let stops = stopsByID(scenario)
        return plan.routes.map { text(for: $0, scenario: scenario, stops: stops) }.joined(separator: "\n")
    }

    /// The scenario's stops by id (the first of a repeated id).
    static func stopsByID(_ scenario: Scenario) -> [String: Stop] {
        Dictionary(scenario.stops.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func text(for route: Plan.CourierRoute, scenario: Scenario, stops: [String: Stop]) -> String {
        let name = scenario.couriers.first { $0.id == route.courier }?.name ?? route.courier
        let trips = route.trips.filter { !$0.stops.isEmpty }
        let tripCount = trips.count == 1 ? "1 trip" : "\(trips.count) trips"
        var out = "\(name) (\(route.courier)): \(route.stops.count) stops in \(tripCount), leave \(Clock.format(route.departure)), back \(Clock.format(route.returnTime))\n"
        var n = 0
        for (t, trip) in trips.enumerated() {
            out += tripLine(trip, number: t + 1, last: t == trips.count - 1) + "\n"
            for visit in trip.stops {
                n += 1
                guard let stop = stops[visit.id] else { continue }
                out += stopLine(visit, stop: stop, number: n) + "\n"
            }
        }
        return out
    }

    /// "Trip 2: leave 12:51 with 91.8 kg (at most 93.3 kg, 361 L on board), 45 stops, back at the
    /// outlet 14:59" (the last trip is "back", as a courier may end the day elsewhere).
    static func tripLine(_ trip: Plan.Trip, number: Int, last: Bool) -> String {
        let stops = trip.stops.count == 1 ? "1 stop" : "\(trip.stops.count) stops"
        let back = last ? "back" : "back at the outlet"
        return "Trip \(number): leave \(Clock.format(trip.departure)) with \(kilograms(trip.loadKg)) kg"
            + " (at most \(kilograms(trip.peakKg)) kg, \(Int(trip.peakLitres.rounded())) L on board), \(stops), \(back) \(Clock.format(trip.returnTime))"
    }

    /// One stop: number, ETA, id, address, window as the customer said it, kind, handover, then
    /// the flags a courier acts on (call first, cold chain, promise, lateness) and the note.
    static func stopLine(_ visit: Plan.Visit, stop: Stop, number: Int) -> String {
        let window = stop.windowPhrase ?? "any time"
        var line = "\(number). \(Clock.format(visit.start))  \(stop.id)  \(stop.address ?? "")  [\(window)]  \(stop.kind.rawValue)"
        line += "  \(stop.handover.rawValue)"
        if stop.contact == .call { line += "  CALL" }
        if stop.isColdChain { line += "  COLD CHAIN" }
        if let promise = stop.promise { line += "  promised \(promise)" }
        if visit.late > 0 { line += "  LATE \(Int(visit.late.rounded())) min" }
        if let note = stop.note { line += "  — \(note)" }
        return line
    }

    /// Kilograms with one decimal (a weight below zero, which no plan carries, keeps its sign).
    static func kilograms(_ kg: Double) -> String {
        let tenths = Int((abs(kg) * 10).rounded())
        return (kg < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }
}
