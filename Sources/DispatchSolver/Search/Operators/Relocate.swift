/// Moves one stop to just after a stop of another route.
struct Relocate: RouteMove {
    /// The route the stop leaves and its position there.
    let fromRoute: Int, fromPosition: Int
    /// The route it joins and the position it follows there.
    let toRoute: Int, afterPosition: Int

    var firstRoute: Int { fromRoute }
    var secondRoute: Int { toRoute }

    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let from = state.routes[fromRoute], to = state.routes[toRoute]
        let stop = from.stops[fromPosition]
        let before = from.node(before: fromPosition, p), after = from.node(after: fromPosition, p)
        let target = to.stops[afterPosition], targetNext = to.node(after: afterPosition, p)
        return p.dist(before, after) - p.dist(before, stop) - p.dist(stop, after)
            + p.dist(target, stop) + p.dist(stop, targetNext) - p.dist(target, targetNext)
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let from = state.routes[fromRoute].stops
        if route == fromRoute {
            sequence.append(contentsOf: from[..<fromPosition])
            sequence.append(contentsOf: from[(fromPosition + 1)...])
        } else {
            let to = state.routes[toRoute].stops
            sequence.append(contentsOf: to[...afterPosition])
            sequence.append(from[fromPosition])
            sequence.append(contentsOf: to[(afterPosition + 1)...])
        }
    }

    /// O(1) on a schedule-free cost: the stop's removal and its insertion, each a splice checked
    /// against the next stop's latest arrival and the load maxima.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation {
        let from = state.routes[fromRoute], to = state.routes[toRoute]
        guard p.hasScheduleFreeCost, from.feasible, to.feasible else {
            return p.spliceScreen(to, replacing: (afterPosition + 1)..<(afterPosition + 1), with: from.stops[fromPosition...fromPosition])
        }
        return p.spliceDelta(from, replacing: fromPosition..<(fromPosition + 1), with: from.stops[fromPosition..<fromPosition])
            .combined(with: p.spliceDelta(to, replacing: (afterPosition + 1)..<(afterPosition + 1), with: from.stops[fromPosition...fromPosition]))
    }
}
