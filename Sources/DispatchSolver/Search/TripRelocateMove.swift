extension RoutingProblem {
    /// Moves one whole trip to another courier, as a trip of its own before, between or after
    /// that courier's trips: the evening run of a long day can go to a courier who is home
    /// early. Ruin-and-recreate moves a few stops at a time and cannot find this. Both routes are
    /// evaluated exactly; the best improving move over all trips and couriers is applied. Past
    /// `deadline` the scan stops and the best move found so far is applied: a scan prices every
    /// trip on every other courier, seconds on a day of a thousand couriers.
    func relocateTrip(_ state: inout SearchState, evaluator: inout SequenceEvaluator,
                      until deadline: ContinuousClock.Instant? = nil) -> Bool {
        guard allowsReloads else { return false }
        let clock = ContinuousClock()
        var bestGain = 1e-7
        var best: (from: Int, to: Int, fromStops: [Int], toStops: [Int])?
        let routes = state.routes
        // Per route, the waits (service start less arrival) at positions ≥ k.
        let waitsFromPosition = routes.map { route in
            var waits = [Double](repeating: 0, count: route.stops.count + 1)
            for k in stride(from: route.stops.count - 1, through: 0, by: -1) {
                waits[k] = waits[k + 1] + (isReload(route.stops[k]) ? 0 : route.start[k] - route.arrival[k])
            }
            return waits
        }
        for a in routes.indices where !routes[a].isEmpty {
            if let deadline, clock.now >= deadline { break }
            let stops = routes[a].stops
            // Trip boundaries in A: [start, end) ranges between reloads.
            var trips: [Range<Int>] = []
            var first = 0
            for k in 0...stops.count where k == stops.count || isReload(stops[k]) {
                if k > first { trips.append(first..<k) }
                first = k + 1
            }
            let costA = routes[a].cost(self)
            for trip in trips {
                let moved = Array(stops[trip])
                guard moved.allSatisfy({ isReload($0) || partner[$0] < 0 || stops[trip].contains(partner[$0]) }) else { continue }
                let load = tripLoad(moved)
                var rest = Array(stops[..<trip.lowerBound]) + Array(stops[trip.upperBound...])
                let restCost: Double
                if rest.allSatisfy(isReload) {
                    rest = []
                    restCost = 0
                } else {
                    guard let cost = evaluator.cost(rest, vehicle: routes[a].vehicle, self) else { continue }
                    restCost = cost
                }
                let saved = costA - restCost
                guard saved > bestGain else { continue }
                // What the trip adds to a courier's day at the least, so a place it cannot pay for
                // is skipped unscheduled. For a courier who starts and ends at the outlet it goes
                // out from there and back, so its loop's legs and handovers; for another, its
                // legs between its own stops. As many more working minutes, less every wait after
                // the place (a trip that leaves later may wait less at its doors); later promises
                // and a later return left out.
                var innerDistance = 0.0, innerMinutes = 0.0, serviceMinutes = 0.0
                let scaleA = vehicles[routes[a].vehicle].timeScale
                for (i, s) in moved.enumerated() {
                    serviceMinutes += service[s]
                    if i > 0 { innerDistance += dist(moved[i - 1], s); innerMinutes += travel(moved[i - 1], s, routes[a].vehicle) / scaleA }
                }
                let outletLegs = (distance: dist(outletNode, moved[0]) + dist(moved[moved.count - 1], outletNode),
                                  minutes: (travel(outletNode, moved[0], routes[a].vehicle) + travel(moved[moved.count - 1], outletNode, routes[a].vehicle)) / scaleA)
                for b in routes.indices where b != a && moved.allSatisfy({ isReload($0) || canServe(routes[b].vehicle, $0) }) {
                    let target = routes[b].stops
                    let costB = routes[b].cost(self)
                    let vehicleB = routes[b].vehicle
                    let atOutlet = vehicles[vehicleB].startNode == outletNode && vehicles[vehicleB].endNode == outletNode
                    var offTerritoryOnB = 0
                    for s in moved where preferredVehicle[s] >= 0 && preferredVehicle[s] != vehicleB { offTerritoryOnB += 1 }
                    let fixedAdded = objective.perDistance * (innerDistance + (atOutlet ? outletLegs.distance : 0))
                        + objective.offTerritory * Double(offTerritoryOnB)
                        + (target.isEmpty ? objective.perCourier : 0)
                    guard saved - fixedAdded > bestGain else { continue }
                    let minutes = (innerMinutes + (atOutlet ? outletLegs.minutes : 0)) * vehicles[vehicleB].timeScale + serviceMinutes
                        + (target.isEmpty ? 0 : reloadMinutes ?? 0)
                    let working = routes[b].duration
                    let waitsFrom = waitsFromPosition[b]
                    // Places between B's trips: the start, after each reload, the end.
                    var places = [0]
                    for k in target.indices where isReload(target[k]) { places.append(k + 1) }
                    if !target.isEmpty { places.append(target.count) }
                    for place in places {
                        let added = max(0, minutes - waitsFrom[place])
                        let leastAdded = fixedAdded + objective.perSquaredWorkingMinute * ((working + added) * (working + added) - working * working)
                        guard saved - leastAdded > bestGain else { continue }
                        if tripSurelyBreaks(moved, load, into: routes[b], at: place) { continue }
                        var candidate = Array(target[..<place])
                        if !candidate.isEmpty, let last = candidate.last, !isReload(last) { candidate.append(outletNode) }
                        candidate += moved
                        if place < target.count { candidate.append(outletNode) }
                        candidate += target[place...]
                        guard let cost = evaluator.cost(candidate, vehicle: routes[b].vehicle, self) else { continue }
                        let gain = costA + costB - restCost - cost
                        if gain > bestGain { bestGain = gain; best = (a, b, rest, candidate) }
                    }
                }
            }
        }
        guard let best else { return false }
        state.assign(best.to, stops: best.toStops, self)
        state.assign(best.from, stops: best.fromStops, self)
        return true
    }

    /// What a trip carries at its heaviest and when its last parcel reaches the outlet: the same
    /// whichever courier takes it, so worked out once a trip.
    struct TripLoad {
        let peakKg: Double, peakLitres: Double, release: Double
    }

    /// The ``TripLoad`` of `trip` (stops between two reloads).
    func tripLoad(_ trip: [Int]) -> TripLoad {
        var kg = 0.0, litres = 0.0, latest = -Double.infinity
        for s in trip {
            kg += deliveryKg[s]; litres += deliveryLitres[s]
            latest = max(latest, release[s])
        }
        var peakKg = kg, peakLitres = litres
        for s in trip {
            kg += pickupKg[s] - deliveryKg[s]; litres += pickupLitres[s] - deliveryLitres[s]
            peakKg = max(peakKg, kg); peakLitres = max(peakLitres, litres)
        }
        return TripLoad(peakKg: peakKg, peakLitres: peakLitres, release: latest)
    }

    /// Whether `trip` (stops between two reloads, carrying `load`) surely makes the feasible `route` infeasible as
    /// a trip of its own at `place` (the start, just after a reload, or the end), read from the
    /// route's caches without scheduling it: its load is over the courier's capacity, one of its
    /// stops is reached after its last window, or the trip is back too late for the route's next
    /// trip to reach its first stop by its latest arrival (or for the courier's shift end). The
    /// route's stops before `place` keep their times (their trips keep their parcels), so the
    /// trip leaves exactly when the schedule would send it.
    func tripSurelyBreaks(_ trip: [Int], _ load: TripLoad, into route: Route, at place: Int) -> Bool {
        guard route.feasible, let last = trip.last else { return false }
        let v = route.vehicle, vehicle = vehicles[v]
        if load.peakKg > vehicle.capacityKg + 1e-9 || load.peakLitres > vehicle.capacityLitres + 1e-9 { return true }
        let tripRelease = load.release
        // Where and when the trip leaves: from the start place, or from the outlet after a
        // reload (the one before `place`, or one added after the last stop).
        let reload = reloadMinutes ?? 0
        var node: Int, time: Double
        if place == 0 {
            node = vehicle.startNode
            time = max(vehicle.shiftStart, tripRelease)
        } else if place < route.stops.count {
            guard isReload(route.stops[place - 1]) else { return false }
            node = outletNode
            time = max(route.arrival[place - 1] + reload, tripRelease)
        } else {
            guard !isReload(route.stops[place - 1]) else { return false }
            node = outletNode
            time = max(route.departure[place - 1] + travel(route.stops[place - 1], outletNode, v) + reload, tripRelease)
        }
        for s in trip {
            guard let start = serviceStart(s, arrival: time + travel(node, s, v)) else { return true }
            time = start + service[s]
            node = s
        }
        guard place < route.stops.count else {
            return time + travel(last, vehicle.endNode, v) > vehicle.shiftEnd + Self.timeTolerance
        }
        // Back at the outlet; the route's next trip leaves once reloaded and its parcels are in.
        let leave = max(time + travel(last, outletNode, v) + reload, route.tripRelease[place])
        return leave + travel(outletNode, route.stops[place], v) > route.latestArrival[place] + Self.timeTolerance
    }
}
