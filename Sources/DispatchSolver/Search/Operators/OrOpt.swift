/// Moves a string of one to three stops of a route to just after another position of the same
/// route (Or 1976).
struct OrOpt: RouteMove {
    /// The route.
    let route: Int
    /// The string: its first position and length (≥ 1).
    let start: Int, length: Int
    /// The position the string follows, outside the string and not just before it.
    let afterPosition: Int

    var firstRoute: Int { route }
    var secondRoute: Int { route }

    /// Longest string moved.
    static let maxLength = 3

    /// Whether the move changes the route: `afterPosition` lies outside the string and not just
    /// before it.
    static func isValid(start: Int, length: Int, afterPosition: Int, count: Int) -> Bool {
        length >= 1 && start >= 0 && start + length <= count && afterPosition >= 0 && afterPosition < count
            && (afterPosition < start - 1 || afterPosition >= start + length)
    }

    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let stops = state.routes[route]
        let head = stops.stops[start], tail = stops.stops[start + length - 1]
        let before = stops.node(before: start, p), after = stops.node(after: start + length - 1, p)
        let target = stops.stops[afterPosition], targetNext = stops.node(after: afterPosition, p)
        return p.dist(before, after) - p.dist(before, head) - p.dist(tail, after)
            + p.dist(target, head) + p.dist(tail, targetNext) - p.dist(target, targetNext)
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let stops = state.routes[self.route].stops
        let end = start + length
        if afterPosition < start {
            sequence.append(contentsOf: stops[...afterPosition])
            sequence.append(contentsOf: stops[start..<end])
            sequence.append(contentsOf: stops[(afterPosition + 1)..<start])
            sequence.append(contentsOf: stops[end...])
        } else {
            sequence.append(contentsOf: stops[..<start])
            sequence.append(contentsOf: stops[end...afterPosition])
            sequence.append(contentsOf: stops[start..<end])
            sequence.append(contentsOf: stops[(afterPosition + 1)...])
        }
    }

    /// O(distance moved) on a schedule-free cost: the string and the stops it passes trade
    /// places, a splice walked once.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation {
        let stops = state.routes[route]
        let end = start + length
        let range: Range<Int>, reordered: ChainedStops
        if afterPosition < start {
            range = (afterPosition + 1)..<end
            reordered = ChainedStops(first: stops.stops[start..<end], second: stops.stops[(afterPosition + 1)..<start])
        } else {
            range = start..<(afterPosition + 1)
            reordered = ChainedStops(first: stops.stops[end...afterPosition], second: stops.stops[start..<end])
        }
        guard p.hasScheduleFreeCost, stops.feasible else { return p.spliceScreen(stops, replacing: range, with: reordered) }
        return p.spliceDelta(stops, replacing: range, with: reordered)
    }
}
