/// Where an insertion puts a new reload at the outlet, splitting the trip it goes into.
enum ReloadPlacement: UInt8, Sendable {
    /// No new reload: the stop joins an existing trip.
    case none
    /// A reload just before the stop: the stop opens a new trip (at the end of the day, a new trip).
    case before
    /// A reload just after the stop: the stop closes its trip.
    case after
}

/// A feasible place for one stop in one route.
struct Insertion: Sendable {
    /// What the objective says it costs.
    var cost: Double
    /// Whether it adds a reload, and on which side.
    var reload: ReloadPlacement
}

extension RoutingProblem {
    /// The cheapest feasible insertion of single stop `u` into `route` at arc `k` (before
    /// position k), or `nil`. O(number of u's windows): uses the route's cached schedule, loads
    /// and trips. When u does not fit its trip's load, the trip may be split by a new reload.
    /// With a `bound` (the caller's best place so far, where ``Objective/hasNoNegativeWeight``:
    /// every other term of an insertion's cost is then at least 0), a place that cannot cost less
    /// is given up early: `nil` when u joins its trip as it is and its added distance alone costs
    /// `bound` or more, a cost of +∞ when the terms before the walk down the route's promises do.
    /// Below the bound, the cost is the same number.
    @inline(__always)
    func insertionCost(_ u: Int, into route: Route, at k: Int, bound: Double = .infinity) -> Insertion? {
        let v = route.vehicle
        let veh = vehicles[v]
        let tol = Self.timeTolerance
        let (a, departureBefore) = route.departure(before: k, self)
        let (b, latest) = route.next(at: k, self)
        // Without reloads, a place u does not fit is no place at all: the bound on its added
        // distance comes first, before the loads and the trip's slack are read.
        let addedFirst = allowsReloads ? nil : addedDistance(u, into: route, at: k, after: a, before: b)
        if let addedFirst, objective.perDistance * addedFirst >= bound { return nil }
        let addKg = deliveryKg[u] + max(0, pickupKg[u]), addLitres = deliveryLitres[u] + max(0, pickupLitres[u])
        // The trip's departure slips when u's parcel reaches the outlet after it leaves.
        var slip = 0.0, slipFits = true
        if hasReleases {
            slip = larger(0, release[u] - route.tripDeparture[k])
            slipFits = slip <= route.tripSlack[k] + tol
        }
        var fits: Bool
        if deliveryKg[u] > 0 || deliveryLitres[u] > 0 {
            fits = route.prefixMaxKg[k] + deliveryKg[u] <= veh.capacityKg + 1e-9
                && route.prefixMaxLitres[k] + deliveryLitres[u] <= veh.capacityLitres + 1e-9
        } else if pickupKg[u] > 0 || pickupLitres[u] > 0 {
            fits = route.suffixMaxKg[k] + pickupKg[u] <= veh.capacityKg + 1e-9
                && route.suffixMaxLitres[k] + pickupLitres[u] <= veh.capacityLitres + 1e-9
        } else {
            fits = true
        }
        if fits, slipFits {
            // Legs into and out of u read from u's row (cached across the scan); the arc they
            // replace from the route's cache.
            let added = addedFirst ?? addedDistance(u, into: route, at: k, after: a, before: b)
            if objective.perDistance * added >= bound { return nil }
            let arrival = departureBefore + slip + travel(from: a, into: u, v)
            guard let st = serviceStart(u, arrival: arrival) else { return nil }
            let arrivalNext = st + service[u] + travel(u, b, v)
            guard arrivalNext <= latest + tol else { return nil }
            return Insertion(cost: insertionCost(u, route, k, start: st, arrivalNext: arrivalNext, addedDistance: added, bound: bound), reload: .none)
        }
        // Split the trip at arc k with a new reload, before or after u.
        guard allowsReloads, !route.isEmpty, route.openShipments[k] == 0 else { return nil }
        let reload = reloadMinutes ?? 0
        let o = outletNode
        let stillToDeliverKg = route.loadKg[k] - route.pickedKg[k], stillToDeliverLitres = route.loadLitres[k] - route.pickedLitres[k]
        var best: Insertion?
        if k > 0, !isReload(route.stops[k - 1]) {
            // … a, reload, u, b …: u opens the trip that carries the rest.
            let laterKg = route.suffixMaxKg[k] - route.pickedKg[k] + addKg
            let laterLitres = route.suffixMaxLitres[k] - route.pickedLitres[k] + addLitres
            if laterKg <= veh.capacityKg + 1e-9, laterLitres <= veh.capacityLitres + 1e-9 {
                let leave = max(departureBefore + travel(from: a, into: o, v) + reload, max(release[u], route.tripRelease[k]))
                if let st = serviceStart(u, arrival: leave + travel(from: o, into: u, v)) {
                    let arrivalNext = st + service[u] + travel(u, b, v)
                    if arrivalNext <= latest + tol {
                        let added = dist(from: a, into: o) + dist(from: o, into: u) + dist(u, b) - route.arcDistance[k]
                        best = Insertion(cost: insertionCost(u, route, k, start: st, arrivalNext: arrivalNext, addedDistance: added, bound: bound), reload: .before)
                    }
                }
            }
        }
        if k < route.stops.count, !isReload(route.stops[k]), release[u] <= route.tripDeparture[k] + tol {
            // … a, u, reload, b …: u closes its trip; the rest leaves on a new one.
            let earlierKg = route.prefixMaxKg[k] - stillToDeliverKg + addKg
            let earlierLitres = route.prefixMaxLitres[k] - stillToDeliverLitres + addLitres
            if earlierKg <= veh.capacityKg + 1e-9, earlierLitres <= veh.capacityLitres + 1e-9,
               let st = serviceStart(u, arrival: departureBefore + travel(from: a, into: u, v)) {
                let leave = max(st + service[u] + travel(u, o, v) + reload, route.tripRelease[k])
                let arrivalNext = leave + travel(o, b, v)
                if arrivalNext <= latest + tol {
                    let added = dist(from: a, into: u) + dist(u, o) + dist(o, b) - route.arcDistance[k]
                    let cost = insertionCost(u, route, k, start: st, arrivalNext: arrivalNext, addedDistance: added, bound: bound)
                    if cost < best?.cost ?? .infinity { best = Insertion(cost: cost, reload: .after) }
                }
            }
        }
        return best
    }

    /// The distance added by riding a → u → b instead of the route's arc k (from `a` into `b`).
    @inline(__always)
    func addedDistance(_ u: Int, into route: Route, at k: Int, after a: Int, before b: Int) -> Double {
        dist(from: a, into: u) + dist(u, b) - route.arcDistance[k]
    }

    /// The objective's change when u starts service at `start` and the node after it (position
    /// k, or the end place) is then reached at `arrivalNext`; +∞ when the terms known before the
    /// promises downstream are walked already cost `bound` (see
    /// ``insertionCost(_:into:at:bound:)``).
    @inline(__always)
    func insertionCost(_ u: Int, _ route: Route, _ k: Int, start: Double, arrivalNext: Double, addedDistance: Double,
                       bound: Double = .infinity) -> Double {
        let o = objective
        var cost = o.perDistance * addedDistance
        cost += promiseCost(u, start: start)
        cost += workingDayCost(route, delayAt: k, arrival: arrivalNext, firstStop: (u, start))
        if pricesPromises, route.promisesFrom[k] > 0, arrivalNext - route.arrival[k] > route.promiseRoom[k] {
            // The walk down the route only adds: a place already at the caller's bound is not walked.
            if cost >= bound { return .infinity }
            cost += downstreamPromiseCost(route, from: k, arrival: arrivalNext)
        }
        let preferred = preferredVehicle[u]
        if preferred >= 0, preferred != route.vehicle { cost += o.offTerritory }
        if route.stops.isEmpty { cost += o.perCourier }
        return cost
    }

    /// The working-day cost change when position k (or the end) is reached at `arrival`: the
    /// delay there bounds the delay of the return (and the extra working minutes).
    @inline(__always)
    func workingDayCost(_ route: Route, delayAt k: Int, arrival: Double, firstStop: (node: Int, start: Double)) -> Double {
        let o = objective
        guard o.perMinute > 0 || o.perSquaredWorkingMinute > 0 else { return 0 }
        if route.isEmpty {
            // A first trip: the day until the return; the work from leaving just in time.
            let vehicle = vehicles[route.vehicle]
            let out = arrival - Route.leave(earliest: route.firstDeparture, origin: vehicle.startNode, first: firstStop.node,
                                            firstStart: firstStop.start, vehicle: route.vehicle, self)
            return o.perMinute * (arrival - vehicle.shiftStart) + o.perSquaredWorkingMinute * out * out
        }
        let delay = larger(0, arrival - (k < route.stops.count ? route.start[k] : route.endTime))
        var earlierLeave = 0.0
        if k < route.stops.count, k == 0 || isReload(route.stops[k - 1]), !isReload(route.stops[k]) {
            // A new first stop of a trip: the courier may have to leave earlier for it.
            let (origin, earliest) = route.departure(before: k, self)
            let oldLeave = larger(earliest, route.start[k] - route.arcMinutes[k])
            let newLeave = Route.leave(earliest: earliest, origin: origin, first: firstStop.node, firstStart: firstStop.start,
                                       vehicle: route.vehicle, self)
            earlierLeave = larger(0, oldLeave - newLeave)
        }
        let working = route.duration + delay + earlierLeave
        return o.perMinute * delay + o.perSquaredWorkingMinute * (working * working - route.duration * route.duration)
    }

    /// What the promises at positions ≥ k cost more (minutes late, promises broken) when the node
    /// there is now reached at `arrival`: the delay travels down the route, through reloads, until
    /// waiting absorbs it.
    @inline(__always)
    func downstreamPromiseCost(_ route: Route, from k: Int, arrival: Double) -> Double {
        var extra = 0.0
        var arrivalAt = arrival
        var j = k
        let n = route.stops.count
        while j < n {
            let s = route.stops[j]
            let leave: Double
            if isReload(s) {
                leave = max(arrivalAt + (reloadMinutes ?? 0), route.tripRelease[j + 1])
                if leave <= route.departure[j] + 1e-9 { break }
            } else {
                guard let st = serviceStart(s, arrival: arrivalAt) else { break }
                let old = route.start[j]
                if st <= old + 1e-9 { break }
                if promiseEnd[s].isFinite { extra += promiseCost(s, start: st) - promiseCost(s, start: old) }
                leave = st + service[s]
            }
            if route.promisesFrom[j + 1] == 0 { break }
            if j + 1 < n { arrivalAt = leave + route.arcMinutes[j + 1] }
            j += 1
        }
        return extra
    }

    /// Routes up to this long have their shipment insertions costed exactly (the estimate
    /// ignores the delay of the stops between the two halves, which decides small days).
    static let exactPairInsertionLength = 10

    /// Whether an insertion costs its added distance plus terms that are never negative
    /// (promises, territory, a courier sent out): no reloads and no priced minutes. Recreate then
    /// passes over a place whose added distance alone costs as much as the best place so far
    /// before its times are worked out.
    var insertionsBoundedByDistance: Bool {
        !allowsReloads && objective.perMinute == 0 && objective.perSquaredWorkingMinute == 0 && objective.perDistance >= 0
    }

    /// Whether a shipment place in a route priced exactly (at most ``exactPairInsertionLength``
    /// stops) costs its added distance plus terms that are never below zero:
    /// ``insertionsBoundedByDistance``, and no priced promises or negative weight (literature
    /// days under the hierarchical or distance objective). Where the working day is priced, an
    /// exact price may fall below the distance: a late first stop lets the courier leave later
    /// and wait less further on.
    var boundsPairsByDistance: Bool {
        insertionsBoundedByDistance && !pricesPromises && objective.hasNoNegativeWeight && objective.offTerritory >= 0
    }

    /// Whether ``pairInsertion(_:_:into:pickupPositions:bound:)`` passes over the places in
    /// `route` whose added distance alone costs its bound: in a route priced exactly, where
    /// ``boundsPairsByDistance``; in a longer one, where no weight is negative. There a place is
    /// priced by its estimate: its added distance plus promises kept late, the working day's
    /// delay, territory and a courier sent out, each a weight times an amount an insertion cannot
    /// make negative (both halves ride in one trip, so no reload is added).
    func boundsPairsByDistance(in route: Route) -> Bool {
        route.stops.count > Self.exactPairInsertionLength ? objective.hasNoNegativeWeight : boundsPairsByDistance
    }

    /// The cheapest feasible insertion of shipment pickup `u` and its delivery `w` into one trip
    /// of `route`: (pickup arc, delivery arc, cost). O(route length²) in the worst case.
    /// `pickupPositions` (ascending) restricts where the pickup half may go (granular search on
    /// large days). With a `bound` (as in ``insertionCost(_:into:at:bound:)``), an estimated
    /// place whose terms before the walk down the route's promises already cost the bound, or
    /// the best place found here, is not walked: the answer is the same below the bound.
    /// Where ``boundsPairsByDistance(in:)``, a place, or a pickup arc with all its delivery arcs,
    /// whose added distance alone costs that much is not timed either.
    /// `distanceBounds` overrides ``boundsPairsByDistance(in:)`` (tests compare the two).
    func pairInsertion(_ u: Int, _ w: Int, into route: Route, pickupPositions: [Int]? = nil, bound: Double = .infinity,
                       distanceBounds: Bool? = nil) -> (Int, Int, Double)? {
        let bounded = distanceBounds ?? boundsPairsByDistance(in: route)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: bounded ? route.stops.count + 2 : 0) { cheapest in
            if bounded { cheapestDeliveryDetours(w, in: route, into: cheapest) }
            return pairInsertion(u, w, into: route, pickupPositions: pickupPositions, bound: bound,
                                 cheapestDelivery: bounded ? UnsafeBufferPointer(cheapest) : nil)
        }
    }

    /// `cheapest[k]`: the least distance that delivery `w` adds at any arc from k to the route's
    /// last (+∞ at count + 1), the delivery riding after a pickup put at an earlier arc.
    private func cheapestDeliveryDetours(_ w: Int, in route: Route, into cheapest: UnsafeMutableBufferPointer<Double>) {
        let n = route.stops.count
        cheapest[n + 1] = .infinity
        var k = n
        while k >= 1 {
            let detour = dist(from: route.stops[k - 1], into: w) + dist(w, route.next(at: k, self).node) - route.arcDistance[k]
            cheapest[k] = min(detour, cheapest[k + 1])
            k -= 1
        }
    }

    /// ``pairInsertion(_:_:into:pickupPositions:bound:)`` with, where places are bounded by
    /// their added distance, the cheapest delivery detour from each arc on.
    private func pairInsertion(_ u: Int, _ w: Int, into route: Route, pickupPositions: [Int]?, bound: Double,
                               cheapestDelivery: UnsafeBufferPointer<Double>?) -> (Int, Int, Double)? {
        var exact: (evaluator: SequenceEvaluator, before: Double)?
        if route.stops.count <= Self.exactPairInsertionLength { exact = (SequenceEvaluator(self), route.cost(self)) }
        let v = route.vehicle
        let veh = vehicles[v]
        let n = route.stops.count
        let o = objective
        let tol = Self.timeTolerance
        var best: (Int, Int, Double)?
        let offTerritory = (preferredVehicle[u] >= 0 && preferredVehicle[u] != v ? 1.0 : 0)
            + (preferredVehicle[w] >= 0 && preferredVehicle[w] != v ? 1.0 : 0)
        // What a place costs besides its distance, at the least (where places are so bounded).
        let leastBesidesDistance = o.offTerritory * offTerritory + (route.stops.isEmpty ? o.perCourier : 0)
        let dueU = deadline(u), dueW = deadline(w)
        for index in 0..<(pickupPositions?.count ?? n + 1) {
            let k1 = pickupPositions?[index] ?? index
            let (a, departure) = route.departure(before: k1, self)
            // Departures only grow along a route: once the courier leaves after u's last window
            // has closed, no later arc can take u.
            if departure > dueU + tol { break }
            let firstNext = route.next(at: k1, self).node
            let pickupDetour = dist(from: a, into: u) + dist(u, firstNext) - route.arcDistance[k1]
            if let cheapestDelivery {
                let together = dist(from: a, into: u) + dist(u, w) + dist(w, firstNext) - route.arcDistance[k1]
                let least = min(together, pickupDetour + cheapestDelivery[k1 + 1])
                if o.perDistance * least + leastBesidesDistance >= min(bound, best?.2 ?? .infinity) { continue }
            }
            guard let stU = serviceStart(u, arrival: departure + travel(from: a, into: u, v)) else { continue }
            var time = stU + service[u]
            var node = u
            var maxKg = 0.0, maxL = 0.0
            for k2 in k1...n {
                // The courier leaves `node` at `time`, later at each step: past w's last window, done.
                if time > dueW + tol { break }
                // No delivery arc from here on adds little enough distance: done, untimed.
                if let cheapestDelivery, k2 > k1,
                   o.perDistance * (pickupDetour + cheapestDelivery[k2]) + leastBesidesDistance >= min(bound, best?.2 ?? .infinity) {
                    break
                }
                maxKg = larger(maxKg, route.loadKg[k2]); maxL = larger(maxL, route.loadLitres[k2])
                if maxKg + pickupKg[u] > veh.capacityKg + 1e-9 || maxL + pickupLitres[u] > veh.capacityLitres + 1e-9 { break }
                let (b, latest) = route.next(at: k2, self)
                let added = k1 == k2
                    ? dist(from: a, into: u) + dist(u, w) + dist(w, b) - route.arcDistance[k1]
                    : pickupDetour + dist(from: route.stops[k2 - 1], into: w) + dist(w, b) - route.arcDistance[k2]
                if cheapestDelivery != nil, o.perDistance * added + leastBesidesDistance >= min(bound, best?.2 ?? .infinity) {
                    // No cheaper whatever the times.
                } else if let stW = serviceStart(w, arrival: time + travel(from: node, into: w, v)) {
                    let arrivalNext = stW + service[w] + travel(w, b, v)
                    if arrivalNext <= latest + tol {
                        var cost = o.perDistance * added + o.offTerritory * offTerritory
                        cost += promiseCost(u, start: stU) + promiseCost(w, start: stW)
                        cost += workingDayCost(route, delayAt: k2, arrival: arrivalNext, firstStop: (u, stU))
                        var feasible = true
                        if pricesPromises, route.promisesFrom[k2] > 0, arrivalNext - route.arrival[k2] > route.promiseRoom[k2] {
                            if exact == nil, cost >= min(bound, best?.2 ?? .infinity) {
                                feasible = false
                            } else {
                                cost += downstreamPromiseCost(route, from: k2, arrival: arrivalNext)
                            }
                        }
                        if route.stops.isEmpty { cost += o.perCourier }
                        if let (_, before) = exact {
                            var candidate = route.stops
                            candidate.insert(w, at: k2)
                            candidate.insert(u, at: k1)
                            if let after = exact?.evaluator.cost(candidate, vehicle: v, self) { cost = after - before } else { feasible = false }
                        }
                        if feasible, cost < (best?.2 ?? .infinity) { best = (k1, k2, cost) }
                    }
                }
                // Both halves ride in the same trip: stop at the next reload.
                guard k2 < n, !isReload(route.stops[k2]) else { break }
                let s = route.stops[k2]
                // The leg into s: from u's row at the first step, then the route's own arc.
                let leg = k2 == k1 ? travel(u, s, v) : route.arcMinutes[k2]
                guard let st = serviceStart(s, arrival: time + leg) else { break }
                time = st + service[s]
                node = s
            }
        }
        return best
    }
}
