import DispatchModel
import DispatchPlan
import DispatchSolver

/// What a replan made: the whole day's new plan, the day it plans (the old one plus the new stops
/// and their slots), and what changed.
public struct ReplanResult: Sendable {
    /// The new plan: kept trips, then the re-optimised rest; every stop exactly once.
    public var plan: Plan
    /// The day the new plan is for: the old scenario with the new stops appended (their windows
    /// start no earlier than the answer, their slot is their promise).
    public var scenario: Scenario
    /// Whether ``scenario`` differs from the old one (then it must be written beside the plan).
    public var scenarioChanged: Bool
    /// What changed, for the desk.
    public var diff: ReplanDiff
    /// The day at the moment of the replan.
    public var state: DayState
    /// Whether nothing happened (no events, no new stops) and the plan is the old one.
    public var unchanged = false
}

/// Replans the rest of a day: applies the handhelds' events, keeps the trips under way, and
/// re-optimises everything else from the old routes (warm start), with each stop preferring its
/// old courier and every slot told to a customer as a promise.
///
/// ```swift
/// let result = Replanner.replan(plan: old, scenario: day, events: events, newStops: requests,
///                               objective: .outlet, options: ReplanOptions(now: 11 * 60, iterations: 200))
/// ```
public enum Replanner {
    /// The new plan. With no events and no new stops nothing happened, and the plan is returned as it was.
    public static func replan(plan: Plan, scenario: Scenario, events: [ReplanEvent], newStops: [Stop],
                              objective: Objective, options: ReplanOptions) -> ReplanResult {
        let now = options.now
        if events.isEmpty, newStops.isEmpty {
            let state = DayState(plan: plan, scenario: scenario, events: events, now: now)
            return ReplanResult(plan: plan, scenario: scenario, scenarioChanged: false,
                                diff: ReplanDiff(now: now), state: state, unchanged: true)
        }
        let state = DayState(plan: plan, scenario: scenario, events: events, now: now, objective: objective,
                             iterations: min(options.iterations ?? 30, 30), seed: options.seed)
        let requests = Self.requests(newStops, options: options)
        var day = scenario
        day.stops += requests
        var stopByID: [String: Stop] = [:]
        for stop in day.stops where stopByID[stop.id] == nil { stopByID[stop.id] = stop }
        var slotOf: [String: TimeWindow] = [:]
        for route in plan.routes { for visit in route.stops { if let slot = visit.slot { slotOf[visit.id] = slot } } }

        // The rest of the day as a smaller day: couriers from where and when they are free, the
        // pending stops with the slots told to customers as promises.
        var rest = day
        rest.couriers = zip(scenario.couriers, state.couriers).map { courier, now in
            var courier = courier
            let free = Int(min(now.availableFrom, Double(courier.shift.end)).rounded(.up))
            courier.shift = TimeWindow(start: min(max(free, courier.shift.start), courier.shift.end), end: courier.shift.end)
            if !now.keptTrips.isEmpty { courier.start = nil }
            return courier
        }
        let requestIDs = Set(requests.map(\.id))
        var pending = state.pending
        for stop in requests { pending.append(DayState.Pending(id: stop.id, previousCourier: nil, backAtOutlet: nil, note: nil)) }
        // Shipments whose pickup is done: a delivery of one still to make carries a parcel the
        // courier brought back, a delivery from the outlet like any other.
        let pickedUp = state.pickedUp
        var pickupOf: [String: Stop] = [:]
        for stop in day.stops where stop.kind == .shipmentPickup {
            if let shipment = stop.shipment, pickupOf[shipment] == nil { pickupOf[shipment] = stop }
        }
        rest.stops = pending.compactMap { entry -> Stop? in
            guard var stop = stopByID[entry.id] else { return nil }
            if let slot = slotOf[entry.id] { stop.promise = slot }
            if stop.kind == .shipmentDelivery, let shipment = stop.shipment, pickedUp.contains(shipment), let pickup = pickupOf[shipment] {
                stop = stop.pickedUp(by: pickup)
            }
            if let back = entry.backAtOutlet, back.isFinite, stop.kind == .delivery {
                stop.availableFrom = max(stop.availableFrom ?? 0, Int(back.rounded(.up)))
            }
            return stop
        }
        var weights = objective
        weights.offTerritory = options.stabilityCost(objective)
        var warm: [String: [[String]]] = [:]
        for courier in state.couriers where !courier.plannedTrips.isEmpty { warm[courier.courier] = courier.plannedTrips }
        let search = SearchOptions(iterations: options.iterations, seconds: options.seconds, seed: options.seed, workers: options.workers,
                                   localSearch: options.localSearch, initialSolution: InitialSolution(trips: warm, keepsCouriers: true))
        let solved = RoutePlanner.plan(rest, objective: weights, options: search)

        // The whole day: kept trips, then the new ones.
        let solvedRoutes = Dictionary(solved.routes.map { ($0.courier, $0) }, uniquingKeysWith: { a, _ in a })
        var routes: [Plan.CourierRoute] = []
        var etaOfRequest: [String: Double] = [:]
        var leftLastTrip: [Plan.Unassigned] = []
        for (courier, now) in zip(scenario.couriers, state.couriers) {
            var trips = now.keptTrips
            var distance = now.keptDistance
            // A kept trip that ends the courier's day ends at its end place, not at the outlet.
            if let end = courier.end, let last = trips.indices.last, (solvedRoutes[courier.id]?.trips ?? []).isEmpty {
                let timer = TripTimer(scenario: scenario, stops: stopByID, courier: courier)
                let origin = last == 0 ? courier.start ?? scenario.outlet.location : scenario.outlet.location
                let toOutlet = timer.retime(trips[last], origin: origin, destination: scenario.outlet.location, now: options.now)
                let toEnd = timer.retime(trips[last], origin: origin, destination: end, now: options.now)
                trips[last] = toEnd.trip
                distance += toEnd.distance - toOutlet.distance
                leftLastTrip += toEnd.dropped.map { Plan.Unassigned(id: $0, reason: "cannot be reached in time on the trip under way (back at the end place after the shift)") }
            }
            if let route = solvedRoutes[courier.id] {
                for trip in route.trips {
                    var trip = trip
                    for k in trip.stops.indices {
                        trip.stops[k].slot = slotOf[trip.stops[k].id]
                        if requestIDs.contains(trip.stops[k].id) { etaOfRequest[trip.stops[k].id] = trip.stops[k].start }
                    }
                    trips.append(trip)
                }
                distance += route.distance
            }
            guard !trips.isEmpty else { continue }
            routes.append(Plan.CourierRoute(courier: courier.id, trips: trips, distance: distance, shiftStart: Double(courier.shift.start),
                                            reloadMinutes: scenario.outlet.reloadMinutes ?? 0))
        }
        let notes = Dictionary(pending.compactMap { p in p.note.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        // Parcels on board that left their trip: they ride back to the outlet with their courier.
        // Said only where the return itself rules the stop out: every window of it closes before
        // the courier is back and has reloaded.
        let reload = Double(scenario.outlet.reloadMinutes ?? 0)
        let closedByReturn = Dictionary(rest.stops.filter { $0.kind == .delivery }.map { ($0.id, $0.serviceWindows.map(\.end).max() ?? 0) },
                                        uniquingKeysWith: { a, _ in a })
        var backAt: [String: Double] = [:]
        for entry in pending {
            guard let back = entry.backAtOutlet, back.isFinite, let lastEnd = closedByReturn[entry.id],
                  Double(lastEnd) < back + reload, backAt[entry.id] == nil else { continue }
            backAt[entry.id] = back
        }
        let outOfReach: Set<String> = [UnassignedReason.arrivesTooLate.description, UnassignedReason.unreachableInWindow.description]
        let unassigned = state.cancelled + leftLastTrip + solved.unassigned.map { u in
            // Such a parcel cannot go out again before its courier is back: say when that is, not
            // that it "reaches the outlet too late" or that no courier can reach it.
            var reason = u.reason
            if outOfReach.contains(reason), let back = backAt[u.id] {
                reason = "back at the outlet with its courier at \(Clock.format(back)), too late to go out again within its window"
            }
            return Plan.Unassigned(id: u.id, reason: notes[u.id].map { "\($0): \(reason)" } ?? reason)
        }

        // Slots for the new requests: their own window when they gave a short one, else around the ETA.
        for (k, stop) in day.stops.enumerated() where requestIDs.contains(stop.id) {
            guard let eta = etaOfRequest[stop.id] else { continue }
            let slot = stop.promise ?? Self.slot(for: stop, eta: eta, width: options.slotWidth)
            day.stops[k].promise = slot
            for r in routes.indices {
                for t in routes[r].trips.indices {
                    for v in routes[r].trips[t].stops.indices where routes[r].trips[t].stops[v].id == stop.id {
                        routes[r].trips[t].stops[v].slot = slot
                        routes[r].trips[t].stops[v].promise = slot
                        let start = routes[r].trips[t].stops[v].start
                        routes[r].trips[t].stops[v].late = max(0, start - Double(slot.end))
                        routes[r].trips[t].stops[v].early = stop.needsCustomerPresent ? max(0, Double(slot.start) - start) : 0
                    }
                }
            }
        }
        var statistics = solved.statistics
        statistics["pendingStops"] = Double(rest.stops.count)
        let newPlan = Plan(name: plan.name, scenario: plan.scenario, objective: plan.objective, routes: routes,
                           unassigned: unassigned, cost: solved.cost, statistics: statistics)
        let diff = ReplanDiff(old: plan, new: newPlan, scenario: day, now: now, failures: state.failures, newStops: requestIDs)
        return ReplanResult(plan: newPlan, scenario: day, scenarioChanged: !requests.isEmpty, diff: diff, state: state)
    }

    /// New requests as the day takes them: not visited before the outlet's answer reaches the
    /// customer (`now` plus the answer minutes), where their windows allow (the windows are cut there).
    static func requests(_ newStops: [Stop], options: ReplanOptions) -> [Stop] {
        let answered = Int((options.now + Double(options.answerMinutes)).rounded(.up))
        return newStops.map { stop -> Stop in
            var stop = stop
            let later = stop.windows.compactMap { w -> TimeWindow? in w.end < answered ? nil : TimeWindow(start: max(w.start, answered), end: w.end) }
            if !later.isEmpty, later != stop.windows {
                stop.windows = later
                stop.windowPhrase = later.map(\.description).joined(separator: ", ")
            }
            return stop
        }
    }

    /// The slot told to a new customer: their own window when it is no longer than two slots,
    /// else `width` minutes from a quarter of them before the ETA (``DispatchPlan/Plan/slotLead``),
    /// inside the window it is served in.
    static func slot(for stop: Stop, eta: Double, width: Int) -> TimeWindow {
        let minute = Int(eta.rounded(.down))
        let serving = stop.windows.first { Double($0.start) <= eta + 1e-9 && eta <= Double($0.end) + 1e-4 }
            ?? TimeWindow(start: minute, end: minute)
        if stop.windowPhrase != nil, stop.windows.count == 1, serving.minutes <= 2 * width { return serving }
        guard serving.minutes > width else { return serving }
        let start = min(max(minute - Int((Double(width) * Plan.slotLead).rounded()), serving.start), serving.end - width)
        return TimeWindow(start: min(start, minute), end: min(start, minute) + width)
    }
}
