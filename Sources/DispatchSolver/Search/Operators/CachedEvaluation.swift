/// What a move's cost is, as far as the changed routes' caches can tell in O(1) (the forward
/// departures and backward latest arrivals, and the load maxima, that ``Route/update(_:scope:)``
/// keeps: the prefix and suffix summaries of Kindervater & Savelsbergh 1997).
enum CachedEvaluation {
    /// The exact change of the objective.
    case delta(Double)
    /// A changed route would break a window, the shift end, a capacity or a skill.
    case infeasible
    /// The caches do not settle it (a time-dependent cost, trips, shipments, or a route that is
    /// already infeasible): the new sequences must be scheduled.
    case needsSchedule
}

extension RoutingProblem {
    /// The exact objective change of taking the single stop at `position` out of a feasible
    /// `route`, or `nil` when the stops after it could no longer be reached in time (possible
    /// only where travel times break the triangle inequality). Valid when
    /// ``hasScheduleFreeCost``: the load only falls, and no cost depends on the time.
    @inline(__always)
    func removalDelta(_ route: Route, at position: Int) -> Double? {
        let stop = route.stops[position]
        let (before, leaving) = route.departure(before: position, self)
        let (after, latest) = route.next(at: position + 1, self)
        guard leaving + travel(before, after, route.vehicle) <= latest + Self.timeTolerance else { return nil }
        var change = objective.perDistance * (dist(before, after) - dist(before, stop) - dist(stop, after))
        if route.stops.count == 1 { change -= objective.perCourier }
        if preferredVehicle[stop] >= 0, preferredVehicle[stop] != route.vehicle { change -= objective.offTerritory }
        return change
    }

    /// The exact objective change of putting the single stop `incoming` in place of the one at
    /// `position` of a feasible `route`, or `nil` when that breaks a window, the shift end, a
    /// capacity or a skill. Valid when ``hasScheduleFreeCost``.
    @inline(__always)
    func replacementDelta(_ route: Route, at position: Int, by incoming: Int) -> Double? {
        let vehicle = vehicles[route.vehicle]
        guard canServe(route.vehicle, incoming) else { return nil }
        let outgoing = route.stops[position]
        // Deliveries ride from the outlet to their stop, pickups from their stop to the end.
        let kgBefore = route.prefixMaxKg[position] + deliveryKg[incoming] - deliveryKg[outgoing]
        let kgAfter = route.suffixMaxKg[position + 1] + pickupKg[incoming] - pickupKg[outgoing]
        let litresBefore = route.prefixMaxLitres[position] + deliveryLitres[incoming] - deliveryLitres[outgoing]
        let litresAfter = route.suffixMaxLitres[position + 1] + pickupLitres[incoming] - pickupLitres[outgoing]
        guard max(kgBefore, kgAfter) <= vehicle.capacityKg + 1e-9, max(litresBefore, litresAfter) <= vehicle.capacityLitres + 1e-9
        else { return nil }
        let (before, leaving) = route.departure(before: position, self)
        let (after, latest) = route.next(at: position + 1, self)
        guard let start = serviceStart(incoming, arrival: leaving + travel(before, incoming, route.vehicle)),
              start + service[incoming] + travel(incoming, after, route.vehicle) <= latest + Self.timeTolerance else { return nil }
        var change = objective.perDistance * (dist(before, incoming) + dist(incoming, after) - dist(before, outgoing) - dist(outgoing, after))
        if preferredVehicle[incoming] >= 0, preferredVehicle[incoming] != route.vehicle { change += objective.offTerritory }
        if preferredVehicle[outgoing] >= 0, preferredVehicle[outgoing] != route.vehicle { change -= objective.offTerritory }
        return change
    }
}
