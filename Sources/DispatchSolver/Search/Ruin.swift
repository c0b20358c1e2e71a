import Foundation
import DispatchModel

extension RoutingProblem {
    /// The share of string cuts that are split strings: none on pickup-and-delivery days where
    /// couriers cost something, half elsewhere. Li & Lim 200 at 10 s, seeds 1–2, one worker:
    /// +4.27 % with split strings against +1.50 % without where both reach the BKS vehicle count
    /// (worse on 7 runs of 18, better on 2); on the outlet days (no courier cost) they measured
    /// better.
    var splitStringRate: Double { objective.perCourier > 0 && hasShipments ? 0 : 0.5 }

    /// SISR's adjacent string removal (Christiaens & Vanden Berghe 2020): around a random seed
    /// stop, cut one string from each of a few nearby routes. `averageRemoved` is their c̄,
    /// `maxString` their L^max; with probability `splitRate` a cut is their split string, which
    /// keeps a block of consecutive stops inside the stretch it cuts (the block grows by one
    /// while a draw is at least `splitDepth`, their β). The cut stops end up unassigned.
    ///
    /// Split strings, measured on Solomon-56 at 1 s, seeds 1–3, one worker: 148 runs of 168 at
    /// the BKS vehicle count against 146 without, and +1.59 % against +1.74 % where both reach
    /// it; a split depth of 0.3 (short kept blocks, +1.83 %) or a rate of 0.25 (+1.76 %) did not.
    /// See ``splitStringRate`` for where they are used.
    func ruinStrings(_ state: inout SearchState, rng: inout SplitMix64,
                     averageRemoved: Double = 10, maxString: Double = 10,
                     splitRate: Double = 0.5, splitDepth: Double = 0.01) {
        // Counted and picked in place: the list of routed stops, built every step, took 4 % of
        // a 2,000-stop outlet day's run.
        let routed = state.routedCount
        guard routed > 0 else { return }
        let averageLength = Double(routed) / Double(max(state.usedRoutes, 1))
        let lsMax = min(maxString, averageLength)
        let ksMax = 4 * averageRemoved / (1 + lsMax) - 1
        let ks = Int(rng.unit() * ksMax) + 1
        let seed = state.routedStop(rng.below(routed), of: routed)
        var ruinedRoutes: [Int] = []
        var toRemove: [Int] = []
        // The seed, then its neighbours nearest first (read in place: no list of them built).
        let near = neighbours[seed]
        for index in -1..<near.count {
            let c = index < 0 ? seed : Int(near[index])
            let r = state.routeOf[c]
            guard r >= 0, !ruinedRoutes.contains(r), !toRemove.contains(c) else { continue }
            let route = state.routes[r].stops
            let lMax = min(Double(route.count), lsMax)
            let length = Int(rng.unit() * lMax) + 1
            let position = state.position[c]
            // SISR's split string (with probability `splitRate`): the cut spans `length + kept`
            // stops and keeps `kept` consecutive ones in it (c among them, sometimes), `kept`
            // growing while a draw is at least the split depth.
            var kept = 0
            if splitRate > 0, length < route.count, rng.chance(splitRate) {
                kept = 1
                while length + kept < route.count, rng.unit() >= splitDepth { kept += 1 }
            }
            let span = length + kept
            // A stretch of `span` containing c, at a random offset.
            let earliest = max(0, position - span + 1)
            let latest = min(position, route.count - span)
            let first = earliest + rng.below(max(latest - earliest + 1, 1))
            if kept == 0 {
                toRemove.append(contentsOf: route[first..<min(first + span, route.count)])
            } else {
                let keptFirst = first + rng.below(length + 1)
                toRemove.append(contentsOf: route[first..<keptFirst])
                toRemove.append(contentsOf: route[(keptFirst + kept)..<(first + span)])
            }
            ruinedRoutes.append(r)
            if ruinedRoutes.count >= ks { break }
        }
        state.remove(toRemove, self)
    }

    /// Makes room for stop `u`, left out before its deadline: a morning crunch, where the early
    /// hours of the couriers who could take it (a cold-chain parcel: those with a cooler box) are
    /// full of stops that could as well come later. In the `routes` routes whose stops before u's
    /// last window closes pass nearest to u (its own courier's first, when it can take u in
    /// time), cuts the stops served before that deadline whose own windows stay open at least
    /// `flexibility` minutes longer and that need no special skill, nearest to u first (up to
    /// `perRoute` a route). Returns the routes cut.
    @discardableResult
    func ruinForDeadline(of u: Int, _ state: inout SearchState, routes: Int, perRoute: Int,
                         flexibility: Double = 60) -> [Int] {
        let due = deadline(u)
        // Each route that could take u in time, by how close its stops before the deadline pass.
        var ranked: [(distance: Double, route: Int)] = []
        for r in state.routes.indices where !state.closed[r] && !state.routes[r].isEmpty {
            let route = state.routes[r]
            let v = route.vehicle
            // A shift starting at 10:00 cannot take a stop due by 10:00, however much room it has.
            guard canServe(v, u), vehicles[v].shiftStart + travel(vehicles[v].startNode, u, v) <= due else { continue }
            var nearest = Double.infinity
            for (k, s) in route.stops.enumerated() where route.start[k] <= due { nearest = min(nearest, dist(s, u)) }
            guard nearest.isFinite else { continue }
            ranked.append((v == preferredVehicle[u] ? -1 : nearest, r))
        }
        ranked.sort { ($0.distance, $0.route) < ($1.distance, $1.route) }
        let chosen = ranked.prefix(routes).map(\.route)
        var toRemove: [Int] = []
        for r in chosen {
            let route = state.routes[r]
            var flexible: [Int] = []
            for (k, s) in route.stops.enumerated() where route.start[k] <= due {
                guard s < stopCount, partner[s] < 0, requiredSkills[s] == 0 else { continue }
                if deadline(s) >= due + flexibility { flexible.append(s) }
            }
            flexible.sort { (dist(u, $0), $0) < (dist(u, $1), $1) }
            toRemove.append(contentsOf: flexible.prefix(perRoute))
        }
        state.remove(toRemove, self)
        return chosen
    }

    /// The share of ruin steps that cut by time (``ruinByTime(_:rng:averageRemoved:)``) instead
    /// of strings, where ``usesTimeRuin(_:eliminating:)`` allows it.
    static let timeRuinRate = 0.2

    /// Whether a ruin step may cut by time: on days of up to 300 stops without reloads or
    /// shipments (Solomon; elsewhere not measured, or worse), in route elimination, and in the
    /// walk on days of long routes (at least ``longRouteStops`` stops a route on average).
    ///
    /// Measured, one worker, both arms at once (one per core), against strings only, mean gap
    /// where both reach the BKS vehicle count (docs/benchmarks.md, "A ruin by time"): Solomon-56
    /// at 1 s, seeds 1–6, 303 runs of 336 at the BKS vehicle count against 299, +1.371 % against
    /// +1.701 % (109 runs better, 70 worse; RC2 +2.82 % against +4.01 %); at 10 s, seeds 1–2, 111
    /// of 112 either way, +0.570 % against +0.628 %. Time cuts on every step measured worse on
    /// days of short routes (R1, RC1 and C1 at 1 s: +1.057 % against +0.841 %, RC1 +2.49 % against
    /// +1.43 %) while their route elimination gained (140 runs of 174 at the BKS vehicle count
    /// against 135): there they cut by time only while eliminating routes. Not on
    /// Gehring–Homberger 400 (10 s, seeds 1–2): 20 runs of 24 at the BKS vehicle count against
    /// 22 (RC2_4_2 lost its ninth route's elimination on both seeds), +3.365 % against +3.560 %
    /// where both reach it.
    func usesTimeRuin(_ state: SearchState, eliminating: Bool) -> Bool {
        guard !allowsReloads, !hasShipments, stopCount <= 300 else { return false }
        return eliminating || Double(stopCount) >= Self.longRouteStops * Double(max(state.usedRoutes, 1))
    }

    /// Stops a route on average from which a day is one of long routes (Solomon's R2, RC2 and C2
    /// have 25–50, R1, RC1 and C1 5–11).
    static let longRouteStops = 20.0

    /// Shaw's related removal (Shaw 1998) by time: around a random routed stop, cuts the stops
    /// served nearest to it in time, whatever their route, about `averageRemoved` of them (0 to
    /// twice that many besides the seed), each drawn from the list of the rest ordered by
    /// relatedness with Ropke and Pisinger's bias (2006: index ⌊y⁶ · n⌋ for y uniform in [0, 1)).
    /// Relatedness is the difference of service starts in units of the largest one, weighted
    /// 100 against the distance in units of the largest distance: time decides, distance only
    /// orders stops served within about a hundredth of that span of each other. String cuts
    /// (``ruinStrings(_:rng:averageRemoved:maxString:splitRate:splitDepth:)``) take neighbours in
    /// space; on days of long routes and wide windows (Solomon's RC2 and R2) stops served at the
    /// same hour on other routes are what a better plan exchanges.
    func ruinByTime(_ state: inout SearchState, rng: inout SplitMix64, averageRemoved: Double = 10) {
        let assigned = state.assigned
        guard assigned.count > 1 else { return }
        let seed = assigned[rng.below(assigned.count)]
        func start(_ i: Int) -> Double { state.routes[state.routeOf[i]].start[state.position[i]] }
        let seedStart = start(seed)
        var largestDistance = 1e-9, largestGap = 1e-9
        for i in assigned where i != seed {
            largestDistance = max(largestDistance, dist(seed, i))
            largestGap = max(largestGap, abs(start(i) - seedStart))
        }
        var ranked: [(related: Double, stop: Int)] = []
        ranked.reserveCapacity(assigned.count - 1)
        for i in assigned where i != seed {
            ranked.append((dist(seed, i) / largestDistance + Self.timeRelatednessWeight * abs(start(i) - seedStart) / largestGap, i))
        }
        ranked.sort { ($0.related, $0.stop) < ($1.related, $1.stop) }
        let count = min(ranked.count, rng.below(Int(2 * averageRemoved)))
        var toRemove = [seed]
        for _ in 0..<count {
            let k = Int(pow(rng.unit(), 6) * Double(ranked.count))
            toRemove.append(ranked.remove(at: min(k, ranked.count - 1)).stop)
        }
        state.remove(toRemove, self)
    }

    /// How much more a difference of service starts counts than a distance, each in units of
    /// its largest value (``ruinByTime(_:rng:averageRemoved:)``). Solomon R2, RC2 and C2 at 1 s,
    /// seeds 1–6, a fifth of the cuts: weight 1 +2.250 % against +2.286 %, 3 +2.090 % against
    /// +2.429 %, 100 +1.758 % against +2.427 %.
    static let timeRelatednessWeight = 100.0

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
        // Stable: higher tiers first keeps their stops from being the ones left out (on a day of
        // one tier, as every literature instance, the order stays as it is).
        guard hasPriorities else { return order }
        return order.enumerated().sorted { a, b in
            priority[a.element] != priority[b.element] ? priority[a.element] > priority[b.element] : a.offset < b.offset
        }.map(\.element)
    }
}
