import DispatchModel
import DispatchSolver

/// Small random outlet days for property tests: pickups, shipments, skills, several windows.
enum RandomScenario {
    /// With `trips`, couriers carry a third of what they used to and some parcels reach the
    /// outlet at 10:00, so days need reloads and release times matter.
    static func make(seed: UInt64, stops n: Int, couriers k: Int, shipments: Bool = true, tightWindows: Bool = false,
                     trips: Bool = false) -> Scenario {
        var rng = SplitMix64(seed: seed)
        let outlet = Outlet(id: "o", name: "test outlet", location: .geographic(lat: 30.2791, lon: 120.1312), zoneRadiusKm: 3,
                            day: TimeWindow(start: 8 * 60, end: 13 * 60))
        var couriers: [Courier] = []
        for c in 0..<k {
            couriers.append(Courier(id: "c\(c)", name: "courier \(c)", capacityKg: Double(20 + rng.below(30)),
                                    capacityLitres: Double(100 + rng.below(200)),
                                    shift: TimeWindow(start: 8 * 60, end: 13 * 60), speedKmh: 12 + Double(rng.below(6)),
                                    skills: c == 0 ? ["cold"] : []))
        }
        var stops: [Stop] = []
        var i = 0
        while stops.count < n {
            i += 1
            let point = GeoPoint(lat: 30.2791, lon: 120.1312).offset(kilometres: 2.5 * rng.unit().squareRoot(), bearing: rng.unit() * 6.283)
            let location = Location.geographic(lat: (point.lat * 1e6).rounded() / 1e6, lon: (point.lon * 1e6).rounded() / 1e6)
            var windows = [outlet.day]
            switch rng.below(tightWindows ? 3 : 6) {
            case 0:
                let s = 8 * 60 + 30 * rng.below(6)
                windows = [TimeWindow(start: s, end: s + 60 + 30 * rng.below(3))]
            case 1: windows = [TimeWindow(start: 8 * 60, end: 9 * 60 + 30), TimeWindow(start: 11 * 60, end: 12 * 60 + 30)]
            case 2: windows = [TimeWindow(start: 10 * 60, end: 13 * 60)]
            default: break
            }
            let weight = Double(1 + rng.below(8))
            let promise: TimeWindow? = rng.chance(0.3) ? TimeWindow(start: windows[0].start, end: min(windows[0].end, windows[0].start + 40)) : nil
            if shipments, rng.chance(0.12), stops.count + 2 <= n {
                let other = outlet.location.offset(kilometres: 2.5 * rng.unit().squareRoot(), bearing: rng.unit() * 6.283)
                stops.append(Stop(id: "s\(i)p", kind: .shipmentPickup, shipment: "s\(i)", location: location, weightKg: weight,
                                  volumeLitres: weight * 2, windows: [outlet.day], serviceMinutes: 3))
                stops.append(Stop(id: "s\(i)d", kind: .shipmentDelivery, shipment: "s\(i)", location: other, weightKg: weight,
                                  volumeLitres: weight * 2, windows: [TimeWindow(start: 9 * 60, end: 13 * 60)], serviceMinutes: 3))
                continue
            }
            let kind: StopKind = rng.chance(0.2) ? .pickup : .delivery
            stops.append(Stop(id: "p\(i)", kind: kind, location: location, weightKg: weight, volumeLitres: weight * 3,
                              windows: windows, serviceMinutes: Double(2 + rng.below(4)),
                              requiredSkills: rng.chance(0.1) ? ["cold"] : [], promise: promise,
                              building: nil))
        }
        if trips {
            for c in couriers.indices { couriers[c].capacityKg = (couriers[c].capacityKg / 3).rounded() }
            for i in stops.indices where stops[i].kind == .delivery && rng.chance(0.25) && (stops[i].windows.last?.end ?? 0) >= 11 * 60 {
                stops[i].availableFrom = 10 * 60
            }
        }
        return Scenario(name: "random \(seed)", outlet: outlet, couriers: couriers, stops: stops)
    }

    /// A day of two couriers without shipments where one stop (scenario stop 3, or the last of
    /// fewer) needs a cooler box, which courier 0 alone has, under the outlet objective: the
    /// builder, that stop's problem index and the courier with the cooler box.
    static func coldDay(seed: UInt64, stops n: Int) -> (builder: ProblemBuilder, cold: Int, coolerBox: Int) {
        var scenario = make(seed: seed, stops: n, couriers: 2, shipments: false)
        for i in scenario.stops.indices { scenario.stops[i].requiredSkills = [] }
        let stop = min(3, scenario.stops.count - 1)
        scenario.stops[stop].requiredSkills = ["cold"]
        let builder = ProblemBuilder(scenario: scenario, objective: .outlet)
        return (builder, builder.stopIndex.firstIndex(of: stop) ?? -1, scenario.couriers.firstIndex { $0.skills.contains("cold") } ?? -1)
    }

    /// Gives every courier the same capacity, speed 15 km/h and no skill, and drops every stop's
    /// skill: one vehicle class, so any route fits any courier.
    static func makeFleetIdentical(_ scenario: inout Scenario, capacityKg: Double, capacityLitres: Double) {
        for c in scenario.couriers.indices {
            scenario.couriers[c].capacityKg = capacityKg
            scenario.couriers[c].capacityLitres = capacityLitres
            scenario.couriers[c].speedKmh = 15
            scenario.couriers[c].skills = []
        }
        for i in scenario.stops.indices { scenario.stops[i].requiredSkills = [] }
    }
}
