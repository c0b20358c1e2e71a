import DispatchModel

extension RoutingProblem {
    /// Whether ruin-and-recreate also exchanges route tails: on days of deliveries only, without
    /// reloads or release times (literature instances), where a sequence is feasible when each
    /// stop is reached in its window, the load fits and the courier is back by the shift's end.
    var exchangesTails: Bool { !allowsReloads && !hasReleases && carriesDeliveriesOnly }

    /// The share of ruin steps that exchange tails (where ``exchangesTails``), in route
    /// elimination and in the walk. Measured on Solomon-56 at 10 s, one worker, both arms at
    /// once, one per core, against the same engine without: seed 2, 56/56 BKS vehicle counts
    /// against 54/56 (two runs: +0.73 % and +0.93 % where reached, against +1.15 %); seed 1,
    /// 55/56 against 53/56; seed 3, 54/56 against 55/56 (+0.93 % against +0.99 % where both
    /// reach them). In route elimination only it reached 56/56 on seed 2 too, but
    /// +1.42 % where reached (21 instances worse than with exchanges in the walk, 8 better).
    /// At 1 s, seeds 1–3: 146 runs of 168 against 138, +1.75 % against +1.76 % where both
    /// reach them. Distance-only, 8 files at 1 s, seeds 1–3: +0.38 % against +0.43 %.
    static let tailExchangeRate = 0.05

    /// 2-opt* with repair, a ruin for structures that strings cannot undo: a random stop u and
    /// one of the stops nearest to it on another route (`candidates` of them) swap what follows
    /// (``exchangeTails(_:after:from:)``).
    ///
    /// String cuts take at most ten stops a route and put them back one at a time; they cannot
    /// swap two routes' last clusters. Two routes of a Solomon C202 plan (each about 3,350
    /// minutes of a 3,390-minute day) had done so, for +19 % of distance, and the plain exchange
    /// of their tails is infeasible (one stop is then reached after its window). With exchanges,
    /// C202 at 20,000 steps ends there on none of 24 seeds, against 3 without.
    /// Returns whether it changed anything.
    @discardableResult
    func ruinByTailExchange(_ state: inout SearchState, rng: inout SplitMix64, candidates: Int = 5) -> Bool {
        let routed = state.routedCount
        guard routed > 0 else { return false }
        let u = state.routedStop(rng.below(routed), of: routed)
        var near: [Int] = []
        for c32 in neighbours[u] {
            let c = Int(c32), r = state.routeOf[c]
            guard r >= 0, r != state.routeOf[u], !state.closed[r] else { continue }
            near.append(c)
            if near.count == candidates { break }
        }
        guard !near.isEmpty else { return false }
        exchangeTails(&state, after: u, from: near[rng.below(near.count)])
        return true
    }

    /// Stops u and v, on two routes, swap what follows: u's route keeps its stops up to u and
    /// goes on with v and the rest of v's route; v's route keeps its stops before v and goes on
    /// with what followed u. Stops the new sequences can no longer serve in time or carry are
    /// left out (``servedPart(_:vehicle:)``), unassigned, for recreate to place.
    func exchangeTails(_ state: inout SearchState, after u: Int, from v: Int) {
        let first = state.routeOf[u], second = state.routeOf[v]
        guard first >= 0, second >= 0, first != second else { return }
        let a = state.routes[first].stops, b = state.routes[second].stops
        let i = state.position[u], j = state.position[v]
        let (firstKept, firstLeft) = servedPart(Array(a[...i]) + b[j...], vehicle: state.routes[first].vehicle)
        let (secondKept, secondLeft) = servedPart(Array(b[..<j]) + a[(i + 1)...], vehicle: state.routes[second].vehicle)
        state.rewrite(first, stops: firstKept, second, stops: secondKept, leavingOut: firstLeft + secondLeft, self)
        // The repair mirrors the schedule's rules; should a route still disagree with them, its
        // last stops go too, so that no infeasible route enters the search.
        for r in [first, second] {
            while !state.routes[r].feasible, let last = state.routes[r].stops.last { state.remove([last], self) }
        }
    }

    /// The stops of `stops`, in order, that vehicle `v` can serve when it skips the others: each
    /// reached within a window, the deliveries fitting on board, and back by the shift's end
    /// (last stops dropped until it is). Returns what it keeps and what it leaves out.
    func servedPart(_ stops: [Int], vehicle v: Int) -> (kept: [Int], left: [Int]) {
        let vehicle = vehicles[v]
        var kept: [Int] = [], left: [Int] = [], leave: [Double] = []
        kept.reserveCapacity(stops.count); leave.reserveCapacity(stops.count)
        var time = vehicle.shiftStart, node = vehicle.startNode
        var kg = 0.0, litres = 0.0
        for s in stops {
            guard canServe(v, s), kg + deliveryKg[s] <= vehicle.capacityKg + 1e-9,
                  litres + deliveryLitres[s] <= vehicle.capacityLitres + 1e-9,
                  let start = serviceStart(s, arrival: time + travel(node, s, v)) else {
                left.append(s)
                continue
            }
            kg += deliveryKg[s]; litres += deliveryLitres[s]
            time = start + service[s]
            node = s
            kept.append(s); leave.append(time)
        }
        while let last = kept.last, time + travel(last, vehicle.endNode, v) > vehicle.shiftEnd + Self.timeTolerance {
            left.append(kept.removeLast())
            leave.removeLast()
            time = leave.last ?? vehicle.shiftStart
        }
        return (kept, left)
    }
}
