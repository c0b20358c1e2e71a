import DispatchModel
import DispatchPlan

/// An independent check of a plan against its scenario.
///
/// It recomputes every trip from the stop order alone, straight from the scenario (its own
/// travel computation, not the solver's matrices): departures after the shift start, the
/// reload time and the parcels' arrival at the outlet (`availableFrom`); arrivals, waiting,
/// windows and the promised slot where the customer must be present; early and late minutes
/// (against the slot the customer was told, when the plan was published with one, else the promise);
/// returns and the shift end; weight and volume on board per trip; skills; shipment order; and
/// that every stop is in exactly one route or in the unassigned list with a reason. A replanned
/// day's history is taken as recorded: done and failed visits keep the handheld's times (only
/// their order is checked), and a trip's `resume` point (where the courier was seen) restarts the
/// timing of the rest of the trip, and a shipment whose pickup is recorded done may be delivered on a
/// later trip without it (the parcel came back to the outlet); a courier late back only because of
/// them (the ride back starts at a scan or where it was seen) works overtime, which is not a
/// violation. It imports the model and the plan, never the solver. The CLI runs it on every plan before writing it.
public enum PlanChecker {
    /// Tolerance for comparing recomputed times with the plan's (minutes; plans store four
    /// decimals and the solver keeps compact single-precision matrices).
    static let minutesTolerance = 1e-3
    /// Relative tolerance for distances.
    static let distanceTolerance = 1e-5
    /// Plan files write km to thousandths: a re-read plan (a replan's kept trips) is off by up to half of one.
    static let distanceRounding = 0.0005

    /// Every violation found; an empty list means the plan is feasible.
    public static func violations(_ plan: Plan, scenario: Scenario) -> [String] {
        var problems: [String] = []
        var stopByID: [String: Int] = [:]
        for (i, s) in scenario.stops.enumerated() where stopByID[s.id] == nil { stopByID[s.id] = i }
        var courierByID: [String: Int] = [:]
        for (i, c) in scenario.couriers.enumerated() where courierByID[c.id] == nil { courierByID[c.id] = i }
        var pickupOfShipment: [String: Stop] = [:]
        for stop in scenario.stops where stop.kind == .shipmentPickup {
            if let id = stop.shipment, pickupOfShipment[id] == nil { pickupOfShipment[id] = stop }
        }
        // Shipments whose pickup is recorded done: a delivery of one on a trip without its pickup
        // carries the parcel the courier brought back to the outlet (a replan's retried delivery).
        var pickedBefore = Set<String>()
        for route in plan.routes {
            for visit in route.stops where visit.status == .done {
                if let si = stopByID[visit.id], scenario.stops[si].kind == .shipmentPickup, let shipment = scenario.stops[si].shipment {
                    pickedBefore.insert(shipment)
                }
            }
        }
        var seen: [String: Int] = [:]
        var usedCouriers = Set<String>()
        let eps = minutesTolerance

        for route in plan.routes {
            guard let ci = courierByID[route.courier] else {
                problems.append("route of unknown courier \(route.courier)"); continue
            }
            if !usedCouriers.insert(route.courier).inserted { problems.append("courier \(route.courier) has two routes") }
            let courier = scenario.couriers[ci]
            let origin = courier.start ?? scenario.outlet.location
            let destination = courier.end ?? scenario.outlet.location
            if route.trips.isEmpty { problems.append("courier \(courier.id): a route without trips") }
            if route.trips.count > 1, scenario.outlet.reloadMinutes == nil {
                problems.append("courier \(courier.id): \(route.trips.count) trips, but this scenario has no reloads")
            }
            var distance = 0.0
            var previousReturn: Double?
            var lastScan = -Double.infinity
            for (t, trip) in route.trips.enumerated() {
                let label = "courier \(courier.id), trip \(t + 1)"
                let stops = trip.stops.compactMap { visit -> Stop? in
                    guard let si = stopByID[visit.id] else { problems.append("\(label): unknown stop \(visit.id)"); return nil }
                    return scenario.stops[si]
                }
                // Departure: after the shift starts, after the reload, after every parcel of the trip reached the outlet.
                var earliest = Double(courier.shift.start)
                if let previousReturn { earliest = max(earliest, previousReturn + (scenario.outlet.reloadMinutes ?? 0)) }
                if trip.departure + eps < earliest {
                    problems.append("\(label): leaves at \(Clock.format(trip.departure)), before \(Clock.format(earliest)) (shift start or reload)")
                }
                for stop in stops where stop.kind == .delivery {
                    if let ready = stop.availableFrom, trip.departure + eps < Double(ready) {
                        problems.append("\(label): leaves at \(Clock.format(trip.departure)) with \(stop.id), which reaches the outlet at \(Clock.format(ready))")
                    }
                }
                var place = t == 0 ? origin : scenario.outlet.location
                var placeID = scenario.outlet.id
                var time = trip.departure
                var kg = 0.0, litres = 0.0
                for stop in stops where stop.kind == .delivery { kg += stop.weightKg; litres += stop.volumeLitres }
                let pickedOnTrip = Set(stops.filter { $0.kind == .shipmentPickup }.compactMap(\.shipment))
                var fromOutlet = Set<String>()
                for stop in stops where stop.kind == .shipmentDelivery {
                    guard let shipment = stop.shipment, !pickedOnTrip.contains(shipment), pickedBefore.contains(shipment) else { continue }
                    fromOutlet.insert(shipment)
                    kg += pickupOfShipment[shipment]?.weightKg ?? 0; litres += pickupOfShipment[shipment]?.volumeLitres ?? 0
                }
                if abs(kg - trip.loadKg) > 0.05 + 1e-6 * kg, trip.loadKg != 0 || kg > 0.05 {
                    problems.append("\(label): loads \(kg) kg recomputed, plan says \(trip.loadKg)")
                }
                var peakKg = kg, peakLitres = litres
                var onBoard = Set<String>()
                let deliveredOnTrip = Set(stops.filter { $0.kind == .shipmentDelivery }.compactMap(\.shipment))
                // A replan's resume point: the courier was seen here, and the rest of the trip runs from it.
                func resume(before index: Int) {
                    guard let point = trip.resume, point.afterStops == index else { return }
                    if point.time + eps < time {
                        problems.append("\(label): seen at \(Clock.format(point.time)), before leaving the previous place at \(Clock.format(time))")
                    }
                    distance += scenario.ride(from: place, fromID: placeID, to: point.location, toID: point.stop ?? "", courier: courier).distance
                    time = max(time, point.time)
                    place = point.location; placeID = point.stop ?? ""
                }
                for (index, visit) in trip.stops.enumerated() {
                    seen[visit.id, default: 0] += 1
                    guard let si = stopByID[visit.id] else { continue }
                    resume(before: index)
                    // A slot told to the customer is the visit's promise (on a replan's kept trips too).
                    let stop = scenario.stops[si].holding(slot: visit.slot)
                    if !scenario.isInZone(stop) { problems.append("stop \(stop.id) is outside the zone but routed") }
                    if !courier.canServe(skills: stop.requiredSkills) {
                        problems.append("stop \(stop.id) needs \(stop.requiredSkills.joined(separator: ", ")); courier \(courier.id) lacks it")
                    }
                    let leg = scenario.ride(from: place, fromID: placeID, to: stop.location, toID: stop.id, courier: courier)
                    distance += leg.distance
                    var arrival = time + leg.minutes
                    if visit.isRecorded {
                        // Done or failed: the times are the handheld's scans, facts rather than a
                        // schedule; they must only be in order, each after the courier's previous scan.
                        if visit.arrival + eps < lastScan || visit.start + eps < visit.arrival || visit.departure + eps < visit.start {
                            problems.append("stop \(stop.id): recorded times out of order (arrival \(visit.arrival), start \(visit.start), departure \(visit.departure), previous scan \(lastScan))")
                        }
                        lastScan = visit.departure
                        arrival = visit.arrival
                    } else if abs(arrival - visit.arrival) > eps {
                        problems.append("stop \(stop.id): arrival recomputed \(arrival), plan says \(visit.arrival)")
                    }
                    let windows = stop.serviceWindows
                    guard let window = visit.isRecorded ? TimeWindow(start: 0, end: 24 * 60) : windows.first(where: { arrival <= Double($0.end) + eps }) else {
                        problems.append("stop \(stop.id): arrives \(Clock.format(arrival)) after every window (\(windows.map(\.description).joined(separator: ", ")))")
                        time = arrival + stop.serviceMinutes
                        place = stop.location; placeID = stop.id
                        continue
                    }
                    let start = visit.isRecorded ? visit.start : max(arrival, Double(window.start))
                    if abs(start - visit.start) > eps { problems.append("stop \(stop.id): start recomputed \(start), plan says \(visit.start)") }
                    let late = stop.promise.map { max(0, start - Double($0.end)) } ?? 0
                    let early = stop.needsCustomerPresent ? (stop.promise.map { max(0, Double($0.start) - start) } ?? 0) : 0
                    if abs(late - visit.late) > 0.05 + eps { problems.append("stop \(stop.id): \(late) min late recomputed, plan says \(visit.late)") }
                    if abs(early - visit.early) > 0.05 + eps { problems.append("stop \(stop.id): \(early) min early recomputed, plan says \(visit.early)") }
                    switch stop.kind {
                    case .delivery:
                        kg -= stop.weightKg; litres -= stop.volumeLitres
                    case .pickup:
                        kg += stop.weightKg; litres += stop.volumeLitres
                    case .shipmentPickup:
                        kg += stop.weightKg; litres += stop.volumeLitres
                        // A recorded pickup whose delivery could not follow on the trip came back to the outlet.
                        if !visit.isRecorded || deliveredOnTrip.contains(stop.shipment ?? "") { onBoard.insert(stop.shipment ?? "") }
                    case .shipmentDelivery:
                        guard onBoard.remove(stop.shipment ?? "") != nil || fromOutlet.remove(stop.shipment ?? "") != nil else {
                            problems.append("stop \(stop.id): shipment \(stop.shipment ?? "?") delivered before (or without) its pickup on this trip")
                            break
                        }
                        let pickup = stop.shipment.flatMap { pickupOfShipment[$0] }
                        kg -= pickup?.weightKg ?? 0; litres -= pickup?.volumeLitres ?? 0
                    }
                    peakKg = max(peakKg, kg); peakLitres = max(peakLitres, litres)
                    time = visit.isRecorded ? visit.departure : start + stop.serviceMinutes
                    if abs(time - visit.departure) > eps { problems.append("stop \(stop.id): departure recomputed \(time), plan says \(visit.departure)") }
                    place = stop.location; placeID = stop.id
                }
                resume(before: trip.stops.count)
                if !onBoard.isEmpty {
                    problems.append("\(label): shipments picked up but not delivered on the trip: \(onBoard.sorted().joined(separator: ", "))")
                }
                let last = t == route.trips.count - 1
                let back = scenario.ride(from: place, fromID: placeID, to: last ? destination : scenario.outlet.location,
                                         toID: scenario.outlet.id, courier: courier)
                distance += back.distance
                let returnTime = time + back.minutes
                if abs(returnTime - trip.returnTime) > eps {
                    problems.append("\(label): return recomputed \(Clock.format(returnTime)), plan says \(Clock.format(trip.returnTime))")
                }
                // Back after the shift because of what happened (the ride back starts at a scan or
                // where the courier was seen, with nothing planned after it): overtime, not a plan.
                let backFromRecord = trip.resume.map { $0.afterStops == trip.stops.count } ?? (trip.stops.last?.isRecorded == true)
                if last, returnTime > Double(courier.shift.end) + eps, !backFromRecord {
                    problems.append("courier \(courier.id): back at \(Clock.format(returnTime)), after the shift ends at \(Clock.format(courier.shift.end))")
                }
                if peakKg > courier.capacityKg + 1e-6 {
                    problems.append("\(label): \(peakKg) kg on board, capacity \(courier.capacityKg) kg")
                }
                if let cap = courier.capacityLitres, peakLitres > cap + 1e-6 {
                    problems.append("\(label): \(peakLitres) L on board, capacity \(cap) L")
                }
                previousReturn = returnTime
            }
            if abs(distance - route.distance) > distanceTolerance * max(1, distance) + distanceRounding {
                problems.append("courier \(courier.id): distance recomputed \(distance), plan says \(route.distance)")
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
}
