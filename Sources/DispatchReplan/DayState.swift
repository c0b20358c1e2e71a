import DispatchModel
import DispatchPlan
import DispatchSolver

/// The day at the moment of a replan: what each courier has done and is doing, and what is left.
///
/// Per courier, the trips already under way are **kept**: their done and failed visits as the
/// handhelds reported them, and the rest of the current trip in order (a courier finishes the
/// trip it is on with what it carries), timed from the last scan or position report. The courier
/// is then free at the outlet after the reload. Everything else — later trips, stops the courier
/// can no longer reach in time, failed deliveries to retry, stops unassigned before — is
/// **pending**, for the solver.
public struct DayState: Sendable {
    /// A stop the solver places (or leaves out with a reason).
    public struct Pending: Sendable, Equatable {
        /// Stop id.
        public var id: String
        /// The courier it had, if any (its stability preference and warm start).
        public var previousCourier: String?
        /// When its parcel is back at the outlet, if it went out and came back (minutes).
        public var backAtOutlet: Double?
        /// Why it is pending, when that is news for the desk (a failed delivery to retry).
        public var note: String?
    }

    /// One courier at the moment.
    public struct CourierState: Sendable, Equatable {
        /// Courier id.
        public var courier: String
        /// Trips already under way or done, with times.
        public var keptTrips: [Plan.Trip]
        /// Distance of the kept trips.
        public var keptDistance: Double
        /// When the courier can leave the outlet (or its start place) on a new trip.
        public var availableFrom: Double
        /// Where the courier is at the moment (last report, or the timed trip; `nil`: the start place).
        public var position: Location?
        /// The courier's later trips in the plan (stop ids), the warm start.
        public var plannedTrips: [[String]]
    }

    /// Couriers in scenario order.
    public var couriers: [CourierState]
    /// Stops for the solver, in a fixed order.
    public var pending: [Pending]
    /// Failed visits this replan learnt of: id → (time, reason in words).
    public var failures: [String: (time: Double, reason: String)] = [:]
    /// Stops that cannot be served any more whatever the plan (a shipment whose pickup failed).
    public var cancelled: [Plan.Unassigned] = []

    /// Shipments whose pickup is done (scanned before, or now): the parcel is with a courier or
    /// back at the outlet. Every done visit is on a kept trip.
    public var pickedUp = Set<String>()

    /// The day of `plan` at `now`, after `events`. With `objective`, the rest of a trip under way
    /// whose courier reported something on it is re-sequenced from where the courier is
    /// (`iterations` steps of the search, `seed`); without, it keeps its order.
    public init(plan: Plan, scenario: Scenario, events: [ReplanEvent], now: Double, objective: Objective? = nil,
                iterations: Int = 30, seed: UInt64 = 1) {
        let current = objective.map { CurrentTrip(objective: $0, iterations: iterations, seed: seed) }
        var stopByID: [String: Stop] = [:]
        for stop in scenario.stops where stopByID[stop.id] == nil { stopByID[stop.id] = stop }
        var outcome: [String: ReplanEvent] = [:]
        var lastPosition: [String: ReplanEvent] = [:]
        // A measured travel matrix has no rides from a place the handheld reports: there the
        // courier is taken to be on plan.
        let measured = if case .matrix = scenario.travel { true } else { false }
        for event in events {
            switch event.kind {
            case .done, .failed: if let id = event.stop { outcome[id] = event }
            case .position:
                if measured { continue }
                if let seen = lastPosition[event.courier], seen.time > event.time { continue }
                lastPosition[event.courier] = event
            }
        }
        let retry = scenario.outlet.failedDelivery == .retry
        let reload = scenario.outlet.reloadMinutes
        var couriers: [CourierState] = []
        var pending: [Pending] = []
        var failures: [String: (time: Double, reason: String)] = [:]
        var cancelled: [Plan.Unassigned] = []
        let routeOf = Dictionary(plan.routes.map { ($0.courier, $0) }, uniquingKeysWith: { a, _ in a })
        // Shipments whose pickup is done (scanned before, or now): their parcel is with a courier or back at the outlet.
        var pickedBefore = Set<String>()
        for route in plan.routes {
            for visit in route.stops {
                guard let stop = stopByID[visit.id], stop.kind == .shipmentPickup, let shipment = stop.shipment else { continue }
                let kind = outcome[visit.id]?.kind
                if kind == .done || (kind == nil && visit.status == .done) { pickedBefore.insert(shipment) }
            }
        }
        for courier in scenario.couriers {
            guard let route = routeOf[courier.id] else {
                couriers.append(CourierState(courier: courier.id, keptTrips: [], keptDistance: 0,
                                             availableFrom: max(Double(courier.shift.start), now), position: nil, plannedTrips: []))
                continue
            }
            // Apply the events: recorded visits take the scan time as their departure.
            var trips = route.trips
            var lastRecordedTrip = -1
            for t in trips.indices {
                for k in trips[t].stops.indices {
                    var visit = trips[t].stops[k]
                    if let event = outcome[visit.id] {
                        visit.status = event.kind == .done ? .done : .failed
                        visit.departure = event.time
                        if event.kind == .failed {
                            failures[visit.id] = (event.time, event.reason?.words ?? "reason not given")
                        }
                    }
                    if visit.isRecorded { lastRecordedTrip = t }
                    trips[t].stops[k] = visit
                }
            }
            // A scan is the departure; service began at most the stop's service minutes before it,
            // after the courier's previous scan, and — where the customer must be home for a
            // promised slot — not before the slot (the courier waits for it, as the planner and the
            // scan-log reading assume).
            var previousScan = -Double.infinity
            for t in trips.indices {
                let order = trips[t].stops.indices.filter { trips[t].stops[$0].isRecorded }
                    .sorted { trips[t].stops[$0].departure < trips[t].stops[$1].departure }
                for k in order {
                    var visit = trips[t].stops[k]
                    if outcome[visit.id] != nil {
                        // A slot told to the customer is the visit's promise.
                        let held = stopByID[visit.id]?.holding(slot: visit.slot)
                        let service = held?.serviceMinutes ?? 0
                        var earliest = max(visit.departure - service, previousScan)
                        if let stop = held, stop.needsCustomerPresent, let promise = stop.promise {
                            earliest = max(earliest, Double(promise.start))
                        }
                        visit.start = min(visit.departure, earliest)
                        visit.arrival = visit.start
                        if let stop = held, let promise = stop.promise {
                            visit.promise = promise
                            visit.late = max(0, visit.start - Double(promise.end))
                            visit.early = stop.needsCustomerPresent ? max(0, Double(promise.start) - visit.start) : 0
                        }
                        trips[t].stops[k] = visit
                    }
                    previousScan = max(previousScan, visit.departure)
                }
            }
            // Kept trips: every trip up to the last one with a scan, then any trip the plan has
            // under way by now (the courier is assumed on plan where nothing was reported).
            let timer = TripTimer(scenario: scenario, stops: stopByID, courier: courier)
            // Which trips are under way: every trip up to the last one with a scan, then any trip
            // the plan has leaving by now (the courier is assumed on plan where nothing was reported).
            var inputs: [(visits: [Plan.Visit], departure: Double, origin: Location, resume: Plan.Resume?)] = []
            var kept: [Plan.Trip] = []
            var distances: [Double] = []
            var droppedIDs: [[String]] = []
            var previousReturn: Double?
            var retried: [[String]] = []
            for (t, planned) in trips.enumerated() {
                let earliest = previousReturn.map { $0 + (reload ?? 0) } ?? Double(courier.shift.start)
                let departure = max(planned.departure, earliest)
                guard t <= lastRecordedTrip || (departure <= now && (reload != nil || t == 0)) else { break }
                // Recorded visits first, by scan time; the rest of the trip follows in order.
                var visits = planned.stops.filter(\.isRecorded).sorted { $0.departure < $1.departure }
                visits += planned.stops.filter { !$0.isRecorded }
                // A failed delivery to retry leaves the trip: it is tried again later today.
                let toRetry = retry ? visits.filter { $0.status == .failed && outcome[$0.id] != nil } : []
                visits.removeAll { visit in toRetry.contains { $0.id == visit.id } }
                // A shipment delivered on this trip needs its pickup done (on it, or before: the
                // parcel came back to the outlet), or still ahead on it.
                var picked = pickedBefore
                var orphans: [(id: String, pickupRetried: Bool)] = []
                for visit in visits {
                    guard let stop = stopByID[visit.id], let shipment = stop.shipment else { continue }
                    if stop.kind == .shipmentPickup, visit.status != .failed { picked.insert(shipment) }
                    if stop.kind == .shipmentDelivery, !visit.isRecorded, !picked.contains(shipment) {
                        orphans.append((visit.id, toRetry.contains { stopByID[$0.id]?.shipment == shipment }))
                    }
                }
                visits.removeAll { visit in orphans.contains { $0.id == visit.id } }
                for orphan in orphans {
                    if orphan.pickupRetried {
                        pending.append(Pending(id: orphan.id, previousCourier: courier.id, backAtOutlet: nil, note: "its pickup failed; retried"))
                    } else {
                        cancelled.append(Plan.Unassigned(id: orphan.id, reason: "its shipment's pickup failed"))
                    }
                }
                // The courier was last at the latest failure, when no scan came after it.
                var resume: Plan.Resume?
                let lastScan = visits.filter(\.isRecorded).map(\.departure).max() ?? -Double.infinity
                if let failure = toRetry.max(by: { $0.departure < $1.departure }), failure.departure > lastScan,
                   let place = stopByID[failure.id]?.location {
                    resume = Plan.Resume(afterStops: visits.filter(\.isRecorded).count, time: failure.departure, location: place, stop: failure.id)
                }
                let origin = t == 0 ? courier.start ?? scenario.outlet.location : scenario.outlet.location
                let (trip, distance, dropped) = timer.time(visits, departure: departure, origin: origin, originID: scenario.outlet.id,
                                                           destination: scenario.outlet.location, resume: resume, now: now)
                inputs.append((visits, departure, origin, resume))
                kept.append(trip)
                distances.append(distance)
                droppedIDs.append(dropped)
                retried.append(toRetry.map(\.id))
                previousReturn = trip.returnTime
            }
            // The last position report times the rest of the trip under way from where it was made.
            if let seen = lastPosition[courier.id], let place = seen.location, let last = inputs.indices.last {
                let input = inputs[last]
                let recorded = input.visits.filter(\.isRecorded)
                let lastScan = max(recorded.map(\.departure).max() ?? input.departure, input.resume?.time ?? input.departure)
                if seen.time > lastScan, seen.time >= input.departure {
                    let resume = Plan.Resume(afterStops: recorded.count, time: seen.time, location: place)
                    let (trip, distance, dropped) = timer.time(input.visits, departure: input.departure, origin: input.origin,
                                                               originID: scenario.outlet.id, destination: scenario.outlet.location,
                                                               resume: resume, now: now)
                    kept[last] = trip
                    distances[last] = distance
                    droppedIDs[last] = dropped
                    previousReturn = trip.returnTime
                }
            }
            // The rest of the trip under way, re-sequenced from the courier's last known place.
            if let current, let last = inputs.indices.last {
                let input = inputs[last]
                // Every visit not yet made, also those the old order could no longer fit.
                let recorded = input.visits.filter(\.isRecorded)
                let open = input.visits.filter { !$0.isRecorded }
                let point: (Location, Double, String?)? = kept[last].resume.map { ($0.location, $0.time, $0.stop) }
                    ?? recorded.last.flatMap { visit in stopByID[visit.id].map { ($0.location, visit.departure, visit.id) } }
                let onBoard = Set(recorded.filter { stopByID[$0.id]?.kind == .shipmentPickup && $0.status == .done }.compactMap { stopByID[$0.id]?.shipment })
                    .union(pickedBefore)
                let carried = CurrentTrip.carried(recorded: recorded, open: open, retried: retried[last], scenario: scenario, stops: stopByID)
                if open.count >= 2, let (place, time, stop) = point,
                   let (order, left) = current.sequence(open, courier: courier, place: place, time: time, onBoard: onBoard,
                                                        carried: carried, scenario: scenario, stops: stopByID) {
                    let resume = Plan.Resume(afterStops: recorded.count, time: time, location: place, stop: stop)
                    let (trip, distance, dropped) = timer.time(recorded + order, departure: input.departure, origin: input.origin,
                                                               originID: scenario.outlet.id, destination: scenario.outlet.location,
                                                               resume: resume, now: now)
                    kept[last] = trip
                    distances[last] = distance
                    droppedIDs[last] = left + dropped
                    previousReturn = trip.returnTime
                }
            }
            for t in kept.indices {
                for id in retried[t] {
                    pending.append(Pending(id: id, previousCourier: courier.id, backAtOutlet: kept[t].returnTime,
                                           note: "failed (\(failures[id]?.reason ?? "")); retried"))
                }
                let pickedUp = Set(kept[t].stops.filter { $0.isRecorded && stopByID[$0.id]?.kind == .shipmentPickup }.compactMap { stopByID[$0.id]?.shipment })
                for id in droppedIDs[t] {
                    if let stop = stopByID[id], stop.kind == .shipmentDelivery, let shipment = stop.shipment, pickedUp.contains(shipment) {
                        // Picked up on this trip, and the delivery no longer fits it: the parcel goes back to the outlet.
                        cancelled.append(Plan.Unassigned(id: id, reason: "picked up, but the delivery cannot be made on the same trip any more; the parcel is back at the outlet"))
                        continue
                    }
                    pending.append(Pending(id: id, previousCourier: courier.id, backAtOutlet: kept[t].returnTime,
                                           note: "cannot be reached in time on the trip under way"))
                }
            }
            let keptDistance = distances.reduce(0, +)
            let position = kept.last.flatMap { trip in
                trip.resume?.location ?? trip.stops.last(where: { $0.departure <= now }).flatMap { stopByID[$0.id]?.location }
            }
            // Later trips are pending; the courier keeps them as a warm start.
            var plannedTrips: [[String]] = []
            for trip in trips.dropFirst(kept.count) {
                let ids = trip.stops.map(\.id)
                plannedTrips.append(ids)
                for id in ids { pending.append(Pending(id: id, previousCourier: courier.id, backAtOutlet: nil, note: nil)) }
            }
            let free: Double
            if let previousReturn {
                free = reload.map { max(previousReturn + $0, now) } ?? .infinity
            } else {
                free = max(Double(courier.shift.start), now)
            }
            couriers.append(CourierState(courier: courier.id, keptTrips: kept, keptDistance: keptDistance,
                                         availableFrom: free, position: position, plannedTrips: plannedTrips))
        }
        // Stops of routes whose courier is not in the scenario, and stops unassigned before, are pending too.
        let known = Set(couriers.flatMap { $0.keptTrips.flatMap { $0.stops.map(\.id) } } + pending.map(\.id) + cancelled.map(\.id))
        for route in plan.routes where !scenario.couriers.contains(where: { $0.id == route.courier }) {
            for visit in route.stops where !known.contains(visit.id) { pending.append(Pending(id: visit.id, previousCourier: nil, backAtOutlet: nil, note: nil)) }
        }
        for u in plan.unassigned where !known.contains(u.id) {
            pending.append(Pending(id: u.id, previousCourier: nil, backAtOutlet: nil, note: nil))
        }
        self.couriers = couriers
        self.pending = pending
        self.failures = failures
        self.cancelled = cancelled
        self.pickedUp = pickedBefore
    }
}
