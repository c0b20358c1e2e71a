/// Moves a shipment — its pickup and its delivery together — to another route: the pickup just
/// after `pickupAfter`, the delivery just after `deliveryAfter` (positions in the target route
/// before the move; equal positions put the delivery right behind the pickup).
struct ShipmentRelocate: RouteMove {
    /// The route the shipment leaves, and the positions of its pickup and delivery there.
    let fromRoute: Int, pickupPosition: Int, deliveryPosition: Int
    /// The route it joins and the positions its halves follow, `pickupAfter ≤ deliveryAfter`.
    let toRoute: Int, pickupAfter: Int, deliveryAfter: Int

    var firstRoute: Int { fromRoute }
    var secondRoute: Int { toRoute }

    /// The move that puts the pickup after `pickupAfter` and the delivery where it adds the least
    /// distance later on the same trip (before the next reload), or `nil` when the stop at
    /// `pickupPosition` is not a shipment pickup of `fromRoute`.
    static func cheapest(fromRoute: Int, pickupPosition: Int, toRoute: Int, pickupAfter: Int,
                         _ state: SearchState, _ p: RoutingProblem) -> ShipmentRelocate? {
        let from = state.routes[fromRoute], to = state.routes[toRoute]
        let pickup = from.stops[pickupPosition]
        guard p.isShipmentPickup[pickup], p.partner[pickup] >= 0, state.routeOf[p.partner[pickup]] == fromRoute else { return nil }
        let delivery = p.partner[pickup]
        guard state.position[delivery] > pickupPosition else { return nil }
        var bestAfter = pickupAfter
        var bestCost = Double.infinity
        var k = pickupAfter
        while k < to.stops.count, k == pickupAfter || !p.isReload(to.stops[k]) {
            let next = to.node(after: k, p)
            let previous = k == pickupAfter ? pickup : to.stops[k]
            let cost = p.dist(previous, delivery) + p.dist(delivery, next) - p.dist(previous, next)
            if cost < bestCost { bestCost = cost; bestAfter = k }
            k += 1
        }
        return ShipmentRelocate(fromRoute: fromRoute, pickupPosition: pickupPosition, deliveryPosition: state.position[delivery],
                                toRoute: toRoute, pickupAfter: pickupAfter, deliveryAfter: bestAfter)
    }

    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let from = state.routes[fromRoute], to = state.routes[toRoute]
        let pickup = from.stops[pickupPosition], delivery = from.stops[deliveryPosition]
        var change: Double
        if deliveryPosition == pickupPosition + 1 {
            let before = from.node(before: pickupPosition, p), after = from.node(after: deliveryPosition, p)
            change = p.dist(before, after) - p.dist(before, pickup) - p.dist(pickup, delivery) - p.dist(delivery, after)
        } else {
            change = Self.removal(pickupPosition, from, p) + Self.removal(deliveryPosition, from, p)
        }
        let target = to.stops[pickupAfter], targetNext = to.node(after: pickupAfter, p)
        if deliveryAfter == pickupAfter {
            change += p.dist(target, pickup) + p.dist(pickup, delivery) + p.dist(delivery, targetNext) - p.dist(target, targetNext)
        } else {
            let deliveryTarget = to.stops[deliveryAfter], deliveryNext = to.node(after: deliveryAfter, p)
            change += p.dist(target, pickup) + p.dist(pickup, targetNext) - p.dist(target, targetNext)
                + p.dist(deliveryTarget, delivery) + p.dist(delivery, deliveryNext) - p.dist(deliveryTarget, deliveryNext)
        }
        return change
    }

    /// The distance change of taking the stop at `position` out of `route` alone.
    private static func removal(_ position: Int, _ route: Route, _ p: RoutingProblem) -> Double {
        let stop = route.stops[position], before = route.node(before: position, p), after = route.node(after: position, p)
        return p.dist(before, after) - p.dist(before, stop) - p.dist(stop, after)
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let from = state.routes[fromRoute].stops
        if route == fromRoute {
            sequence.append(contentsOf: from[..<pickupPosition])
            sequence.append(contentsOf: from[(pickupPosition + 1)..<deliveryPosition])
            sequence.append(contentsOf: from[(deliveryPosition + 1)...])
        } else {
            let to = state.routes[toRoute].stops
            sequence.append(contentsOf: to[...pickupAfter])
            sequence.append(from[pickupPosition])
            sequence.append(contentsOf: to[(pickupAfter + 1)..<(deliveryAfter + 1)])
            sequence.append(from[deliveryPosition])
            sequence.append(contentsOf: to[(deliveryAfter + 1)...])
        }
    }
}
