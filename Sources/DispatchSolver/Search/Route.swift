/// One courier's route with the cached schedule that makes insertion checks O(1):
/// forward service starts, backward latest arrivals, and running loads with prefix/suffix maxima.
struct Route: Sendable {
    let vehicle: Int
    var stops: [Int] = []
    /// Service start at each position.
    var start: [Double] = []
    /// Latest arrival at each position that keeps the rest of the route feasible.
    var latestArrival: [Double] = []
    /// Load on the arc entering position k (k = 0 leaves the depot, k = count reaches the end).
    var loadKg: [Double] = [0]
    var loadLitres: [Double] = [0]
    var prefixMaxKg: [Double] = [0], suffixMaxKg: [Double] = [0]
    var prefixMaxLitres: [Double] = [0], suffixMaxLitres: [Double] = [0]
    /// Number of promised stops at positions ≥ k (k = count: 0), to skip lateness propagation.
    var promisesFrom: [Int] = [0]
    /// Totals.
    var distance = 0.0
    var lateness = 0.0
    var endTime = 0.0
    var duration = 0.0
    var feasible = true

    init(vehicle: Int) { self.vehicle = vehicle }

    var isEmpty: Bool { stops.isEmpty }

    /// The cost of this route under the problem's objective.
    func cost(_ p: RoutingProblem) -> Double {
        guard !stops.isEmpty else { return 0 }
        let o = p.objective
        return o.perCourier + o.perDistance * distance + o.latenessPerMinute * lateness + o.perMinute * duration
    }

    /// Departure time from position k−1 (k = 0: from the depot) and the node there.
    @inline(__always)
    func departure(before k: Int, _ p: RoutingProblem) -> (node: Int, time: Double) {
        if k == 0 { return (p.vehicles[vehicle].startNode, p.vehicles[vehicle].shiftStart) }
        let s = stops[k - 1]
        return (s, start[k - 1] + p.service[s])
    }

    /// The node at position k (k = count: the end depot) and its latest arrival.
    @inline(__always)
    func next(at k: Int, _ p: RoutingProblem) -> (node: Int, latest: Double) {
        if k == stops.count { return (p.vehicles[vehicle].endNode, p.vehicles[vehicle].shiftEnd) }
        return (stops[k], latestArrival[k])
    }

    /// Recomputes the whole cache after the stop list changed.
    mutating func update(_ p: RoutingProblem) {
        let v = p.vehicles[vehicle]
        let n = stops.count
        // Reuse the arrays' storage: update runs after every insertion and removal.
        start.removeAll(keepingCapacity: true)
        start.append(contentsOf: repeatElement(0, count: n))
        latestArrival.removeAll(keepingCapacity: true)
        latestArrival.append(contentsOf: repeatElement(0, count: n))
        feasible = true
        distance = 0
        lateness = 0
        var node = v.startNode
        var time = v.shiftStart
        for (k, s) in stops.enumerated() {
            distance += p.dist(node, s)
            let arrival = time + p.travel(node, s, vehicle)
            guard let st = p.serviceStart(s, arrival: arrival) else {
                feasible = false
                start[k] = arrival
                time = arrival + p.service[s]
                node = s
                continue
            }
            start[k] = st
            if st > p.promiseEnd[s] { lateness += st - p.promiseEnd[s] }
            time = st + p.service[s]
            node = s
        }
        distance += p.dist(node, v.endNode)
        endTime = time + p.travel(node, v.endNode, vehicle)
        if endTime > v.shiftEnd + 1e-9 { feasible = false }
        duration = n == 0 ? 0 : endTime - v.shiftStart
        var latest = v.shiftEnd
        var after = v.endNode
        for k in stride(from: n - 1, through: 0, by: -1) {
            let s = stops[k]
            let latestStart = latest - p.service[s] - p.travel(s, after, vehicle)
            latest = p.latestArrival(s, startBy: latestStart)
            latestArrival[k] = latest
            after = s
        }
        // Loads.
        var kg = 0.0, litres = 0.0
        for s in stops { kg += p.deliveryKg[s]; litres += p.deliveryLitres[s] }
        loadKg.removeAll(keepingCapacity: true)
        loadKg.append(contentsOf: repeatElement(0, count: n + 1))
        loadLitres.removeAll(keepingCapacity: true)
        loadLitres.append(contentsOf: repeatElement(0, count: n + 1))
        loadKg[0] = kg; loadLitres[0] = litres
        for (k, s) in stops.enumerated() {
            kg += p.pickupKg[s] - p.deliveryKg[s]
            litres += p.pickupLitres[s] - p.deliveryLitres[s]
            loadKg[k + 1] = kg; loadLitres[k + 1] = litres
        }
        prefixMaxKg.removeAll(keepingCapacity: true); prefixMaxKg.append(contentsOf: loadKg)
        prefixMaxLitres.removeAll(keepingCapacity: true); prefixMaxLitres.append(contentsOf: loadLitres)
        suffixMaxKg.removeAll(keepingCapacity: true); suffixMaxKg.append(contentsOf: loadKg)
        suffixMaxLitres.removeAll(keepingCapacity: true); suffixMaxLitres.append(contentsOf: loadLitres)
        if n > 0 {
            for k in 1...n {
                prefixMaxKg[k] = max(prefixMaxKg[k - 1], loadKg[k])
                prefixMaxLitres[k] = max(prefixMaxLitres[k - 1], loadLitres[k])
            }
            for k in stride(from: n - 1, through: 0, by: -1) {
                suffixMaxKg[k] = max(suffixMaxKg[k + 1], loadKg[k])
                suffixMaxLitres[k] = max(suffixMaxLitres[k + 1], loadLitres[k])
            }
        }
        promisesFrom.removeAll(keepingCapacity: true)
        promisesFrom.append(contentsOf: repeatElement(0, count: n + 1))
        if n > 0 {
            for k in stride(from: n - 1, through: 0, by: -1) {
                promisesFrom[k] = promisesFrom[k + 1] + (p.promiseEnd[stops[k]].isFinite ? 1 : 0)
            }
        }
        if (prefixMaxKg.last ?? 0) > v.capacityKg + 1e-9 || (prefixMaxLitres.last ?? 0) > v.capacityLitres + 1e-9 { feasible = false }
    }
}
