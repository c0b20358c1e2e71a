/// Exchanges a string of stops of one route with a string of another (Taillard et al. 1997);
/// an empty second string moves the first one into the other route before its `secondStart`
/// (or-opt between routes).
struct CrossExchange: RouteMove {
    /// The first string: its route, first position and length (≥ 1).
    let firstRoute: Int, firstStart: Int, firstLength: Int
    /// The second string: its route, first position and length (≥ 0; with 0 the first string
    /// goes in before position `secondStart`, which may be the route's end).
    let secondRoute: Int, secondStart: Int, secondLength: Int

    /// Longest string the local search exchanges.
    static let maxLength = 3

    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let first = state.routes[firstRoute], second = state.routes[secondRoute]
        let firstHead = first.stops[firstStart], firstTail = first.stops[firstStart + firstLength - 1]
        let firstBefore = first.node(before: firstStart, p), firstAfter = first.node(after: firstStart + firstLength - 1, p)
        let secondBefore = second.node(before: secondStart, p)
        let secondAfter = secondLength > 0 ? second.node(after: secondStart + secondLength - 1, p)
            : (secondStart < second.stops.count ? second.stops[secondStart] : p.vehicles[second.vehicle].endNode)
        var change = p.dist(secondBefore, firstHead) + p.dist(firstTail, secondAfter) - p.dist(firstBefore, firstHead) - p.dist(firstTail, firstAfter)
        if secondLength > 0 {
            let secondHead = second.stops[secondStart], secondTail = second.stops[secondStart + secondLength - 1]
            change += p.dist(firstBefore, secondHead) + p.dist(secondTail, firstAfter) - p.dist(secondBefore, secondHead) - p.dist(secondTail, secondAfter)
        } else {
            change += p.dist(firstBefore, firstAfter) - p.dist(secondBefore, secondAfter)
        }
        return change
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let first = state.routes[firstRoute].stops, second = state.routes[secondRoute].stops
        let firstString = first[firstStart..<(firstStart + firstLength)]
        let secondString = second[secondStart..<(secondStart + secondLength)]
        if route == firstRoute {
            sequence.append(contentsOf: first[..<firstStart])
            sequence.append(contentsOf: secondString)
            sequence.append(contentsOf: first[(firstStart + firstLength)...])
        } else {
            sequence.append(contentsOf: second[..<secondStart])
            sequence.append(contentsOf: firstString)
            sequence.append(contentsOf: second[(secondStart + secondLength)...])
        }
    }

    /// O(string length) on a schedule-free cost: each string takes the other's place, a splice
    /// checked against the latest arrival after it and the load maxima before and after it.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation {
        let first = state.routes[firstRoute], second = state.routes[secondRoute]
        let firstRange = firstStart..<(firstStart + firstLength), secondRange = secondStart..<(secondStart + secondLength)
        guard p.hasScheduleFreeCost, first.feasible, second.feasible else {
            return p.spliceScreen(first, replacing: firstRange, with: second.stops[secondRange])
                .combined(with: p.spliceScreen(second, replacing: secondRange, with: first.stops[firstRange]))
        }
        return p.spliceDelta(first, replacing: firstRange, with: second.stops[secondRange])
            .combined(with: p.spliceDelta(second, replacing: secondRange, with: first.stops[firstRange]))
    }
}
