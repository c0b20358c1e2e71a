extension RoutingProblem {
    /// The cheapest feasible insertion of single stop `u` into `route` at position `k`, or `nil`.
    /// O(number of u's windows): uses the route's cached schedule and loads.
    @inline(__always)
    func insertionCost(_ u: Int, into route: Route, at k: Int) -> Double? {
        let v = route.vehicle
        let veh = vehicles[v]
        // Capacity.
        if deliveryKg[u] > 0 || deliveryLitres[u] > 0 {
            if route.prefixMaxKg[k] + deliveryKg[u] > veh.capacityKg + 1e-9 { return nil }
            if route.prefixMaxLitres[k] + deliveryLitres[u] > veh.capacityLitres + 1e-9 { return nil }
        } else if pickupKg[u] > 0 || pickupLitres[u] > 0 {
            if route.suffixMaxKg[k] + pickupKg[u] > veh.capacityKg + 1e-9 { return nil }
            if route.suffixMaxLitres[k] + pickupLitres[u] > veh.capacityLitres + 1e-9 { return nil }
        }
        let (a, departure) = route.departure(before: k, self)
        let (b, latest) = route.next(at: k, self)
        let arrival = departure + travel(a, u, v)
        guard let st = serviceStart(u, arrival: arrival) else { return nil }
        let arrivalNext = st + service[u] + travel(u, b, v)
        guard arrivalNext <= latest + 1e-9 else { return nil }
        let o = objective
        var cost = o.perDistance * (dist(a, u) + dist(u, b) - dist(a, b))
        if st > promiseEnd[u] { cost += o.latenessPerMinute * (st - promiseEnd[u]) }
        if o.perMinute > 0 { cost += o.perMinute * max(0, arrivalNext - (k < route.stops.count ? route.start[k] : route.endTime)) }
        if o.latenessPerMinute > 0, route.promisesFrom[k] > 0 {
            cost += o.latenessPerMinute * downstreamLateness(route, from: k, arrival: arrivalNext)
        }
        if route.stops.isEmpty { cost += o.perCourier }
        return cost
    }

    /// Extra promise lateness at positions ≥ k when the stop there is now reached at `arrival`:
    /// the delay travels down the route until waiting absorbs it.
    @inline(__always)
    func downstreamLateness(_ route: Route, from k: Int, arrival: Double) -> Double {
        var extra = 0.0
        var arrivalAt = arrival
        var j = k
        let v = route.vehicle
        while j < route.stops.count {
            let s = route.stops[j]
            guard let st = serviceStart(s, arrival: arrivalAt) else { break }
            let old = route.start[j]
            if st <= old + 1e-9 { break }
            let promise = promiseEnd[s]
            if promise.isFinite { extra += max(0, st - promise) - max(0, old - promise) }
            if route.promisesFrom[j + 1] == 0 { break }
            if j + 1 < route.stops.count { arrivalAt = st + service[s] + travel(s, route.stops[j + 1], v) }
            j += 1
        }
        return extra
    }

    /// The cheapest feasible insertion of shipment pickup `u` and its delivery `w` into `route`:
    /// (pickup position, delivery position, cost). O(route length²) in the worst case.
    /// `pickupPositions` restricts where the pickup half may go (granular search on large days).
    func pairInsertion(_ u: Int, _ w: Int, into route: Route, pickupPositions: Set<Int>? = nil) -> (Int, Int, Double)? {
        let v = route.vehicle
        let veh = vehicles[v]
        let n = route.stops.count
        let o = objective
        var best: (Int, Int, Double)?
        for k1 in 0...n where pickupPositions?.contains(k1) ?? true {
            let (a, departure) = route.departure(before: k1, self)
            guard let stU = serviceStart(u, arrival: departure + travel(a, u, v)) else { break }
            let firstNext = route.next(at: k1, self).node
            var time = stU + service[u]
            var node = u
            var maxKg = 0.0, maxL = 0.0
            for k2 in k1...n {
                maxKg = max(maxKg, route.loadKg[k2]); maxL = max(maxL, route.loadLitres[k2])
                if maxKg + pickupKg[u] > veh.capacityKg + 1e-9 || maxL + pickupLitres[u] > veh.capacityLitres + 1e-9 { break }
                if let stW = serviceStart(w, arrival: time + travel(node, w, v)) {
                    let (b, latest) = route.next(at: k2, self)
                    if stW + service[w] + travel(w, b, v) <= latest + 1e-9 {
                        var added: Double
                        if k1 == k2 {
                            added = dist(a, u) + dist(u, w) + dist(w, b) - dist(a, b)
                        } else {
                            let previous = route.stops[k2 - 1]
                            added = dist(a, u) + dist(u, firstNext) - dist(a, firstNext) + dist(previous, w) + dist(w, b) - dist(previous, b)
                        }
                        var cost = o.perDistance * added
                        if stU > promiseEnd[u] { cost += o.latenessPerMinute * (stU - promiseEnd[u]) }
                        if stW > promiseEnd[w] { cost += o.latenessPerMinute * (stW - promiseEnd[w]) }
                        if route.stops.isEmpty { cost += o.perCourier }
                        added = cost
                        if added < (best?.2 ?? .infinity) { best = (k1, k2, added) }
                    }
                }
                guard k2 < n else { break }
                let s = route.stops[k2]
                guard let st = serviceStart(s, arrival: time + travel(node, s, v)) else { break }
                time = st + service[s]
                node = s
            }
        }
        return best
    }
}
