/// Exchanges two stops of different routes, each taking the other's place.
struct Swap: RouteMove {
    /// The first stop's route and position.
    let firstRoute: Int, firstPosition: Int
    /// The second stop's route and position.
    let secondRoute: Int, secondPosition: Int

    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let first = state.routes[firstRoute], second = state.routes[secondRoute]
        let firstStop = first.stops[firstPosition], secondStop = second.stops[secondPosition]
        let firstBefore = first.node(before: firstPosition, p), firstAfter = first.node(after: firstPosition, p)
        let secondBefore = second.node(before: secondPosition, p), secondAfter = second.node(after: secondPosition, p)
        return p.dist(firstBefore, secondStop) + p.dist(secondStop, firstAfter) - p.dist(firstBefore, firstStop) - p.dist(firstStop, firstAfter)
            + p.dist(secondBefore, firstStop) + p.dist(firstStop, secondAfter) - p.dist(secondBefore, secondStop) - p.dist(secondStop, secondAfter)
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let first = state.routes[firstRoute].stops, second = state.routes[secondRoute].stops
        let (own, position, incoming) = route == firstRoute
            ? (first, firstPosition, second[secondPosition]) : (second, secondPosition, first[firstPosition])
        sequence.append(contentsOf: own[..<position])
        sequence.append(incoming)
        sequence.append(contentsOf: own[(position + 1)...])
    }

    /// O(1) on a schedule-free cost: each stop takes the other's place, a splice checked against
    /// the latest arrival after it and the load maxima before and after it.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation {
        let first = state.routes[firstRoute], second = state.routes[secondRoute]
        guard p.hasScheduleFreeCost, first.feasible, second.feasible else {
            return p.spliceScreen(first, replacing: firstPosition..<(firstPosition + 1), with: second.stops[secondPosition...secondPosition])
                .combined(with: p.spliceScreen(second, replacing: secondPosition..<(secondPosition + 1), with: first.stops[firstPosition...firstPosition]))
        }
        return p.spliceDelta(first, replacing: firstPosition..<(firstPosition + 1), with: second.stops[secondPosition...secondPosition])
            .combined(with: p.spliceDelta(second, replacing: secondPosition..<(secondPosition + 1), with: first.stops[firstPosition...firstPosition]))
    }
}
