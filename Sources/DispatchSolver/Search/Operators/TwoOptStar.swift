/// Exchanges the tails of two routes (2-opt*, Potvin & Rousseau 1995): the first route keeps its
/// stops up to `firstPosition` and takes the second's after `secondPosition`, and vice versa.
struct TwoOptStar: RouteMove {
    /// The first route and the last position it keeps.
    let firstRoute: Int, firstPosition: Int
    /// The second route and the last position it keeps.
    let secondRoute: Int, secondPosition: Int

    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let first = state.routes[firstRoute], second = state.routes[secondRoute]
        let firstKept = first.stops[firstPosition], secondKept = second.stops[secondPosition]
        let firstNext = first.node(after: firstPosition, p), secondNext = second.node(after: secondPosition, p)
        var change = p.dist(firstKept, secondNext) + p.dist(secondKept, firstNext) - p.dist(firstKept, firstNext) - p.dist(secondKept, secondNext)
        // The tails also swap end places when the couriers end in different places.
        let firstEnd = p.vehicles[first.vehicle].endNode, secondEnd = p.vehicles[second.vehicle].endNode
        if firstEnd != secondEnd, let firstLast = first.stops.last, let secondLast = second.stops.last {
            change += p.dist(secondLast, firstEnd) + p.dist(firstLast, secondEnd) - p.dist(firstLast, firstEnd) - p.dist(secondLast, secondEnd)
        }
        return change
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let first = state.routes[firstRoute].stops, second = state.routes[secondRoute].stops
        if route == firstRoute {
            sequence.append(contentsOf: first[...firstPosition])
            sequence.append(contentsOf: second[(secondPosition + 1)...])
        } else {
            sequence.append(contentsOf: second[...secondPosition])
            sequence.append(contentsOf: first[(firstPosition + 1)...])
        }
    }
}
