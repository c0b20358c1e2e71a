/// Proven optimal plans for small cases (≤ 10 stops, ≤ 6 when couriers may reload): every
/// feasible route of every vehicle class is enumerated — with a reload at the outlet allowed
/// between any two stops when the scenario has reloads — then GLPK picks the best
/// set-partitioning combination. Tests use it to check the heuristic; it is exponential, so it
/// refuses larger cases.
public enum ExactSolver {
    /// The largest case it accepts.
    public static let maximumStops = 10
    /// The largest case it accepts when couriers may reload (routes with trips are enumerated too).
    public static let maximumStopsWithReloads = 6

    /// The optimal cost and routes (problem stop indices per used vehicle), or `nil` when the case
    /// is too large or GLPK does not finish. Every stop must be servable (no unassigned stops).
    public static func solve(_ p: RoutingProblem, timeLimitSeconds: Double = 20) -> (cost: Double, routes: [[Int]])? {
        guard p.stopCount <= (p.allowsReloads ? maximumStopsWithReloads : maximumStops), p.stopCount > 0 else { return nil }
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
                    if route.complete {
                        let cost = route.cost(p)
                        if cost < bestBySubset[used]?.cost ?? .infinity { bestBySubset[used] = (cost, route.stops) }
                    }
                }
                for s in 0..<p.stopCount where used & (1 << UInt32(s)) == 0 && p.canServe(v, s) {
                    sequence.append(s); used |= 1 << UInt32(s)
                    extend()
                    sequence.removeLast(); used &= ~(1 << UInt32(s))
                }
                if p.allowsReloads, let last = sequence.last, !p.isReload(last), used.nonzeroBitCount < p.stopCount {
                    sequence.append(p.outletNode)
                    extend()
                    sequence.removeLast()
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
