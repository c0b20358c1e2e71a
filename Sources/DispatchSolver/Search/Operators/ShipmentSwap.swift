/// Exchanges two shipments of different routes: each pickup takes the other's pickup's place
/// and each delivery the other's delivery's place.
struct ShipmentSwap: RouteMove {
    /// The first shipment's route and the positions of its pickup and delivery.
    let firstRoute: Int, firstPickup: Int, firstDelivery: Int
    /// The second shipment's route and the positions of its pickup and delivery.
    let secondRoute: Int, secondPickup: Int, secondDelivery: Int

    /// The swap of the shipments of the stops `stop` and `other` (either half of each), or `nil`
    /// when one is not a shipment half or both are in the same route.
    static func of(_ stop: Int, _ other: Int, _ state: SearchState, _ p: RoutingProblem) -> ShipmentSwap? {
        guard p.partner[stop] >= 0, p.partner[other] >= 0 else { return nil }
        let firstRoute = state.routeOf[stop], secondRoute = state.routeOf[other]
        guard firstRoute >= 0, secondRoute >= 0, firstRoute != secondRoute,
              state.routeOf[p.partner[stop]] == firstRoute, state.routeOf[p.partner[other]] == secondRoute else { return nil }
        let firstPickup = p.isShipmentPickup[stop] ? stop : p.partner[stop]
        let secondPickup = p.isShipmentPickup[other] ? other : p.partner[other]
        return ShipmentSwap(firstRoute: firstRoute, firstPickup: state.position[firstPickup], firstDelivery: state.position[p.partner[firstPickup]],
                            secondRoute: secondRoute, secondPickup: state.position[secondPickup], secondDelivery: state.position[p.partner[secondPickup]])
    }

    func distanceDelta(_ state: SearchState, _ p: RoutingProblem) -> Double {
        let first = state.routes[firstRoute], second = state.routes[secondRoute]
        return Self.replacement(in: first, firstPickup, by: second.stops[secondPickup], firstDelivery, by: second.stops[secondDelivery], p)
            + Self.replacement(in: second, secondPickup, by: first.stops[firstPickup], secondDelivery, by: first.stops[firstDelivery], p)
    }

    /// The distance change of putting `newEarlier` at `earlier` and `newLater` at `later`
    /// (`earlier < later`) in `route`.
    private static func replacement(in route: Route, _ earlier: Int, by newEarlier: Int, _ later: Int, by newLater: Int,
                                    _ p: RoutingProblem) -> Double {
        let oldEarlier = route.stops[earlier], oldLater = route.stops[later]
        let beforeEarlier = route.node(before: earlier, p), afterLater = route.node(after: later, p)
        if later == earlier + 1 {
            return p.dist(beforeEarlier, newEarlier) + p.dist(newEarlier, newLater) + p.dist(newLater, afterLater)
                - p.dist(beforeEarlier, oldEarlier) - p.dist(oldEarlier, oldLater) - p.dist(oldLater, afterLater)
        }
        let afterEarlier = route.node(after: earlier, p), beforeLater = route.node(before: later, p)
        return p.dist(beforeEarlier, newEarlier) + p.dist(newEarlier, afterEarlier) - p.dist(beforeEarlier, oldEarlier) - p.dist(oldEarlier, afterEarlier)
            + p.dist(beforeLater, newLater) + p.dist(newLater, afterLater) - p.dist(beforeLater, oldLater) - p.dist(oldLater, afterLater)
    }

    func writeStops(ofRoute route: Int, _ state: SearchState, _ p: RoutingProblem, into sequence: inout [Int]) {
        let first = state.routes[firstRoute].stops, second = state.routes[secondRoute].stops
        let (own, pickup, delivery, newPickup, newDelivery) = route == firstRoute
            ? (first, firstPickup, firstDelivery, second[secondPickup], second[secondDelivery])
            : (second, secondPickup, secondDelivery, first[firstPickup], first[firstDelivery])
        sequence.append(contentsOf: own[..<pickup])
        sequence.append(newPickup)
        sequence.append(contentsOf: own[(pickup + 1)..<delivery])
        sequence.append(newDelivery)
        sequence.append(contentsOf: own[(delivery + 1)...])
    }
}
