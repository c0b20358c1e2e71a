extension RoutingProblem {
    /// Routes up to this long get a reload tried at every place.
    static let shortRoute = 25

    /// Adds or removes a reload in route `r` when that pays: a reload before a stop where the
    /// courier would wait at the door moves the wait to the outlet (where it is not work, and
    /// the next trip leaves just in time); a reload that no longer carries its weight goes. On
    /// short routes every place is tried, on long ones only where the courier waits longer than
    /// a reload. Each candidate is evaluated exactly; the best improving one is applied.
    func improveTrips(_ state: inout SearchState, route r: Int, evaluator: inout SequenceEvaluator) -> Bool {
        guard allowsReloads, !state.routes[r].isEmpty else { return false }
        let route = state.routes[r]
        let reload = reloadMinutes ?? 0
        var bestCost = route.cost(self) - 1e-7
        // The best change so far: the reload at `k` dropped (`merge`), or one added before
        // position `k`. Candidates are written into route r's own scratch route (no copy of the
        // stop list, and only the legs around the change read from the matrix).
        var best: (k: Int, merge: Bool)?
        let vehicle = vehicles[route.vehicle]
        for k in route.stops.indices where isReload(route.stops[k]) {
            // Merged with the next trip, this one leaves with both trips' deliveries on board
            // (the load at each trip's first arc): where they do not fit, nothing to price.
            let thisTrip = route.stops[..<k].lastIndex(where: isReload).map { $0 + 1 } ?? 0
            guard route.loadKg[thisTrip] + route.loadKg[k + 1] <= vehicle.capacityKg + 1e-9,
                  route.loadLitres[thisTrip] + route.loadLitres[k + 1] <= vehicle.capacityLitres + 1e-9 else { continue }
            let cost = evaluator.cost(rewriting: r, vehicle: route.vehicle, self) { stops in
                stops.append(contentsOf: route.stops[..<k]); stops.append(contentsOf: route.stops[(k + 1)...])
            }
            if let cost, cost < bestCost { bestCost = cost; best = (k, true) }
        }
        if route.stops.count > 1 {
            let everywhere = route.stops.count <= Self.shortRoute
            for k in 1..<route.stops.count where !isReload(route.stops[k]) && !isReload(route.stops[k - 1])
                && route.openShipments[k] == 0 && (everywhere || route.start[k] - route.arrival[k] > reload) {
                let cost = evaluator.cost(rewriting: r, vehicle: route.vehicle, self) { stops in
                    stops.append(contentsOf: route.stops[..<k]); stops.append(outletNode); stops.append(contentsOf: route.stops[k...])
                }
                if let cost, cost < bestCost { bestCost = cost; best = (k, false) }
            }
        }
        guard let (k, merge) = best else { return false }
        var stops = route.stops
        if merge { stops.remove(at: k) } else { stops.insert(outletNode, at: k) }
        state.assign(r, stops: stops, self)
        return true
    }
}
