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

    /// O(1) on a schedule-free cost with deliveries only, between couriers of one class (same
    /// shift, places, speed, capacity and skills, and no stop's own courier): each head reaches
    /// the other's tail by that tail's latest arrival, and each new route leaves the outlet with
    /// its head's deliveries and the other's tail's, its heaviest moment.
    func cachedEvaluation(_ state: SearchState, _ p: RoutingProblem) -> CachedEvaluation {
        let first = state.routes[firstRoute], second = state.routes[secondRoute]
        guard p.hasScheduleFreeCost, p.carriesDeliveriesOnly, p.vehicleClass[first.vehicle] == p.vehicleClass[second.vehicle],
              first.feasible, second.feasible else { return tripScreen(first, second, p) }
        let vehicle = p.vehicles[first.vehicle]
        /// Whether `head` up to `headEnd`, then `tail` from `tailStart`, is feasible.
        func joins(_ head: Route, _ headEnd: Int, _ tail: Route, _ tailStart: Int) -> Bool {
            let (tailNode, latest) = tail.next(at: tailStart, p)
            return head.departure[headEnd] + p.travel(head.stops[headEnd], tailNode, head.vehicle) <= latest + RoutingProblem.timeTolerance
                && head.loadKg[0] - head.loadKg[headEnd + 1] + tail.loadKg[tailStart] <= vehicle.capacityKg + 1e-9
                && head.loadLitres[0] - head.loadLitres[headEnd + 1] + tail.loadLitres[tailStart] <= vehicle.capacityLitres + 1e-9
        }
        guard joins(first, firstPosition, second, secondPosition + 1), joins(second, secondPosition, first, firstPosition + 1)
        else { return .infeasible }
        return .delta(p.objective.perDistance * distanceDelta(state, p))
    }

    /// Where the cost needs the schedule: `.infeasible` when a head surely reaches the other's
    /// tail after that tail's latest arrival, else `.needsSchedule`. A tail's latest arrivals
    /// depend only on its stops and reloads and on the courier's speed, shift end and end place,
    /// so only between couriers alike in those; and only where neither joint is at a reload and
    /// each head's departure is kept (see ``RoutingProblem/keepsDeparture(_:before:)``).
    private func tripScreen(_ first: Route, _ second: Route, _ p: RoutingProblem) -> CachedEvaluation {
        let one = p.vehicles[first.vehicle], other = p.vehicles[second.vehicle]
        guard first.feasible, second.feasible, one.timeScale == other.timeScale, one.shiftEnd == other.shiftEnd,
              one.endNode == other.endNode else { return .needsSchedule }
        func misses(_ head: Route, _ headEnd: Int, _ tail: Route, _ tailStart: Int) -> Bool {
            let (tailNode, latest) = tail.next(at: tailStart, p)
            guard !p.isReload(head.stops[headEnd]), tailStart == tail.stops.count || !p.isReload(tailNode),
                  p.keepsDeparture(head, before: headEnd + 1) else { return false }
            return head.departure[headEnd] + p.travel(head.stops[headEnd], tailNode, head.vehicle) > latest + RoutingProblem.timeTolerance
        }
        return misses(first, firstPosition, second, secondPosition + 1) || misses(second, secondPosition, first, firstPosition + 1)
            ? .infeasible : .needsSchedule
    }
}
