/// What `desk validate` prints about a readable scenario: what is in it and whether it fits.
public struct ScenarioSummary: Sendable, Codable, Equatable {
    /// Stops by kind.
    public var stopsByKind: [String: Int]
    /// Stops by the form of their time-window phrase ("none" when no window was given).
    public var windowsByForm: [String: Int]
    /// Stops with a promised slot.
    public var promised: Int
    /// Couriers on shift.
    public var couriers: Int
    /// Weight and volume on board when everyone leaves the outlet (deliveries), and what the couriers can carry.
    public var deliveryKg: Double
    /// Total capacity of all couriers, in kg.
    public var capacityKg: Double
    /// Delivery volume in litres.
    public var deliveryLitres: Double
    /// Total volume capacity in litres (`nil` when some courier's volume does not bind).
    public var capacityLitres: Double?
    /// Stops outside the zone.
    public var outOfZone: Int

    /// Summarises `loaded`.
    public init(_ loaded: LoadedScenario) {
        let scenario = loaded.scenario
        var kinds: [String: Int] = [:]
        var forms: [String: Int] = [:]
        for stop in scenario.stops {
            kinds[stop.kind.rawValue, default: 0] += 1
            let form = stop.windowPhrase.flatMap { try? TimeWindowPhrase.parse($0, day: scenario.outlet.day).form.rawValue } ?? "none"
            forms[form, default: 0] += 1
        }
        stopsByKind = kinds
        windowsByForm = forms
        promised = scenario.stops.filter { $0.promise != nil }.count
        couriers = scenario.couriers.count
        let deliveries = scenario.stops.filter { $0.kind == .delivery }
        deliveryKg = deliveries.reduce(0) { $0 + $1.weightKg }
        deliveryLitres = deliveries.reduce(0) { $0 + $1.volumeLitres }
        capacityKg = scenario.couriers.reduce(0) { $0 + $1.capacityKg }
        capacityLitres = scenario.couriers.contains { $0.capacityLitres == nil } ? nil
            : scenario.couriers.reduce(0) { $0 + ($1.capacityLitres ?? 0) }
        outOfZone = loaded.outOfZoneStops.count
    }

    /// The summary as lines of text.
    public var lines: [String] {
        func counts(_ d: [String: Int], order: [String]) -> String {
            let known = order.filter { d[$0] != nil }.map { "\($0) \(d[$0] ?? 0)" }
            let rest = d.keys.filter { !order.contains($0) }.sorted().map { "\($0) \(d[$0] ?? 0)" }
            return (known + rest).joined(separator: ", ")
        }
        let total = stopsByKind.values.reduce(0, +)
        var out = [
            "stops: \(total) (" + counts(stopsByKind, order: StopKind.allCases.map(\.rawValue)) + ")",
            "windows: " + counts(windowsByForm, order: TimeWindowPhrase.Form.allCases.map(\.rawValue) + ["none"]),
            "promised slots: \(promised)",
            "couriers: \(couriers)",
            "load on leaving the outlet: \(Self.number(deliveryKg)) kg of \(Self.number(capacityKg)) kg capacity"
                + (deliveryKg > capacityKg ? " (more than one trip needed)" : ""),
        ]
        if let capacityLitres {
            out.append("volume on leaving the outlet: \(Self.number(deliveryLitres)) L of \(Self.number(capacityLitres)) L capacity"
                       + (deliveryLitres > capacityLitres ? " (more than one trip needed)" : ""))
        }
        out.append("outside the zone: \(outOfZone)")
        return out
    }

    static func number(_ x: Double) -> String { JSONWriter.formatNumber((x * 10).rounded() / 10) }
}
