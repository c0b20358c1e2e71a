/// A local-search move that rewrites one route or two: each operator (``Relocate``, ``Swap``,
/// ``CrossExchange``, ``TwoOptStar``, ``TwoOpt``, ``OrOpt``, ``ShipmentRelocate``,
/// ``ShipmentSwap``) is a value that says which stops go where, screens itself in O(1) by its
/// distance change, and writes the new stop sequences it makes.
///
/// `delta` and `apply` are shared: `delta` is the exact change of the whole objective (distance,
/// couriers sent out, promise lateness, per-minute and fair-day terms, off-territory stops).
/// An operator that can read it from the routes' caches says so in `cachedEvaluation`: every
/// operator but the shipment moves does when the cost does not depend on the time, as on every
/// literature instance (O(1) for relocate, swap and 2-opt*, O(string or stretch) for the others).
/// Where the cost needs the schedule (outlet days: trips, promises, working minutes), the same
/// caches still rule out, unscheduled, the moves that surely break a window, the shift end or a
/// capacity (``RoutingProblem/spliceScreen(_:replacing:with:)``: four moves in five that the
/// local search prices on the shipped outlet day are infeasible); the others' new sequences are
/// written into the evaluator's reused buffer and scheduled by
/// the one schedule computation, ``Route/update(_:scope:)``, in O(route length) and without
/// allocating. `apply` writes the same sequences into the routes. The screen only decides which
/// moves are worth that exact evaluation.
protocol RouteMove {
    /// The route the move changes.
    var firstRoute: Int { get }
    /// The other route it changes; equal to ``firstRoute`` for a move inside one route.
    var secondRoute: Int { get }
    /// The change in travelled distance, O(1): a screen, not the move's cost (reloads that the
    /// move leaves idle are dropped, and time and load are not looked at).
    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double
    /// Appends the new stop sequence of `route` (``firstRoute`` or ``secondRoute``) to `sequence`.
    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int])
    /// The move's cost from the routes' caches in O(1), where they settle it.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation
}

extension RouteMove {
    /// By default the caches do not settle a move.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation { .needsSchedule }

    /// The exact change of the objective if the move were applied, or `nil` when a changed route
    /// would break a window, the shift end, a capacity, a skill or a shipment's order and trip.
    func delta(_ state: SearchState, _ p: RoutingProblem, evaluator: inout SequenceEvaluator) -> Double? {
        switch cachedEvaluation(state, p) {
        case .delta(let change): return change
        case .infeasible: return nil
        case .needsSchedule: break
        }
        let first = state.routes[firstRoute]
        guard let firstCost = evaluator.cost(rewriting: firstRoute, vehicle: first.vehicle, p, writing: { writeStops(ofRoute: firstRoute, state, p, into: &$0) })
        else { return nil }
        var change = firstCost - first.cost(p)
        if secondRoute != firstRoute {
            let second = state.routes[secondRoute]
            guard let secondCost = evaluator.cost(rewriting: secondRoute, vehicle: second.vehicle, p, writing: { writeStops(ofRoute: secondRoute, state, p, into: &$0) })
            else { return nil }
            change += secondCost - second.cost(p)
        }
        return change
    }

    /// Rewrites the changed routes and refreshes their caches and the stops' positions.
    func apply(_ state: inout SearchState, _ p: RoutingProblem) {
        var firstStops: [Int] = []
        writeStops(ofRoute: firstRoute, state, p, into: &firstStops)
        if secondRoute != firstRoute {
            var secondStops: [Int] = []
            writeStops(ofRoute: secondRoute, state, p, into: &secondStops)
            state.assign(secondRoute, stops: secondStops, p)
        }
        state.assign(firstRoute, stops: firstStops, p)
    }
}

extension Route {
    /// The node just before position `k`: the start place for k = 0.
    @inline(__always)
    func node(before k: Int, _ p: RoutingProblem) -> Int {
        k > 0 ? stops[k - 1] : p.vehicles[vehicle].startNode
    }

    /// The node just after position `k`: the end place after the last stop.
    @inline(__always)
    func node(after k: Int, _ p: RoutingProblem) -> Int {
        k + 1 < stops.count ? stops[k + 1] : p.vehicles[vehicle].endNode
    }
}
