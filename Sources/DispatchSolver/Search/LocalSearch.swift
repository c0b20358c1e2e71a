/// Granular local search (Toth & Vigo 2003): for each stop and each of its nearest neighbours,
/// try relocate, swap, cross-exchange, 2-opt* (tail exchange) between routes and 2-opt and or-opt
/// within a route; apply the first improving move. Moves are screened in O(1) by their distance
/// change, then evaluated exactly by ``SequenceEvaluator``.
extension RoutingProblem {
    /// Neighbours looked at per stop.
    static let localSearchGranularity = 20

    func localSearch(_ state: inout SearchState, rng: inout SplitMixRandom, maxPasses: Int = 50,
                     deadline: ContinuousClock.Instant? = nil) {
        var evaluator = SequenceEvaluator(self)
        let clock = ContinuousClock()
        var order = (0..<stopCount).filter { state.routeOf[$0] >= 0 }
        var passes = 0
        var improved = true
        while improved, passes < maxPasses {
            improved = false
            passes += 1
            // Whole days and trips first (few, cheap to try), then stop by stop.
            while swapCouriers(&state, evaluator: &evaluator) { improved = true }
            while relocateTrip(&state, evaluator: &evaluator) {
                improved = true
                if let deadline, clock.now >= deadline { return }
            }
            for r in state.routes.indices {
                while improveTrips(&state, route: r, evaluator: &evaluator) { improved = true }
            }
            order.shuffle(using: &rng)
            for u in order where state.routeOf[u] >= 0 {
                if let deadline, clock.now >= deadline { return }
                if tryMoves(u, &state, &evaluator) { improved = true }
            }
        }
    }

    private func node(after k: Int, in route: Route) -> Int {
        k + 1 < route.stops.count ? route.stops[k + 1] : vehicles[route.vehicle].endNode
    }

    private func node(before k: Int, in route: Route) -> Int {
        k > 0 ? route.stops[k - 1] : vehicles[route.vehicle].startNode
    }

    /// Tries the moves around `u`; applies the first improving one.
    private func tryMoves(_ u: Int, _ state: inout SearchState, _ evaluator: inout SequenceEvaluator) -> Bool {
        let eps = 1e-7
        let o = objective
        for v32 in neighbours[u].prefix(Self.localSearchGranularity) {
            let v = Int(v32)
            let ra = state.routeOf[u], rb = state.routeOf[v]
            guard ra >= 0, rb >= 0 else { continue }
            let A = state.routes[ra], B = state.routes[rb]
            let i = state.position[u], j = state.position[v]
            let a = node(before: i, in: A), b = node(after: i, in: A)
            let late = o.latenessPerMinute > 0 && A.start[i] > promiseEnd[u] // a late stop may move to a longer but earlier place
            let movable = partner[u] < 0
            if ra != rb {
                let costA = A.cost(self), costB = B.cost(self)
                /// Applies the two new routes when, evaluated exactly, they cost less together.
                func improves(_ newA: [Int], _ newB: [Int]) -> Bool {
                    guard let ca = evaluator.cost(newA, vehicle: A.vehicle, self), let cb = evaluator.cost(newB, vehicle: B.vehicle, self),
                          ca + cb < costA + costB - eps else { return false }
                    state.assign(ra, stops: newA, self)
                    state.assign(rb, stops: newB, self)
                    return true
                }
                // Relocate u to just after v.
                if movable {
                    let vn = node(after: j, in: B)
                    let delta = dist(a, b) - dist(a, u) - dist(u, b) + dist(v, u) + dist(u, vn) - dist(v, vn)
                    if delta < -eps || late {
                        var newA = A.stops; newA.remove(at: i)
                        var newB = B.stops; newB.insert(u, at: j + 1)
                        if improves(newA, newB) { return true }
                    }
                }
                // Swap u and v.
                if movable, partner[v] < 0 {
                    let c = node(before: j, in: B), d = node(after: j, in: B)
                    let delta = dist(a, v) + dist(v, b) - dist(a, u) - dist(u, b) + dist(c, u) + dist(u, d) - dist(c, v) - dist(v, d)
                    if delta < -eps || late {
                        var newA = A.stops; newA[i] = v
                        var newB = B.stops; newB[j] = u
                        if improves(newA, newB) { return true }
                    }
                }
                // Cross-exchange (Taillard et al. 1997): swap the strings of up to three stops
                // starting at u and at v; an empty string on one side moves a string (or-opt
                // between routes). Length (1, 1) is the swap above.
                for la in 1...3 where i + la <= A.stops.count {
                    for lb in 0...3 where j + lb <= B.stops.count && !(la == 1 && lb <= 1) {
                        let aFirst = A.stops[i], aLast = A.stops[i + la - 1], an = node(after: i + la - 1, in: A)
                        let c = node(before: j, in: B)
                        let bn = lb > 0 ? node(after: j + lb - 1, in: B) : (j < B.stops.count ? B.stops[j] : vehicles[B.vehicle].endNode)
                        var delta = dist(c, aFirst) + dist(aLast, bn) - dist(a, aFirst) - dist(aLast, an)
                        if lb > 0 {
                            let bFirst = B.stops[j], bLast = B.stops[j + lb - 1]
                            delta += dist(a, bFirst) + dist(bLast, an) - dist(c, bFirst) - dist(bLast, bn)
                        } else {
                            delta += dist(a, an) - dist(c, bn)
                        }
                        guard delta < -eps else { continue }
                        let newA = Array(A.stops[..<i]) + Array(B.stops[j..<(j + lb)]) + Array(A.stops[(i + la)...])
                        let newB = Array(B.stops[..<j]) + Array(A.stops[i..<(i + la)]) + Array(B.stops[(j + lb)...])
                        if improves(newA, newB) { return true }
                    }
                }
                // 2-opt*: A keeps its head up to u and takes B's tail after v, and vice versa.
                let un = node(after: i, in: A), vn = node(after: j, in: B)
                let endA = vehicles[A.vehicle].endNode, endB = vehicles[B.vehicle].endNode
                let lastA = A.stops.last ?? u, lastB = B.stops.last ?? v
                var delta = dist(u, vn) + dist(v, un) - dist(u, un) - dist(v, vn)
                if endA != endB { delta += dist(lastB, endA) + dist(lastA, endB) - dist(lastA, endA) - dist(lastB, endB) }
                if delta < -eps {
                    let newA = Array(A.stops[...i]) + Array(B.stops[(j + 1)...])
                    let newB = Array(B.stops[...j]) + Array(A.stops[(i + 1)...])
                    if improves(newA, newB) { return true }
                }
            } else if i != j {
                let costA = A.cost(self)
                // 2-opt inside the route: reverse the stretch between u and v.
                let (lo, hi) = i < j ? (i, j) : (j, i)
                let p = node(before: lo, in: A), q = node(after: hi, in: A)
                let first = A.stops[lo], last = A.stops[hi]
                let delta = dist(p, last) + dist(first, q) - dist(p, first) - dist(last, q)
                if delta < -eps {
                    var newA = A.stops
                    newA[lo...hi].reverse()
                    if let ca = evaluator.cost(newA, vehicle: A.vehicle, self), ca < costA - eps {
                        state.assign(ra, stops: newA, self); return true
                    }
                }
                // Or-opt: move u to just after v within the route.
                if movable, abs(i - j) > 1 {
                    let vn = node(after: j, in: A)
                    let delta = dist(a, b) - dist(a, u) - dist(u, b) + dist(v, u) + dist(u, vn) - dist(v, vn)
                    if delta < -eps || late {
                        var newA = A.stops
                        newA.remove(at: i)
                        newA.insert(u, at: i < j ? j : j + 1)
                        if let ca = evaluator.cost(newA, vehicle: A.vehicle, self), ca < costA - eps {
                            state.assign(ra, stops: newA, self); return true
                        }
                    }
                }
            }
        }
        return false
    }
}
