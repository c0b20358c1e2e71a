import DispatchModel

extension RoutingProblem {
    /// SISR's adjacent string removal (Christiaens & Vanden Berghe 2020): around a random seed
    /// stop, cut one string from each of a few nearby routes. `averageRemoved` is their c̄,
    /// `maxString` their L^max. The cut stops end up unassigned.
    func ruinStrings(_ state: inout SearchState, rng: inout SplitMix64,
                     averageRemoved: Double = 10, maxString: Double = 10) {
        let assigned = state.routeOf.indices.filter { state.routeOf[$0] >= 0 }
        guard !assigned.isEmpty else { return }
        let used = state.routes.filter { !$0.isEmpty }
        let averageLength = Double(assigned.count) / Double(max(used.count, 1))
        let lsMax = min(maxString, averageLength)
        let ksMax = 4 * averageRemoved / (1 + lsMax) - 1
        let ks = Int(rng.unit() * ksMax) + 1
        let seed = assigned[rng.below(assigned.count)]
        var ruinedRoutes = Set<Int>()
        var toRemove: [Int] = []
        for c32 in [Int32(seed)] + neighbours[seed] {
            let c = Int(c32)
            let r = state.routeOf[c]
            guard r >= 0, !ruinedRoutes.contains(r), !toRemove.contains(c) else { continue }
            let route = state.routes[r].stops
            let lMax = min(Double(route.count), lsMax)
            let length = Int(rng.unit() * lMax) + 1
            guard let position = route.firstIndex(of: c) else { continue }
            // A string of `length` containing c, at a random offset.
            let earliest = max(0, position - length + 1)
            let latest = min(position, route.count - length)
            let first = earliest + rng.below(max(latest - earliest + 1, 1))
            toRemove.append(contentsOf: route[first..<min(first + length, route.count)])
            ruinedRoutes.insert(r)
            if ruinedRoutes.count >= ks { break }
        }
        state.remove(toRemove, self)
    }

    /// Cuts a random string (up to `maxString` stops) from the route with the longest working day.
    func ruinLongestDay(_ state: inout SearchState, rng: inout SplitMix64, maxString: Int = 12) {
        var longest = -1
        for r in state.routes.indices where !state.routes[r].isEmpty {
            if longest < 0 || state.routes[r].duration > state.routes[longest].duration { longest = r }
        }
        guard longest >= 0 else { return }
        let stops = state.routes[longest].stops
        let length = 1 + rng.below(min(maxString, stops.count))
        let first = rng.below(stops.count - length + 1)
        state.remove(Array(stops[first..<(first + length)]), self)
    }

    /// Orders stops for recreate the way SISR does: random, heaviest first, farthest first or
    /// closest first (weights 4 : 4 : 2 : 1), with priority tiers always ahead.
    func recreateOrder(_ stops: [Int], rng: inout SplitMix64) -> [Int] {
        var order = stops
        order.shuffle(using: &rng)
        let roll = rng.below(11)
        let depot = vehicles.first?.startNode ?? 0
        if roll < 4 {
            // random
        } else if roll < 8 {
            order.sort { max(deliveryKg[$0], pickupKg[$0]) > max(deliveryKg[$1], pickupKg[$1]) }
        } else if roll < 10 {
            order.sort { dist(depot, $0) > dist(depot, $1) }
        } else {
            order.sort { dist(depot, $0) < dist(depot, $1) }
        }
        // Stable: higher tiers first keeps their stops from being the ones left out.
        return order.enumerated().sorted { a, b in
            priority[a.element] != priority[b.element] ? priority[a.element] > priority[b.element] : a.offset < b.offset
        }.map(\.element)
    }
}
