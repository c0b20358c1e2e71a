/// Writes scenarios in the file format ``ScenarioReader`` reads, deterministically.
public enum ScenarioWriter {
    /// The scenario JSON. With `stopsFile`, stops are left out of the JSON and named by that file.
    /// `risk` is the `"risk"` block of the file the scenario was read from, written back as it was
    /// (the risk commands read it; the model does not).
    public static func json(_ scenario: Scenario, stopsFile: String? = nil, risk: JSONValue? = nil) -> String {
        let outlet = scenario.outlet
        var travel: JSONValue
        switch scenario.travel {
        case .haversine(let detour, let speed):
            travel = .object(["model": .string("haversine"), "detourFactor": .number(detour), "speedFactor": .number(speed)])
        case .euclidean(let units):
            travel = .object(["model": .string("euclidean"), "unitsPerMinute": .number(units)])
        case .matrix:
            travel = .object(["model": .string("matrix"), "matrixFile": .string("matrix.csv")])
        }
        let root = JSONValue.object([
            "format": .string(Scenario.format),
            "name": .string(scenario.name),
            "weather": scenario.weather.map(JSONValue.string),
            "travel": travel,
            "outlet": .object([
                "id": .string(outlet.id), "name": .string(outlet.name),
            "lat": outlet.location.latitude, "lon": outlet.location.longitude,
            "x": outlet.location.x, "y": outlet.location.y,
                "zoneRadiusKm": outlet.zoneRadiusKm.map(JSONValue.number),
                "day": .string(outlet.day.description),
                "reloadMinutes": outlet.reloadMinutes.map(JSONValue.number),
                "failedDelivery": outlet.failedDelivery == .returnToOutlet ? nil : .string(outlet.failedDelivery.rawValue),
            ]),
            "objective": scenario.objectiveWeights.isEmpty ? nil : .object(scenario.objectiveWeights.keys.sorted().map {
                (key: $0, node: JSONNode(.number(scenario.objectiveWeights[$0] ?? 0)))
            }),
            "risk": risk,
            "couriers": .array(scenario.couriers.map(courierJSON)),
            "stopsFile": stopsFile.map(JSONValue.string),
            "stops": stopsFile == nil ? .array(scenario.stops.map(stopJSON)) : nil,
        ])
        return JSONWriter.write(root)
    }

    /// The stops as a parcels CSV (header = ``ScenarioReader/stopKeys``).
    public static func csv(_ stops: [Stop]) -> String {
        let rows = stops.map { stop in
            ScenarioReader.stopKeys.map { key -> String in
                switch stopFields(stop).first(where: { $0.key == key })?.node.value {
                case .string(let s)?: return s
                case .number(let x)?: return JSONWriter.formatNumber(x)
                case .array(let items)?: return items.compactMap { if case .string(let s) = $0.value { return s }; return nil }.joined(separator: ";")
                default: return ""
                }
            }
        }
        return CSVTable.write(header: ScenarioReader.stopKeys, rows: rows)
    }

    static func courierJSON(_ c: Courier) -> JSONValue {
        .object([
            "id": .string(c.id), "name": .string(c.name), "capacityKg": .number(c.capacityKg),
            "capacityLitres": c.capacityLitres.map(JSONValue.number), "shift": .string(c.shift.description),
            "speedKmh": .number(c.speedKmh),
            "skills": c.skills.isEmpty ? nil : .array(c.skills.map(JSONValue.string)),
            "start": c.start.map(locationJSON),
            "end": c.end.map(locationJSON),
            "territory": c.territory.isEmpty ? nil : .array(c.territory.map(JSONValue.string)),
            "customers": c.customers.isEmpty ? nil : .array(c.customers.map(JSONValue.string)),
        ])
    }

    /// `{"lat": …, "lon": …}` or `{"x": …, "y": …}`.
    static func locationJSON(_ location: Location) -> JSONValue {
        .object(["lat": location.latitude, "lon": location.longitude, "x": location.x, "y": location.y])
    }

    static func stopFields(_ s: Stop) -> [(key: String, node: JSONNode)] {
        guard case .object(let members) = stopJSON(s) else { return [] }
        return members
    }

    static func stopJSON(_ s: Stop) -> JSONValue {
        .object([
            "id": .string(s.id),
            "kind": .string(s.kind.rawValue),
            "shipment": s.shipment.map(JSONValue.string),
            "lat": s.location.latitude, "lon": s.location.longitude, "x": s.location.x, "y": s.location.y,
            "weightKg": .number(s.weightKg), "volumeLitres": .number(s.volumeLitres),
            "window": s.windowPhrase.map(JSONValue.string),
            "serviceMinutes": .number(s.serviceMinutes),
            "skills": s.requiredSkills.isEmpty ? nil : .array(s.requiredSkills.map(JSONValue.string)),
            "handover": s.handover == .door ? nil : .string(s.handover.rawValue),
            "contact": s.contact == .sms ? nil : .string(s.contact.rawValue),
            "customer": s.customer.map(JSONValue.string),
            "tier": s.tier == .regular ? nil : .string(s.tier.rawValue),
            "promise": s.promise.map { .string($0.description) },
            "building": s.building.map(JSONValue.string),
            "address": s.address.map(JSONValue.string),
            "note": s.note.map(JSONValue.string),
            "availableFrom": s.availableFrom.map { .string(Clock.format($0)) },
        ])
    }
}

/// The coordinate fields a writer puts down: lat/lon for a geographic location, x/y for a planar one.
extension Location {
    var latitude: JSONValue? { if case .geographic(let p) = self { return .number(p.lat) }; return nil }
    var longitude: JSONValue? { if case .geographic(let p) = self { return .number(p.lon) }; return nil }
    var x: JSONValue? { if case .planar(let p) = self { return .number(p.x) }; return nil }
    var y: JSONValue? { if case .planar(let p) = self { return .number(p.y) }; return nil }
}
