import DispatchModel

/// An independent check of a plan against its scenario.
///
/// It recomputes every route from the stop order alone, straight from the scenario (its own
/// travel-time computation, not the solver's matrices): arrivals, waiting, windows, shift ends,
/// weight and volume on board, skills, shipment order, and that every stop is in exactly one
/// route or in the unassigned list. The CLI runs it on every plan before writing it.
public enum PlanChecker {
    /// Tolerance for comparing recomputed times with the plan's (minutes).
    static let epsilon = 1e-6

    /// Every violation found; an empty list means the plan is feasible.
    public static func violations(_ plan: Plan, scenario: Scenario) -> [String] {
        var problems: [String] = []
        var stopByID: [String: Int] = [:]
        for (i, s) in scenario.stops.enumerated() where stopByID[s.id] == nil { stopByID[s.id] = i }
        var courierByID: [String: Int] = [:]
        for (i, c) in scenario.couriers.enumerated() where courierByID[c.id] == nil { courierByID[c.id] = i }
        var seen: [String: Int] = [:]
        var usedCouriers = Set<String>()

        for route in plan.routes {
            guard let ci = courierByID[route.courier] else {
                problems.append("route of unknown courier \(route.courier)"); continue
            }
            if !usedCouriers.insert(route.courier).inserted { problems.append("courier \(route.courier) has two routes") }
            let courier = scenario.couriers[ci]
            let origin = courier.start ?? scenario.outlet.location
            let destination = courier.end ?? scenario.outlet.location
            var place = origin
            var placeID = scenario.outlet.id
            var time = max(route.departure, Double(courier.shift.start))
            if route.departure + epsilon < Double(courier.shift.start) {
                problems.append("courier \(courier.id) leaves at \(Clock.format(route.departure)), before the shift starts")
            }
            var kg = 0.0, litres = 0.0
            for visit in route.stops {
                guard let si = stopByID[visit.id] else { problems.append("unknown stop \(visit.id)"); continue }
                let stop = scenario.stops[si]
                if stop.kind == .delivery { kg += stop.weightKg; litres += stop.volumeLitres }
            }
            var peakKg = kg, peakLitres = litres
            var onBoardShipments = Set<String>()
            var distance = 0.0
            for visit in route.stops {
                seen[visit.id, default: 0] += 1
                guard let si = stopByID[visit.id] else { continue }
                let stop = scenario.stops[si]
                if !scenario.isInZone(stop) { problems.append("stop \(stop.id) is outside the zone but routed") }
                if !courier.canServe(skills: stop.requiredSkills) {
                    problems.append("stop \(stop.id) needs \(stop.requiredSkills.joined(separator: ", ")); courier \(courier.id) lacks it")
                }
                let leg = travel(from: place, fromID: placeID, to: stop.location, toID: stop.id, courier: courier, scenario: scenario)
                distance += leg.distance
                let arrival = time + leg.minutes
                if abs(arrival - visit.arrival) > 1e-4 {
                    problems.append("stop \(stop.id): arrival recomputed \(arrival), plan says \(visit.arrival)")
                }
                guard let window = stop.windows.first(where: { arrival <= Double($0.end) + epsilon }) else {
                    problems.append("stop \(stop.id): arrives \(Clock.format(arrival)) after every window (\(stop.windows.map(\.description).joined(separator: ", ")))")
                    time = arrival + stop.serviceMinutes
                    place = stop.location; placeID = stop.id
                    continue
                }
                let start = max(arrival, Double(window.start))
                if abs(start - visit.start) > 1e-4 { problems.append("stop \(stop.id): start recomputed \(start), plan says \(visit.start)") }
                let late = stop.promise.map { max(0, start - Double($0.end)) } ?? 0
                if abs(late - visit.lateness) > 1e-4 { problems.append("stop \(stop.id): lateness recomputed \(late), plan says \(visit.lateness)") }
                switch stop.kind {
                case .delivery:
                    kg -= stop.weightKg; litres -= stop.volumeLitres
                case .pickup:
                    kg += stop.weightKg; litres += stop.volumeLitres
                case .shipmentPickup:
                    kg += stop.weightKg; litres += stop.volumeLitres
                    onBoardShipments.insert(stop.shipment ?? "")
                case .shipmentDelivery:
                    guard onBoardShipments.remove(stop.shipment ?? "") != nil else {
                        problems.append("stop \(stop.id): shipment \(stop.shipment ?? "?") delivered before (or without) its pickup on this route")
                        break
                    }
                    let pickup = scenario.stops.first { $0.kind == .shipmentPickup && $0.shipment == stop.shipment }
                    kg -= pickup?.weightKg ?? 0; litres -= pickup?.volumeLitres ?? 0
                }
                peakKg = max(peakKg, kg); peakLitres = max(peakLitres, litres)
                time = start + stop.serviceMinutes
                if abs(time - visit.departure) > 1e-4 { problems.append("stop \(stop.id): departure recomputed \(time), plan says \(visit.departure)") }
                place = stop.location; placeID = stop.id
            }
            if !onBoardShipments.isEmpty {
                problems.append("courier \(courier.id): shipments picked up but not delivered: \(onBoardShipments.sorted().joined(separator: ", "))")
            }
            let back = travel(from: place, fromID: placeID, to: destination, toID: scenario.outlet.id, courier: courier, scenario: scenario)
            distance += back.distance
            let returnTime = time + back.minutes
            if returnTime > Double(courier.shift.end) + epsilon {
                problems.append("courier \(courier.id): back at \(Clock.format(returnTime)), after the shift ends at \(Clock.format(courier.shift.end))")
            }
            if abs(distance - route.distance) > 1e-6 * max(1, distance) {
                problems.append("courier \(courier.id): distance recomputed \(distance), plan says \(route.distance)")
            }
            if peakKg > courier.capacityKg + epsilon {
                problems.append("courier \(courier.id): \(peakKg) kg on board, capacity \(courier.capacityKg) kg")
            }
            if let cap = courier.capacityLitres, peakLitres > cap + epsilon {
                problems.append("courier \(courier.id): \(peakLitres) L on board, capacity \(cap) L")
            }
        }
        for u in plan.unassigned {
            seen[u.id, default: 0] += 1
            if stopByID[u.id] == nil { problems.append("unknown unassigned stop \(u.id)") }
            if u.reason.isEmpty { problems.append("stop \(u.id) is unassigned without a reason") }
        }
        for stop in scenario.stops {
            switch seen[stop.id] ?? 0 {
            case 1: break
            case 0: problems.append("stop \(stop.id) is neither routed nor listed as unassigned")
            case let n: problems.append("stop \(stop.id) appears \(n) times")
            }
        }
        return problems
    }

    /// Travel between two places for `courier`, computed from the scenario's travel model.
    static func travel(from a: Location, fromID: String, to b: Location, toID: String, courier: Courier,
                       scenario: Scenario) -> (minutes: Double, distance: Double) {
        switch scenario.travel {
        case let .haversine(detour, speedFactor):
            let km = a.kilometres(to: b) * detour
            return (km / (courier.speedKmh * speedFactor) * 60, km)
        case .euclidean(let unitsPerMinute):
            let d = a.planarDistance(to: b)
            return (d / unitsPerMinute, d)
        case .matrix(let matrix):
            guard let i = matrix.ids.firstIndex(of: fromID), let j = matrix.ids.firstIndex(of: toID) else { return (.infinity, .infinity) }
            let n = matrix.ids.count
            return (matrix.minutes[i * n + j], matrix.kilometres[i * n + j])
        }
    }
}
