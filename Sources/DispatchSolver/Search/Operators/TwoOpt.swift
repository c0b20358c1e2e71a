/// Reverses the stretch of a route from `lowerPosition` to `upperPosition` (both included).
struct TwoOpt: RouteMove {
    /// The route.
    let route: Int
    /// The stretch reversed, `lowerPosition < upperPosition`.
    let lowerPosition: Int, upperPosition: Int

    var firstRoute: Int { route }
    var secondRoute: Int { route }

    /// The screen counts the two arcs that change ends; on an asymmetric matrix the reversed
    /// arcs inside the stretch change too, which only the exact evaluation sees.
    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let stops = state.routes[route]
        let before = stops.node(before: lowerPosition, p), after = stops.node(after: upperPosition, p)
        let lower = stops.stops[lowerPosition], upper = stops.stops[upperPosition]
        return p.dist(before, upper) + p.dist(lower, after) - p.dist(before, lower) - p.dist(upper, after)
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let stops = state.routes[self.route].stops
        sequence.append(contentsOf: stops[..<lowerPosition])
        sequence.append(contentsOf: stops[lowerPosition...upperPosition].reversed())
        sequence.append(contentsOf: stops[(upperPosition + 1)...])
    }

    /// O(stretch) on a schedule-free cost: the reversed stretch is a splice, walked once.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation {
        let stops = state.routes[route]
        let range = lowerPosition..<(upperPosition + 1)
        guard p.hasScheduleFreeCost, stops.feasible else {
            return p.spliceScreen(stops, replacing: range, with: stops.stops[lowerPosition...upperPosition].reversed())
        }
        return p.spliceDelta(stops, replacing: range, with: stops.stops[lowerPosition...upperPosition].reversed())
    }
}
