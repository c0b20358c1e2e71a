/// A complete assignment: every stop is in exactly one route or in `unassigned`.
struct SearchState: Sendable {
    var routes: [Route]
    /// Route index of each stop, −1 when unassigned (written through ``setRoute(_:of:)`` only,
    /// which keeps ``unassignedCount``).
    private(set) var routeOf: [Int]
    /// How many stops are in no route: most steps end with none, and the cost need not look.
    private(set) var unassignedCount: Int
    /// Vehicles that may not be used (route elimination closes them).
    var closed: [Bool]
    /// Position of each assigned stop in its route.
    var position: [Int]
    /// While a step is tentative (``beginStep()``): the routes the step changed, and for each
    /// route its copy from before the step first changed it (current only for those in
    /// `stepRoutes`). A ruin-and-recreate step changes a few routes of many; copying the whole
    /// state for each step retained every array of every route (a seventh of a
    /// Gehring–Homberger 400 run went to that), and a rejected step is undone from this log.
    /// The copies are refilled in place (``Route/overwrite(with:)``) and swapped back on undo:
    /// a copy by assignment shared the route's arrays, and the step's first edit then
    /// reallocated each array it wrote.
    private var stepRoutes: [Int] = []
    private var beforeStep: [Route]
    private var stepOpen = false

    init(_ p: RoutingProblem) {
        routes = p.vehicles.indices.map { v in
            var route = Route(vehicle: v)
            route.update(p)
            return route
        }
        routeOf = [Int](repeating: -1, count: p.stopCount)
        unassignedCount = p.stopCount
        closed = [Bool](repeating: false, count: p.vehicles.count)
        position = [Int](repeating: -1, count: p.stopCount)
        beforeStep = p.vehicles.indices.map { Route(vehicle: $0) }
    }

    /// Starts a tentative step: until ``commitStep()`` or ``undoStep(_:)``, the first change to
    /// each route keeps a copy of it.
    mutating func beginStep() {
        stepRoutes.removeAll(keepingCapacity: true)
        stepOpen = true
    }

    /// Keeps what the step changed.
    mutating func commitStep() {
        stepRoutes.removeAll(keepingCapacity: true)
        stepOpen = false
    }

    /// Puts back every route the step changed, with its stops' routes and positions; stops the
    /// step left out or put in elsewhere return to where they were.
    mutating func undoStep(_ p: RoutingProblem) {
        for r in stepRoutes {
            for s in routes[r].stops where s < p.stopCount { setRoute(-1, of: s) }
        }
        for r in stepRoutes {
            swap(&routes[r], &beforeStep[r])
            for (k, s) in routes[r].stops.enumerated() where s < p.stopCount { setRoute(r, of: s); position[s] = k }
        }
        commitStep()
    }

    /// The routes the open step has changed so far, in the order it changed them.
    var routesChangedInStep: [Int] { stepRoutes }

    /// The route stop `s` was in when the step began (−1: unassigned).
    func routeBeforeStep(of s: Int) -> Int {
        for r in stepRoutes where beforeStep[r].stops.contains(s) { return r }
        return routeOf[s] >= 0 && stepRoutes.contains(routeOf[s]) ? -1 : routeOf[s]
    }

    /// Puts stop `s` in route `r` (−1: in none), keeping ``unassignedCount``.
    @inline(__always)
    private mutating func setRoute(_ r: Int, of s: Int) {
        let was = routeOf[s]
        if was < 0, r >= 0 { unassignedCount -= 1 } else if was >= 0, r < 0 { unassignedCount += 1 }
        routeOf[s] = r
    }

    /// Called before route `r` changes: inside a step, keeps its first version.
    private mutating func willChange(_ r: Int) {
        guard stepOpen, !stepRoutes.contains(r) else { return }
        stepRoutes.append(r)
        // Read through the buffer: `routes[r]` as an argument is a copy (every array retained).
        routes.withUnsafeBufferPointer { routes in
            guard let base = routes.baseAddress else { return }
            beforeStep[r].overwrite(with: base + r)
        }
    }

    /// Refreshes the cached schedule and stop positions of route `r` after its stops changed.
    mutating func refresh(_ r: Int, _ p: RoutingProblem) {
        let moved = routes[r].update(p)
        let stops = routes[r].stops
        for k in moved..<stops.count where stops[k] < p.stopCount { position[stops[k]] = k }
    }

    /// Gives route `r` exactly `stops` (in order) and refreshes its cache; the caller keeps every
    /// stop in exactly one route.
    mutating func assign(_ r: Int, stops: [Int], _ p: RoutingProblem) {
        willChange(r)
        routes[r].stops = stops
        for s in stops where s < p.stopCount { setRoute(r, of: s) }
        refresh(r, p)
    }

    /// Gives routes `first` and `second` exactly `firstStops` and `secondStops` (in order) and
    /// leaves `left` unassigned: the stops the two routes held between them, redistributed, with
    /// those that neither keeps left out (a tail exchange with repair).
    mutating func rewrite(_ first: Int, stops firstStops: [Int], _ second: Int, stops secondStops: [Int],
                          leavingOut left: [Int], _ p: RoutingProblem) {
        assign(first, stops: firstStops, p)
        assign(second, stops: secondStops, p)
        for s in left { setRoute(-1, of: s) }
    }

    var unassigned: [Int] {
        guard unassignedCount > 0 else { return [] }
        var list: [Int] = []
        list.reserveCapacity(unassignedCount)
        for s in routeOf.indices where routeOf[s] < 0 {
            list.append(s)
            if list.count == unassignedCount { break }
        }
        return list
    }

    /// The stops in some route, by index.
    var assigned: [Int] { routeOf.indices.filter { routeOf[$0] >= 0 } }

    /// How many stops are in some route: `assigned.count`, without building the list.
    var routedCount: Int { routeOf.count - unassignedCount }

    /// `assigned[i]` without building the list, given `count` = ``routedCount``: when every stop
    /// is routed (as between most steps), stop i itself.
    func routedStop(_ i: Int, of count: Int) -> Int {
        if count == routeOf.count { return i }
        var seen = 0
        for s in routeOf.indices where routeOf[s] >= 0 {
            if seen == i { return s }
            seen += 1
        }
        return -1
    }

    func unassignedWeight(_ p: RoutingProblem) -> Double {
        guard unassignedCount > 0 else { return 0 }
        var total = 0.0
        for i in routeOf.indices where routeOf[i] < 0 { total += p.priority[i] }
        return total
    }

    // By index, here and in `usedRoutes`: iterating the routes would copy each one, retaining
    // and releasing every array it caches (a seventh of a Gehring–Homberger 400 run's time).
    func cost(_ p: RoutingProblem) -> Double {
        var total = 0.0
        for r in routes.indices { total += routes[r].cost(p) }
        return total + p.objective.unassigned * unassignedWeight(p)
    }

    var usedRoutes: Int {
        var used = 0
        for r in routes.indices where !routes[r].isEmpty { used += 1 }
        return used
    }

    /// Removes `stops` from their routes (partners of shipment halves come along) and returns
    /// every stop removed.
    @discardableResult
    mutating func remove(_ stops: [Int], _ p: RoutingProblem) -> [Int] {
        var removed: [Int] = []
        // A few routes: a list, not a set (hashing took 1 % of a Solomon run).
        var touched: [Int] = []
        func take(_ x: Int) {
            guard x >= 0, routeOf[x] >= 0 else { return }
            if !touched.contains(routeOf[x]) { touched.append(routeOf[x]) }
            setRoute(-1, of: x)
            removed.append(x)
        }
        for s in stops where s < p.stopCount && routeOf[s] >= 0 {
            // The stop, then its shipment partner.
            take(s)
            take(p.partner[s])
        }
        for r in touched.sorted() {
            willChange(r)
            routes[r].stops.removeAll { $0 < p.stopCount && routeOf[$0] != r }
            refresh(r, p)
        }
        return removed
    }

    /// Inserts `u` at arc `k` of route `r`, with a new reload on the side `reload` says.
    mutating func insert(_ u: Int, route r: Int, at k: Int, reload: ReloadPlacement = .none, _ p: RoutingProblem) {
        willChange(r)
        switch reload {
        case .none: routes[r].stops.insert(u, at: k)
        case .before: routes[r].stops.insert(contentsOf: [p.outletNode, u], at: k)
        case .after: routes[r].stops.insert(contentsOf: [u, p.outletNode], at: k)
        }
        setRoute(r, of: u)
        refresh(r, p)
    }

    mutating func insertPair(_ u: Int, _ w: Int, route r: Int, at k1: Int, _ k2: Int, _ p: RoutingProblem) {
        willChange(r)
        routes[r].stops.insert(w, at: k2)
        routes[r].stops.insert(u, at: k1)
        setRoute(r, of: u)
        setRoute(r, of: w)
        refresh(r, p)
    }
}
