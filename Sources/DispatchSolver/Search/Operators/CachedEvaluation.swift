/// What a move's cost is, as far as the changed routes' caches can tell in O(1) (the forward
/// departures and backward latest arrivals, and the load maxima, that ``Route/update(_:scope:)``
/// keeps: the prefix and suffix summaries of Kindervater & Savelsbergh 1997).
enum CachedEvaluation {
    /// The exact change of the objective.
    case delta(Double)
    /// A changed route would break a window, the shift end, a capacity or a skill.
    case infeasible
    /// The caches do not settle it (a time-dependent cost, trips, shipments, or a route that is
    /// already infeasible): the new sequences must be scheduled. Where the cost depends on the
    /// time, `.infeasible` still comes back when the caches prove a changed route infeasible.
    case needsSchedule
}

extension CachedEvaluation {
    /// The evaluation of a move made of this change and `other` (on another route): infeasible
    /// when either is, unsettled when either is, else the sum.
    @inline(__always)
    func combined(with other: CachedEvaluation) -> CachedEvaluation {
        switch (self, other) {
        case (.infeasible, _), (_, .infeasible): return .infeasible
        case (.delta(let first), .delta(let second)): return .delta(first + second)
        default: return .needsSchedule
        }
    }
}

extension RoutingProblem {
    /// The exact objective change of replacing the stops at `range` of a feasible `route` by
    /// `incoming` (either may be empty; walked one by one, so a few stops, or a stretch reordered),
    /// in O(range + incoming). Valid when ``hasScheduleFreeCost``; unsettled when a shipment half
    /// is involved. The stops after the splice must be reached by their latest arrival; the
    /// load on board rises by the incoming deliveries (less the outgoing ones) before the splice
    /// and by the pickups after it, against the route's prefix and suffix maxima.
    @inline(__always)
    func spliceDelta<Incoming: Sequence<Int>>(_ route: Route, replacing range: Range<Int>, with incoming: Incoming) -> CachedEvaluation {
        var deliveredKg = 0.0, deliveredLitres = 0.0, pickedKg = 0.0, pickedLitres = 0.0
        var territoryChange = 0
        for s in incoming {
            guard partner[s] < 0 else { return .needsSchedule }
            guard canServe(route.vehicle, s) else { return .infeasible }
            deliveredKg += deliveryKg[s]; deliveredLitres += deliveryLitres[s]
            pickedKg += pickupKg[s]; pickedLitres += pickupLitres[s]
            if preferredVehicle[s] >= 0, preferredVehicle[s] != route.vehicle { territoryChange += 1 }
        }
        for k in range {
            let s = route.stops[k]
            guard partner[s] < 0 else { return .needsSchedule }
            deliveredKg -= deliveryKg[s]; deliveredLitres -= deliveryLitres[s]
            pickedKg -= pickupKg[s]; pickedLitres -= pickupLitres[s]
            if preferredVehicle[s] >= 0, preferredVehicle[s] != route.vehicle { territoryChange -= 1 }
        }
        var incomingCount = 0
        for _ in incoming { incomingCount += 1 }
        if route.stops.count - range.count + incomingCount == 0 { return .delta(-route.cost(self)) }
        guard spliceLoadFits(route, replacing: range, with: incoming, deliveredKg: deliveredKg, deliveredLitres: deliveredLitres,
                             pickedKg: pickedKg, pickedLitres: pickedLitres) else { return .infeasible }
        // Time: walk the incoming stops from the departure before the splice.
        var (node, time) = route.departure(before: range.lowerBound, self)
        let before = node
        var added = 0.0
        for s in incoming {
            guard let start = serviceStart(s, arrival: time + travel(node, s, route.vehicle)) else { return .infeasible }
            time = start + service[s]
            added += dist(node, s)
            node = s
        }
        let (after, latest) = route.next(at: range.upperBound, self)
        guard time + travel(node, after, route.vehicle) <= latest + Self.timeTolerance else { return .infeasible }
        added += dist(node, after)
        var removed = 0.0
        var previous = before
        for k in range {
            removed += dist(previous, route.stops[k])
            previous = route.stops[k]
        }
        removed += dist(previous, after)
        var change = objective.perDistance * (added - removed) + objective.offTerritory * Double(territoryChange)
        if route.stops.isEmpty { change += objective.perCourier }
        return .delta(change)
    }
}

extension RoutingProblem {
    /// Whether the load on board stays within the courier's capacities when `incoming` replaces
    /// the stops at `range` of `route`, given what the splice adds on balance to the deliveries
    /// and the pickups: before the splice (the route's prefix maxima), inside it (walked) and
    /// after it (the suffix maxima); maxima that start over at each reload keep it to the trip.
    @inline(__always)
    func spliceLoadFits<Incoming: Sequence<Int>>(_ route: Route, replacing range: Range<Int>, with incoming: Incoming,
                                                 deliveredKg: Double, deliveredLitres: Double,
                                                 pickedKg: Double, pickedLitres: Double) -> Bool {
        let vehicle = vehicles[route.vehicle]
        var peakKg = max(route.prefixMaxKg[range.lowerBound] + deliveredKg, route.suffixMaxKg[range.upperBound] + pickedKg)
        var peakLitres = max(route.prefixMaxLitres[range.lowerBound] + deliveredLitres, route.suffixMaxLitres[range.upperBound] + pickedLitres)
        var kg = route.loadKg[range.lowerBound] + deliveredKg, litres = route.loadLitres[range.lowerBound] + deliveredLitres
        for s in incoming {
            kg += pickupKg[s] - deliveryKg[s]; litres += pickupLitres[s] - deliveryLitres[s]
            peakKg = max(peakKg, kg); peakLitres = max(peakLitres, litres)
        }
        return peakKg <= vehicle.capacityKg + 1e-9 && peakLitres <= vehicle.capacityLitres + 1e-9
    }

    /// Whether the departure before position `k` of a feasible `route` stays where it is, or
    /// moves later, whatever a move does from `k` on: the stops before `k` are kept, and the trip
    /// that leaves before `k` does not wait for its parcels (a move could take away the parcel
    /// it waits for and let it leave earlier). Times only grow along a route and a later
    /// departure never makes a route feasible, so a splice walked from that departure and
    /// found infeasible is infeasible.
    @inline(__always)
    func keepsDeparture(_ route: Route, before k: Int) -> Bool {
        !tracksTrips || !hasReleases || route.tripRelease[k] < route.tripDeparture[k]
    }

    /// Where the cost needs the schedule (trips, per-minute and fair-day terms, promises): the
    /// same check as ``spliceDelta(_:replacing:with:)`` of the windows, the shift end, the
    /// capacities and the skills against the caches of the route and of its trip, without the
    /// cost. `.infeasible` when the splice surely breaks one, else `.needsSchedule`; only for
    /// splices that bring stops in and neither cut nor bring a reload or a shipment half (so the
    /// trips stay as they are) on a feasible route whose departure before the splice is kept.
    @inline(__always)
    func spliceScreen<Incoming: Sequence<Int>>(_ route: Route, replacing range: Range<Int>, with incoming: Incoming) -> CachedEvaluation {
        guard route.feasible, keepsDeparture(route, before: range.lowerBound) else { return .needsSchedule }
        var deliveredKg = 0.0, deliveredLitres = 0.0, pickedKg = 0.0, pickedLitres = 0.0
        var incomingCount = 0
        for s in incoming {
            guard !isReload(s), partner[s] < 0 else { return .needsSchedule }
            guard canServe(route.vehicle, s) else { return .infeasible }
            deliveredKg += deliveryKg[s]; deliveredLitres += deliveryLitres[s]
            pickedKg += pickupKg[s]; pickedLitres += pickupLitres[s]
            incomingCount += 1
        }
        guard incomingCount > 0 else { return .needsSchedule }
        for k in range {
            let s = route.stops[k]
            guard !isReload(s), partner[s] < 0 else { return .needsSchedule }
            deliveredKg -= deliveryKg[s]; deliveredLitres -= deliveryLitres[s]
            pickedKg -= pickupKg[s]; pickedLitres -= pickupLitres[s]
        }
        // Load, within the trip (its maxima start over at each reload).
        guard spliceLoadFits(route, replacing: range, with: incoming, deliveredKg: deliveredKg, deliveredLitres: deliveredLitres,
                             pickedKg: pickedKg, pickedLitres: pickedLitres) else { return .infeasible }
        // Time: the incoming stops from the departure before the splice, then the next stop by
        // its latest arrival.
        var (node, time) = route.departure(before: range.lowerBound, self)
        for s in incoming {
            guard let start = serviceStart(s, arrival: time + travel(node, s, route.vehicle)) else { return .infeasible }
            time = start + service[s]
            node = s
        }
        let (after, latest) = route.next(at: range.upperBound, self)
        guard time + travel(node, after, route.vehicle) <= latest + Self.timeTolerance else { return .infeasible }
        return .needsSchedule
    }
}

/// Two stretches of one route walked one after the other: a reordered stretch for a splice,
/// without an array.
struct ChainedStops: Sequence {
    let first: ArraySlice<Int>, second: ArraySlice<Int>

    struct Iterator: IteratorProtocol {
        var first: ArraySlice<Int>.Iterator, second: ArraySlice<Int>.Iterator
        mutating func next() -> Int? { first.next() ?? second.next() }
    }

    func makeIterator() -> Iterator { Iterator(first: first.makeIterator(), second: second.makeIterator()) }
}
