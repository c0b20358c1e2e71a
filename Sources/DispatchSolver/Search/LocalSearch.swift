import DispatchModel

/// Granular local search (Toth & Vigo 2003): for each stop and each of its nearest neighbours,
/// ask the operators in `Operators/` — ``Relocate``, ``Swap``, ``CrossExchange`` (or-opt between
/// routes included), ``TwoOptStar``, ``ShipmentRelocate`` and ``ShipmentSwap`` between routes,
/// ``TwoOpt`` and ``OrOpt`` within a route — and apply the first move that improves the objective.
/// Each move is screened in O(1) by its distance change, then evaluated exactly.
extension RoutingProblem {
    /// Neighbours looked at per stop.
    static let localSearchGranularity = 20

    /// Improves `state` to a local optimum (at most `maxPasses` passes, or until `deadline`).
    /// With `balancing`, on days that price fair days, a move of work from a longer working day
    /// to a shorter one is evaluated even when it lengthens the ride, as long as the ride it adds
    /// costs less than evening the two days out would save. The final polish balances; polishes
    /// inside the search do not: measured on the shipped outlet days at 10 s, seeds 1–7, the
    /// rainy day ended 1.6 % dearer (fewer steps, longer rides) when every polish balanced.
    func localSearch(_ state: inout SearchState, rng: inout SplitMix64, maxPasses: Int = 50,
                     deadline: ContinuousClock.Instant? = nil, balancing: Bool = false) {
        var evaluator = SequenceEvaluator(self)
        let clock = ContinuousClock()
        var order = (0..<stopCount).filter { state.routeOf[$0] >= 0 }
        var passes = 0
        var improved = true
        while improved, passes < maxPasses {
            improved = false
            passes += 1
            // Whole days and trips first (few, cheap to try), then stop by stop.
            while swapCouriers(&state, evaluator: &evaluator, until: deadline) {
                improved = true
                if let deadline, clock.now >= deadline { return }
            }
            while relocateTrip(&state, evaluator: &evaluator, until: deadline) {
                improved = true
                if let deadline, clock.now >= deadline { return }
            }
            for r in state.routes.indices {
                while improveTrips(&state, route: r, evaluator: &evaluator) { improved = true }
            }
            order.shuffle(using: &rng)
            for stop in order where state.routeOf[stop] >= 0 {
                if let deadline, clock.now >= deadline { return }
                if improveAround(stop, balancing: balancing, &state, &evaluator) { improved = true }
            }
        }
    }

    /// Applies `move` when its exact delta improves the objective. The exact delta is computed
    /// only when the move's distance change, priced, is below `allowance` (0: the ride must get
    /// shorter; a late stop may move to a longer but earlier place, a fair day may pay for a
    /// longer ride with the squared working minutes it evens out).
    @inline(__always)
    private func applyIfImproving<Move: RouteMove>(_ move: Move, allowance: Double = 0,
                                                   _ state: inout SearchState, _ evaluator: inout SequenceEvaluator) -> Bool {
        let tolerance = 1e-7
        let price = objective.perDistance > 0 ? objective.perDistance : 1
        guard allowance == .infinity || price * move.distanceDelta(state, self) < allowance - tolerance,
              let delta = move.delta(state, self, evaluator: &evaluator), delta < -tolerance else { return false }
        move.apply(&state, self)
        return true
    }

    /// Tries the moves between `stop` and each of its nearest neighbours; applies the first
    /// improving one.
    private func improveAround(_ stop: Int, balancing balances: Bool, _ state: inout SearchState, _ evaluator: inout SequenceEvaluator) -> Bool {
        for neighbour32 in neighbours[stop].prefix(Self.localSearchGranularity) {
            let neighbour = Int(neighbour32)
            let stopRoute = state.routeOf[stop], neighbourRoute = state.routeOf[neighbour]
            guard stopRoute >= 0, neighbourRoute >= 0 else { continue }
            let stopPosition = state.position[stop], neighbourPosition = state.position[neighbour]
            let late = objective.latenessPerMinute > 0 && state.routes[stopRoute].start[stopPosition] > promiseEnd[stop]
            let single = partner[stop] < 0
            let lateAllowance = late ? Double.infinity : 0
            if stopRoute != neighbourRoute {
                // Fair days: work moving from a longer working day to a shorter one can pay for a
                // longer ride, up to what evening the two days out would save: w·(a − b)²/2 for
                // days of a and b working minutes.
                let gap = state.routes[stopRoute].duration - state.routes[neighbourRoute].duration
                let balancing = balances && gap > 0 ? objective.perSquaredWorkingMinute * gap * gap / 2 : 0
                if single, applyIfImproving(Relocate(fromRoute: stopRoute, fromPosition: stopPosition, toRoute: neighbourRoute,
                                                     afterPosition: neighbourPosition), allowance: max(lateAllowance, balancing), &state, &evaluator) {
                    return true
                }
                if single, partner[neighbour] < 0,
                   applyIfImproving(Swap(firstRoute: stopRoute, firstPosition: stopPosition, secondRoute: neighbourRoute,
                                         secondPosition: neighbourPosition), allowance: lateAllowance, &state, &evaluator) {
                    return true
                }
                // Strings of up to three stops from the stop's place and the neighbour's; (1, 1)
                // is the swap and (1, 0) a relocate before the neighbour.
                let stopCountA = state.routes[stopRoute].stops.count, stopCountB = state.routes[neighbourRoute].stops.count
                for firstLength in 1...CrossExchange.maxLength where stopPosition + firstLength <= stopCountA {
                    for secondLength in 0...CrossExchange.maxLength
                    where neighbourPosition + secondLength <= stopCountB && !(firstLength == 1 && secondLength <= 1) {
                        let move = CrossExchange(firstRoute: stopRoute, firstStart: stopPosition, firstLength: firstLength,
                                                 secondRoute: neighbourRoute, secondStart: neighbourPosition, secondLength: secondLength)
                        if applyIfImproving(move, allowance: firstLength > secondLength ? balancing : 0, &state, &evaluator) { return true }
                    }
                }
                if applyIfImproving(TwoOptStar(firstRoute: stopRoute, firstPosition: stopPosition, secondRoute: neighbourRoute,
                                               secondPosition: neighbourPosition), &state, &evaluator) {
                    return true
                }
                if !single {
                    if isShipmentPickup[stop],
                       let move = ShipmentRelocate.cheapest(fromRoute: stopRoute, pickupPosition: stopPosition, toRoute: neighbourRoute,
                                                            pickupAfter: neighbourPosition, state, self),
                       applyIfImproving(move, &state, &evaluator) {
                        return true
                    }
                    if let move = ShipmentSwap.of(stop, neighbour, state, self), applyIfImproving(move, &state, &evaluator) {
                        return true
                    }
                }
            } else if stopPosition != neighbourPosition {
                let move = TwoOpt(route: stopRoute, lowerPosition: min(stopPosition, neighbourPosition),
                                  upperPosition: max(stopPosition, neighbourPosition))
                if applyIfImproving(move, &state, &evaluator) { return true }
                let count = state.routes[stopRoute].stops.count
                for length in 1...OrOpt.maxLength
                where OrOpt.isValid(start: stopPosition, length: length, afterPosition: neighbourPosition, count: count) {
                    let move = OrOpt(route: stopRoute, start: stopPosition, length: length, afterPosition: neighbourPosition)
                    if applyIfImproving(move, allowance: length == 1 ? lateAllowance : 0, &state, &evaluator) { return true }
                }
            }
        }
        return false
    }
}
