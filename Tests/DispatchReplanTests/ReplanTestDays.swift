import DispatchCheck
import DispatchModel
import DispatchPlan
import DispatchSolver
@testable import DispatchReplan

/// Days and events for the replan tests.
enum ReplanTestDays {
    /// A small generated outlet day and its plan (few iterations: the tests check properties, not quality).
    static func small(seed: UInt64, stops: Int = 36, couriers: Int = 3, rule: FailedDeliveryRule = .returnToOutlet) -> (Scenario, Plan) {
        var day = OutletDayGenerator(stops: stops, couriers: couriers, seed: seed).scenario()
        day.outlet.failedDelivery = rule
        let plan = RoutePlanner.plan(day, objective: .outlet, options: SearchOptions(iterations: 20, seconds: 3600, seed: seed, workers: 1),
                                     setPartitioning: false)
        return (day, plan)
    }

    /// Options for a quick, reproducible replan.
    static func options(now: Double, iterations: Int = 15) -> ReplanOptions {
        ReplanOptions(now: now, seconds: 3600, iterations: iterations, seed: 7, workers: 1)
    }

    /// Random handheld reports up to `now`: each courier reports, in route order, stops whose
    /// planned start has passed (done, or failed one time in eight), and sometimes where it is.
    static func events(for plan: Plan, now: Double, rng: inout SplitMix64) -> [ReplanEvent] {
        var events: [ReplanEvent] = []
        for route in plan.routes {
            var lastScan = route.stops.filter(\.isRecorded).map(\.departure).max() ?? -1
            for visit in route.stops where !visit.isRecorded {
                guard visit.start <= now, rng.chance(0.8) else { break }
                let time = min(now, max(visit.departure, lastScan))
                lastScan = time
                let failed = rng.chance(0.125)
                events.append(ReplanEvent(time: time, courier: route.courier, stop: visit.id, kind: failed ? .failed : .done,
                                          reason: failed ? .notHome : nil))
            }
            if rng.chance(0.3), lastScan < now {
                let place = Location.geographic(lat: 30.2791 + (rng.unit() - 0.5) * 0.02, lon: 120.1312 + (rng.unit() - 0.5) * 0.02)
                events.append(ReplanEvent(time: now, courier: route.courier, kind: .position, location: place))
            }
        }
        return events
    }

    /// `count` new pickups near the outlet, ids `prefix…`, some with a window.
    static func pickups(_ count: Int, prefix: String, rng: inout SplitMix64) -> [Stop] {
        (0..<count).map { i in
            let point = GeoPoint(lat: 30.2791, lon: 120.1312).offset(kilometres: 2.5 * rng.unit().squareRoot(), bearing: rng.unit() * 6.283)
            let windowed = rng.chance(0.3)
            let start = 12 * 60 + 30 * rng.below(8)
            return Stop(id: "\(prefix)\(i)", kind: .pickup, location: .geographic(lat: (point.lat * 1e6).rounded() / 1e6, lon: (point.lon * 1e6).rounded() / 1e6),
                        weightKg: Double(1 + rng.below(5)), windows: windowed ? [TimeWindow(start: start, end: start + 120)] : [TimeWindow(start: 7 * 60, end: 21 * 60)],
                        windowPhrase: windowed ? TimeWindow(start: start, end: start + 120).description : nil, serviceMinutes: 3)
        }
    }

    /// Every stop id of the plan with where it is: a courier, or "unassigned".
    static func placement(_ plan: Plan) -> [String: [String]] {
        var seen: [String: [String]] = [:]
        for route in plan.routes { for visit in route.stops { seen[visit.id, default: []].append(route.courier) } }
        for u in plan.unassigned { seen[u.id, default: []].append("unassigned") }
        return seen
    }

    /// A planar day timed with a ruler (one unit a minute): outlet at (0, 0), couriers A and B
    /// (B only when `withB`), stop a1 at (0, 30) and x at (0, −20) with the slot 10:00–10:30.
    static func planarDay(withB: Bool = true) -> Scenario {
        let outlet = Outlet(id: "o", name: "planar outlet", location: .planar(x: 0, y: 0), zoneRadiusKm: nil,
                            day: TimeWindow(start: 0, end: 24 * 60), reloadMinutes: 10)
        let shift = TimeWindow(start: 480, end: 1200)
        var couriers = [Courier(id: "A", name: "A", capacityKg: 100, shift: shift)]
        if withB { couriers.append(Courier(id: "B", name: "B", capacityKg: 100, shift: shift)) }
        let stops = [
            Stop(id: "a1", location: .planar(x: 0, y: 30), windows: [TimeWindow(start: 0, end: 1440)]),
            Stop(id: "x", location: .planar(x: 0, y: -20), windows: [TimeWindow(start: 0, end: 1440)], contact: .call,
                 customer: "u-elderly", promise: TimeWindow(start: 600, end: 630)),
        ]
        return Scenario(name: "planar", outlet: outlet, couriers: couriers, stops: stops, travel: .euclidean(unitsPerMinute: 1))
    }

    /// A's plan on the planar day: a1 on the first trip (08:00–09:02), x on the second (09:40–10:22).
    static func planarPlan() -> Plan {
        let promise = TimeWindow(start: 600, end: 630)
        let first = Plan.Trip(departure: 480, returnTime: 542, stops: [
            Plan.Visit(id: "a1", arrival: 510, start: 510, departure: 512, windows: [TimeWindow(start: 0, end: 1440)]),
        ])
        let second = Plan.Trip(departure: 580, returnTime: 622, stops: [
            Plan.Visit(id: "x", arrival: 600, start: 600, departure: 602, windows: [TimeWindow(start: 0, end: 1440)], promise: promise, slot: promise),
        ])
        return Plan(name: "planar", routes: [Plan.CourierRoute(courier: "A", trips: [first, second], distance: 100, shiftStart: 480, reloadMinutes: 10)],
                    unassigned: [])
    }
}
