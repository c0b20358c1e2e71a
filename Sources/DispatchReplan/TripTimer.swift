import DispatchModel
import DispatchPlan

/// Times a trip that is already under way the way the checker recomputes it: done and failed
/// visits keep the handheld's times, a resume point restarts the clock where the courier was seen,
/// and every other visit follows from the ride before it. Visits whose windows have closed by
/// the time the courier can get there are left out (they return to the outlet), and so are the last
/// ones when the courier could not be back at the outlet, or at its end place, before the shift ends.
struct TripTimer {
    let scenario: Scenario
    let stops: [String: Stop]
    let courier: Courier

    /// The timed trip, its distance, and the ids left out because the courier cannot serve them
    /// in time (windows, or back after the shift).
    func time(_ visits: [Plan.Visit], departure: Double, origin: Location, originID: String, destination: Location,
              resume: Plan.Resume?, now: Double) -> (trip: Plan.Trip, distance: Double, dropped: [String]) {
        var kept = visits
        var dropped: [String] = []
        while true {
            let (trip, distance, late) = schedule(kept, departure: departure, origin: origin, originID: originID,
                                                  destination: destination, resume: resume, now: now)
            if let late {
                drop(late, from: &kept, into: &dropped)
                continue
            }
            // Back after the shift: the last visit not yet made stays at the outlet. The trip may
            // be the courier's last, so it must also reach the courier's end place in the shift.
            let finish = courier.end.map { end in
                max(trip.returnTime, schedule(kept, departure: departure, origin: origin, originID: originID,
                                              destination: end, resume: resume, now: now).0.returnTime)
            } ?? trip.returnTime
            if finish > Double(courier.shift.end) + 1e-4, let last = kept.lastIndex(where: { !$0.isRecorded }),
               resume.map({ last >= $0.afterStops }) ?? true {
                drop(last, from: &kept, into: &dropped)
                continue
            }
            return (trip, distance, dropped)
        }
    }

    /// `trip`, kept from the day at the replan, timed again to `destination` (the courier's end
    /// place, when no trip follows it): the trip, its distance, and the ids it can no longer take.
    func retime(_ trip: Plan.Trip, origin: Location, destination: Location, now: Double) -> (trip: Plan.Trip, distance: Double, dropped: [String]) {
        time(trip.stops, departure: trip.departure, origin: origin, originID: scenario.outlet.id, destination: destination,
             resume: trip.resume, now: now)
    }

    /// Leaves visit `index` out, with its shipment's other half when that is not made yet: the
    /// halves stay together for the solver.
    private func drop(_ index: Int, from visits: inout [Plan.Visit], into dropped: inout [String]) {
        let id = visits[index].id
        dropped.append(id)
        visits.remove(at: index)
        guard let shipment = stops[id]?.shipment,
              let other = visits.firstIndex(where: { $0.id != id && !$0.isRecorded && stops[$0.id]?.shipment == shipment }) else { return }
        dropped.append(visits[other].id)
        visits.remove(at: other)
    }

    /// One pass: the trip, or the index of the first visit that cannot be served in its windows.
    private func schedule(_ visits: [Plan.Visit], departure: Double, origin: Location, originID: String, destination: Location,
                          resume: Plan.Resume?, now: Double) -> (Plan.Trip, Double, Int?) {
        var time = departure
        var place = origin, placeID = originID
        var distance = 0.0
        var timed: [Plan.Visit] = []
        var kg = 0.0, litres = 0.0
        let pickedOnTrip = Set(visits.compactMap { stops[$0.id] }.filter { $0.kind == .shipmentPickup }.compactMap(\.shipment))
        for visit in visits {
            guard let stop = stops[visit.id] else { continue }
            switch stop.kind {
            case .delivery: kg += stop.weightKg; litres += stop.volumeLitres
            case .shipmentDelivery:
                // Picked up before (the parcel came back to the outlet): it leaves with the trip.
                guard let shipment = stop.shipment, !pickedOnTrip.contains(shipment),
                      let pickup = scenario.shipmentPickup(of: shipment) else { continue }
                kg += pickup.weightKg; litres += pickup.volumeLitres
            case .pickup, .shipmentPickup: continue
            }
        }
        let loadKg = kg
        var peakKg = kg, peakLitres = litres
        func applyResume(_ index: Int) {
            guard let point = resume, point.afterStops == index else { return }
            distance += scenario.ride(from: place, fromID: placeID, to: point.location, toID: point.stop ?? "", courier: courier).distance
            time = max(time, point.time)
            place = point.location; placeID = point.stop ?? ""
        }
        for (index, visit) in visits.enumerated() {
            // A slot told to the customer is the visit's promise.
            guard let stop = stops[visit.id]?.holding(slot: visit.slot) else { continue }
            applyResume(index)
            let leg = scenario.ride(from: place, fromID: placeID, to: stop.location, toID: stop.id, courier: courier)
            distance += leg.distance
            var next = visit
            if visit.isRecorded {
                time = visit.departure
                // Against the promise it is held to now (a plan written before slots counted on kept trips).
                next.late = stop.promise.map { max(0, visit.start - Double($0.end)) } ?? 0
                next.early = stop.needsCustomerPresent ? (stop.promise.map { max(0, Double($0.start) - visit.start) } ?? 0) : 0
            } else {
                let arrival = time + leg.minutes
                guard let window = stop.serviceWindows.first(where: { arrival <= Double($0.end) + 1e-4 }) else {
                    return (Plan.Trip(departure: departure, returnTime: time, stops: []), distance, index)
                }
                let start = max(arrival, Double(window.start))
                next.arrival = arrival
                next.start = start
                next.departure = start + stop.serviceMinutes
                next.late = stop.promise.map { max(0, start - Double($0.end)) } ?? 0
                next.early = stop.needsCustomerPresent ? (stop.promise.map { max(0, Double($0.start) - start) } ?? 0) : 0
                next.status = arrival <= now && next.departure > now ? .inProgress : .planned
                time = next.departure
            }
            next.windows = stop.windows
            next.promise = stop.promise
            switch stop.kind {
            case .delivery: kg -= stop.weightKg; litres -= stop.volumeLitres
            case .pickup, .shipmentPickup: kg += stop.weightKg; litres += stop.volumeLitres
            case .shipmentDelivery:
                if let pickup = scenario.shipmentPickup(of: stop.shipment) {
                    kg -= pickup.weightKg; litres -= pickup.volumeLitres
                }
            }
            peakKg = max(peakKg, kg); peakLitres = max(peakLitres, litres)
            place = stop.location; placeID = stop.id
            timed.append(next)
        }
        applyResume(visits.count)
        let back = scenario.ride(from: place, fromID: placeID, to: destination, toID: scenario.outlet.id, courier: courier)
        distance += back.distance
        let trip = Plan.Trip(departure: departure, returnTime: time + back.minutes, stops: timed, loadKg: loadKg,
                             peakKg: peakKg, peakLitres: peakLitres, resume: resume)
        return (trip, distance, nil)
    }
}
