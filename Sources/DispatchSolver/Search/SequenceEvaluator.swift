/// Exact cost of a candidate stop sequence (reloads included) for one vehicle, recomputed from
/// scratch in O(length) by the one schedule computation, ``Route/update(_:scope:)`` (cost and
/// feasibility only: the caches a priced-and-discarded route never needs are skipped), on a scratch
/// route whose storage is reused. The local search screens moves in O(1) by distance first, so
/// this runs only on promising moves.
struct SequenceEvaluator {
    private var scratch = Route(vehicle: 0)
    /// A scratch route per route of the state, for candidates that rewrite that route: the
    /// candidate differs from the last one priced there only around the move, so the arc caches
    /// are read from the matrix only there (a shared scratch alternates between routes and
    /// rereads every leg: a fifth of a local search's time on the shipped peak day).
    private var routeScratch: [Route] = []

    init(_ p: RoutingProblem) {}

    /// The route cost of `stops` on vehicle `v`, or `nil` when infeasible.
    mutating func cost(_ stops: [Int], vehicle v: Int, _ p: RoutingProblem) -> Double? {
        cost(vehicle: v, p) { $0.append(contentsOf: stops) }
    }

    /// The route cost on vehicle `v` of the sequence that `write` appends to an empty buffer, or
    /// `nil` when infeasible. The buffer is the scratch route's own, so a move writes its
    /// candidate without allocating.
    mutating func cost(vehicle v: Int, _ p: RoutingProblem, writing write: (inout [Int]) -> Void) -> Double? {
        scratch.stops.removeAll(keepingCapacity: true)
        return price(vehicle: v, p, writing: write)
    }

    /// ``cost(vehicle:_:writing:)`` of a candidate that rewrites route `r` of the state, priced
    /// on that route's own scratch route: the same number.
    mutating func cost(rewriting r: Int, vehicle v: Int, _ p: RoutingProblem, writing write: (inout [Int]) -> Void) -> Double? {
        while routeScratch.count <= r { routeScratch.append(Route(vehicle: 0)) }
        swap(&scratch, &routeScratch[r])
        defer { swap(&scratch, &routeScratch[r]) }
        scratch.stops.removeAll(keepingCapacity: true)
        return price(vehicle: v, p, writing: write)
    }

    private mutating func price(vehicle v: Int, _ p: RoutingProblem, writing write: (inout [Int]) -> Void) -> Double? {
        write(&scratch.stops)
        guard !scratch.stops.isEmpty else { return 0 }
        for s in scratch.stops where !p.isReload(s) {
            guard p.canServe(v, s) else { return nil }
        }
        scratch.vehicle = v
        scratch.update(p, scope: .costOnly)
        guard scratch.feasible, scratch.complete else { return nil }
        return scratch.cost(p)
    }
}
