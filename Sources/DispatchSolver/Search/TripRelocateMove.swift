extension RoutingProblem {
    /// Moves one whole trip to another courier, as a trip of its own before, between or after
    /// that courier's trips: the evening run of a long day can go to a courier who is home
    /// early. Ruin-and-recreate moves a few stops at a time and cannot find this. Both routes are
    /// evaluated exactly; the best improving move over all trips and couriers is applied.
    func relocateTrip(_ state: inout SearchState, evaluator: inout SequenceEvaluator) -> Bool {
        guard allowsReloads else { return false }
        var bestGain = 1e-7
        var best: (from: Int, to: Int, fromStops: [Int], toStops: [Int])?
        let routes = state.routes
        for a in routes.indices where !routes[a].isEmpty {
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
                var rest = Array(stops[..<trip.lowerBound]) + Array(stops[trip.upperBound...])
                let restCost: Double
                if rest.allSatisfy(isReload) {
                    rest = []
                    restCost = 0
                } else {
                    guard let cost = evaluator.cost(rest, vehicle: routes[a].vehicle, self) else { continue }
                    restCost = cost
                }
                for b in routes.indices where b != a && moved.allSatisfy({ isReload($0) || canServe(routes[b].vehicle, $0) }) {
                    let target = routes[b].stops
                    let costB = routes[b].cost(self)
                    // Places between B's trips: the start, after each reload, the end.
                    var places = [0]
                    for k in target.indices where isReload(target[k]) { places.append(k + 1) }
                    if !target.isEmpty { places.append(target.count) }
                    for place in places {
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
}
