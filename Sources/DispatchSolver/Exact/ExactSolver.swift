/// Proven optimal plans for small cases (≤ 10 stops): every feasible route of every vehicle
/// class is enumerated, then GLPK picks the best set-partitioning combination. Tests use it to
/// check the heuristic; it is exponential, so it refuses larger cases.
public enum ExactSolver {
    /// The largest case it accepts.
    public static let maximumStops = 10

    /// The optimal cost and routes (problem stop indices per used vehicle), or `nil` when the case
    /// is too large or GLPK does not finish. Every stop must be servable (no unassigned stops).
    public static func solve(_ p: RoutingProblem, timeLimitSeconds: Double = 20) -> (cost: Double, routes: [[Int]])? {
        guard p.stopCount <= maximumStops, p.stopCount > 0 else { return nil }
        var columns: [PooledRoute] = []
        var classVehicle: [Int: Int] = [:]
        for (v, c) in p.vehicleClass.enumerated() where classVehicle[c] == nil { classVehicle[c] = v }
        for c in classVehicle.keys.sorted() {
            guard let v = classVehicle[c] else { continue }
            var bestBySubset: [UInt32: (cost: Double, stops: [Int])] = [:]
            var sequence: [Int] = []
            var used: UInt32 = 0
            func extend() {
                if !sequence.isEmpty {
                    var route = Route(vehicle: v)
                    route.stops = sequence
                    route.update(p)
                    // Later stops only arrive later and load more: an infeasible prefix stays infeasible.
                    guard route.feasible else { return }
                    if route.pairsComplete(p) {
                        let cost = route.cost(p)
                        if cost < bestBySubset[used]?.cost ?? .infinity { bestBySubset[used] = (cost, sequence) }
                    }
                }
                for s in 0..<p.stopCount where used & (1 << UInt32(s)) == 0 && p.canServe(v, s) {
                    sequence.append(s); used |= 1 << UInt32(s)
                    extend()
                    sequence.removeLast(); used &= ~(1 << UInt32(s))
                }
            }
            extend()
            for key in bestBySubset.keys.sorted() {
                if let entry = bestBySubset[key] { columns.append(PooledRoute(vehicleClass: c, stops: entry.stops, cost: entry.cost)) }
            }
        }
        guard let (chosen, cost, optimal) = SetPartitioning.solve(columns: columns, stops: Array(0..<p.stopCount), classSizes: p.vehicleClassSizes,
                                                         timeLimitSeconds: timeLimitSeconds), optimal else { return nil }
        return (cost, chosen.map { columns[$0].stops })
    }
}

extension Route {
    /// Every shipment half on the route has its partner on it, pickup first.
    func pairsComplete(_ p: RoutingProblem) -> Bool {
        for (k, s) in stops.enumerated() where p.partner[s] >= 0 {
            guard let j = stops.firstIndex(of: p.partner[s]) else { return false }
            if p.isShipmentPickup[s] ? j < k : j > k { return false }
        }
        return true
    }
}
