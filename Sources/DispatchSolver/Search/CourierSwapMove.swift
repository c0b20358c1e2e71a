extension RoutingProblem {
    /// Gives two couriers each other's whole day when that costs less: couriers differ in
    /// shift, speed, capacity, skills and territory, so the same sequence can be cheaper on
    /// the other one (an evening courier for the evening trip). Exact evaluation of both
    /// routes; applies the best improving swap of any pair. O(couriers² × route length).
    ///
    /// Past `deadline` the scan stops and the best swap found so far is applied: on a day of a
    /// thousand couriers one scan prices half a million pairs.
    func swapCouriers(_ state: inout SearchState, evaluator: inout SequenceEvaluator,
                      until deadline: ContinuousClock.Instant? = nil) -> Bool {
        var best: (Int, Int)?
        var bestGain = 1e-7
        let routes = state.routes
        let clock = ContinuousClock()
        for a in routes.indices {
            if let deadline, clock.now >= deadline { break }
            for b in (a + 1)..<max(routes.count, a + 1) where !(routes[a].isEmpty && routes[b].isEmpty)
                && vehicleClass[routes[a].vehicle] != vehicleClass[routes[b].vehicle] {
                let before = routes[a].cost(self) + routes[b].cost(self)
                guard let aOnB = evaluator.cost(routes[a].stops, vehicle: routes[b].vehicle, self),
                      let bOnA = evaluator.cost(routes[b].stops, vehicle: routes[a].vehicle, self) else { continue }
                let gain = before - aOnB - bOnA
                if gain > bestGain { bestGain = gain; best = (a, b) }
            }
        }
        guard let (a, b) = best else { return false }
        let stopsOfA = state.routes[a].stops
        state.assign(a, stops: state.routes[b].stops, self)
        state.assign(b, stops: stopsOfA, self)
        return true
    }
}
