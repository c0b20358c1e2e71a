/// A complete assignment: every stop is in exactly one route or in `unassigned`.
struct SearchState: Sendable {
    var routes: [Route]
    /// Route index of each stop, −1 when unassigned.
    var routeOf: [Int]
    /// Vehicles that may not be used (route elimination closes them).
    var closed: [Bool]
    /// Position of each assigned stop in its route.
    var position: [Int]

    init(_ p: RoutingProblem) {
        routes = p.vehicles.indices.map { v in
            var route = Route(vehicle: v)
            route.update(p)
            return route
        }
        routeOf = [Int](repeating: -1, count: p.stopCount)
        closed = [Bool](repeating: false, count: p.vehicles.count)
        position = [Int](repeating: -1, count: p.stopCount)
    }

    /// Refreshes the cached schedule and stop positions of route `r` after its stops changed.
    mutating func refresh(_ r: Int, _ p: RoutingProblem) {
        routes[r].update(p)
        for (k, s) in routes[r].stops.enumerated() where s < p.stopCount { position[s] = k }
    }

    /// Gives route `r` exactly `stops` (in order) and refreshes its cache; the caller keeps every
    /// stop in exactly one route.
    mutating func assign(_ r: Int, stops: [Int], _ p: RoutingProblem) {
        routes[r].stops = stops
        for s in stops where s < p.stopCount { routeOf[s] = r }
        refresh(r, p)
    }

    var unassigned: [Int] { routeOf.indices.filter { routeOf[$0] < 0 } }

    func unassignedWeight(_ p: RoutingProblem) -> Double {
        var total = 0.0
        for i in routeOf.indices where routeOf[i] < 0 { total += p.priority[i] }
        return total
    }

    func cost(_ p: RoutingProblem) -> Double {
        routes.reduce(0) { $0 + $1.cost(p) } + p.objective.unassigned * unassignedWeight(p)
    }

    var usedRoutes: Int { routes.filter { !$0.isEmpty }.count }

    /// Removes `stops` from their routes (partners of shipment halves come along) and returns
    /// every stop removed.
    @discardableResult
    mutating func remove(_ stops: [Int], _ p: RoutingProblem) -> [Int] {
        var removed: [Int] = []
        var touched = Set<Int>()
        for s in stops where s < p.stopCount && routeOf[s] >= 0 {
            for x in [s, p.partner[s]] where x >= 0 && routeOf[x] >= 0 {
                touched.insert(routeOf[x])
                routeOf[x] = -1
                removed.append(x)
            }
        }
        for r in touched.sorted() {
            routes[r].stops.removeAll { $0 < p.stopCount && routeOf[$0] != r }
            refresh(r, p)
        }
        return removed
    }

    /// Inserts `u` at arc `k` of route `r`, with a new reload on the side `reload` says.
    mutating func insert(_ u: Int, route r: Int, at k: Int, reload: ReloadPlacement = .none, _ p: RoutingProblem) {
        switch reload {
        case .none: routes[r].stops.insert(u, at: k)
        case .before: routes[r].stops.insert(contentsOf: [p.outletNode, u], at: k)
        case .after: routes[r].stops.insert(contentsOf: [u, p.outletNode], at: k)
        }
        routeOf[u] = r
        refresh(r, p)
    }

    mutating func insertPair(_ u: Int, _ w: Int, route r: Int, at k1: Int, _ k2: Int, _ p: RoutingProblem) {
        routes[r].stops.insert(w, at: k2)
        routes[r].stops.insert(u, at: k1)
        routeOf[u] = r
        routeOf[w] = r
        refresh(r, p)
    }
}
