extension Scenario {
    /// The ride between two places for `courier`, straight from the travel model: minutes and
    /// distance (km, or the instance's unit). The checker and the validator compute rides with it;
    /// the solver keeps its own matrices, so the checker stays independent of the code it checks.
    /// A measured matrix is looked up by the places' ids (+∞ when a pair is missing).
    public func ride(from a: Location, fromID: String, to b: Location, toID: String, courier: Courier) -> (minutes: Double, distance: Double) {
        switch travel {
        case let .haversine(detour, speedFactor):
            let km = a.kilometres(to: b) * detour
            return (km / (courier.speedKmh * speedFactor) * 60, km)
        case .euclidean(let unitsPerMinute):
            let d = a.planarDistance(to: b)
            return (d / unitsPerMinute, d)
        case .matrix(let matrix):
            guard let i = matrix.ids.firstIndex(of: fromID), let j = matrix.ids.firstIndex(of: toID) else { return (.infinity, .infinity) }
            let n = matrix.ids.count
            return (matrix.minutes[i * n + j], matrix.kilometres[i * n + j])
        }
    }
}
