import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct RouteTests {
    /// One random edit of a route's stops (not yet updated): a stop taken out, a stop of another
    /// route put in, a stretch reversed, a stop moved, a reload added (with `reloads`), or the
    /// route handed to another courier.
    static func randomEdit(_ route: inout Route, _ problem: RoutingProblem, reloads: Bool, _ random: inout SplitMix64) {
        var stops = route.stops
        let others = (0..<problem.stopCount).filter { !stops.contains($0) }
        switch random.below(6) {
        case 0 where stops.count > 2: stops.remove(at: random.below(stops.count))
        case 1 where !others.isEmpty: stops.insert(others[random.below(others.count)], at: random.below(stops.count + 1))
        case 2:
            let i = random.below(stops.count), j = random.below(stops.count)
            stops[min(i, j)...max(i, j)].reverse()
        case 3:
            let moved = stops.remove(at: random.below(stops.count))
            stops.insert(moved, at: random.below(stops.count + 1))
        case 4 where reloads: stops.insert(problem.outletNode, at: random.below(stops.count + 1))
        case 4: break
        default: route.vehicle = random.below(problem.vehicles.count)
        }
        route.stops = stops
    }

    /// A regret-built random day without reloads or shipments under the hierarchical objective,
    /// after `adjust` has made it the literature-like day a test needs.
    static func literatureDay(seed: UInt64, stops: Int, couriers: Int,
                              _ adjust: (inout Scenario) -> Void) -> (problem: RoutingProblem, state: SearchState) {
        var scenario = RandomScenario.make(seed: seed, stops: stops, couriers: couriers, shipments: false)
        scenario.outlet.reloadMinutes = nil
        adjust(&scenario)
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        var state = SearchState(problem)
        var rng = SplitMix64(seed: seed)
        problem.regretConstruct(into: &state, rng: &rng)
        return (problem, state)
    }

    /// A cost-only update prices every sequence as the full one does: the routes of random days
    /// (with reloads and shipments, or literature-like), and the same stops shuffled, which
    /// breaks windows, capacities and shipment order.
    @Test(arguments: [false, true])
    func costOnlyUpdateAgreesWithTheFullOne(_ plain: Bool) {
        var random = SplitMix64(seed: 77)
        var compared = 0, infeasible = 0
        for seed in 0..<UInt64(20) {
            let (problem, state) = OperatorFixture.randomDay(seed: seed, plain: plain)
            for route in state.routes {
                for shuffle in 0..<4 {
                    var stops = route.stops
                    if shuffle > 0 { stops.shuffle(using: &random) }
                    var full = Route(vehicle: route.vehicle), costOnly = Route(vehicle: route.vehicle)
                    full.stops = stops
                    costOnly.stops = stops
                    full.update(problem)
                    costOnly.update(problem, scope: .costOnly)
                    #expect(costOnly.stops == full.stops && costOnly.feasible == full.feasible && costOnly.complete == full.complete)
                    #expect(costOnly.cost(problem) == full.cost(problem))
                    #expect(costOnly.distance == full.distance && costOnly.duration == full.duration && costOnly.lateness == full.lateness)
                    compared += 1
                    if !full.feasible { infeasible += 1 }
                }
            }
        }
        #expect(compared >= 100 && infeasible >= 20, "\(compared) compared, \(infeasible) infeasible")
    }

    /// Latest arrivals never fall along a route, and no place that `firstPlace` skips for a stop
    /// takes it: on random days (trips, shipments, promises, or literature-like), each single
    /// stop taken out of its route and tried at every place of every route.
    @Test(arguments: [false, true])
    func placesBeforeTheFirstReachableOneTakeNothing(_ plain: Bool) {
        var skipped = 0, kept = 0
        for seed in 0..<UInt64(20) {
            let (problem, day) = OperatorFixture.randomDay(seed: seed, plain: plain)
            for u in 0..<problem.stopCount where problem.partner[u] < 0 && day.routeOf[u] >= 0 {
                var state = day
                _ = state.remove([u], problem)
                let ready = problem.windowStart[problem.windowOffset[u]] + problem.service[u] - RoutingProblem.timeTolerance
                for route in state.routes {
                    let places = 0...route.stops.count
                    let latest = places.map { route.next(at: $0, problem).latest }
                    #expect(zip(latest, latest.dropFirst()).allSatisfy { $0 <= $1 }, "latest arrivals fall along a route")
                    let first = route.firstPlace(readyBy: ready, in: places, problem)
                    #expect(first == places.first { latest[$0] >= ready } ?? places.upperBound + 1)
                    for k in places where k < first {
                        #expect(problem.insertionCost(u, into: route, at: k) == nil, "place \(k) of \(first) takes stop \(u)")
                        skipped += 1
                    }
                    kept += places.count - min(first, places.count)
                }
            }
        }
        #expect(skipped >= 50 && kept >= 50, "\(skipped) places skipped, \(kept) kept")
    }

    /// The arc caches an update keeps across edits (the common prefix and suffix of the old and
    /// new sequence reused, the rest read from the matrix) equal those of a route built afresh,
    /// and so does everything computed from them: random edits — a stop taken out, a stop of
    /// another route put in, a stretch reversed, a stop moved, a reload added, the route handed to
    /// another courier — on the routes of random days with trips, shipments and promises.
    @Test func arcCachesKeptAcrossEditsAgreeWithAFreshRoute() {
        var random = SplitMix64(seed: 5)
        var edits = 0, reused = 0
        for seed in 0..<UInt64(12) {
            let (problem, state) = OperatorFixture.randomDay(seed: seed)
            for start in state.routes where start.stops.count >= 2 {
                var route = start
                for _ in 0..<12 {
                    let before = route.arcDistance.count
                    Self.randomEdit(&route, problem, reloads: true, &random)
                    route.update(problem)
                    var fresh = Route(vehicle: route.vehicle)
                    fresh.stops = route.stops
                    fresh.update(problem)
                    #expect(route.arcDistance == fresh.arcDistance && route.arcMinutes == fresh.arcMinutes, "seed \(seed)")
                    #expect(route.cost(problem) == fresh.cost(problem) && route.feasible == fresh.feasible)
                    #expect(route.arrival == fresh.arrival && route.latestArrival == fresh.latestArrival
                            && route.promiseRoom == fresh.promiseRoom)
                    edits += 1
                    if before > 0 { reused += 1 }
                }
            }
        }
        #expect(edits > 100 && reused > 100, "\(edits) edits")
    }

    /// On a day without trips, promises or shipments (a literature instance), an update after an
    /// edit of a feasible route walks only the edited stretch and where its effect reaches: every
    /// cache and total equals that of a route built afresh, exactly: random edits (no reloads) of
    /// long routes.
    @Test func resumedUpdateAgreesWithAFreshRouteExactly() {
        var random = SplitMix64(seed: 8)
        var edits = 0, resumable = 0
        for seed in 0..<UInt64(6) {
            let (problem, state) = Self.literatureDay(seed: 300 + seed, stops: 60, couriers: 3) { scenario in
                for i in scenario.stops.indices {
                    scenario.stops[i].promise = nil
                    scenario.stops[i].availableFrom = nil
                    // Ten buildings, each on one courier's territory: edits move stops on and off it.
                    scenario.stops[i].building = "b\(i % 10)"
                }
                for c in scenario.couriers.indices {
                    scenario.couriers[c].territory = (0..<10).filter { $0 % scenario.couriers.count == c }.map { "b\($0)" }
                }
                if seed % 2 == 0 { RandomScenario.makeFleetIdentical(&scenario, capacityKg: 200, capacityLitres: 1_000) }
            }
            #expect(!problem.tracksTrips && !problem.hasPromises && !problem.hasShipments)
            for start in state.routes where start.stops.count >= 4 {
                var route = start
                for _ in 0..<40 {
                    if route.feasible { resumable += 1 }
                    Self.randomEdit(&route, problem, reloads: false, &random)
                    route.update(problem)
                    var fresh = Route(vehicle: route.vehicle)
                    fresh.stops = route.stops
                    fresh.update(problem)
                    #expect(route.arrival == fresh.arrival && route.start == fresh.start && route.departure == fresh.departure)
                    #expect(route.latestArrival == fresh.latestArrival)
                    #expect(route.loadKg == fresh.loadKg && route.loadLitres == fresh.loadLitres)
                    #expect(route.prefixMaxKg == fresh.prefixMaxKg && route.suffixMaxKg == fresh.suffixMaxKg
                            && route.prefixMaxLitres == fresh.prefixMaxLitres && route.suffixMaxLitres == fresh.suffixMaxLitres)
                    #expect(route.distance == fresh.distance && route.endTime == fresh.endTime && route.duration == fresh.duration
                            && route.dayLength == fresh.dayLength && route.offTerritory == fresh.offTerritory)
                    #expect(route.feasible == fresh.feasible && route.cost(problem) == fresh.cost(problem))
                    #expect(route.promisesFrom == fresh.promisesFrom && route.promiseRoom == fresh.promiseRoom)
                    edits += 1
                    // Back to a feasible route now and then, so that most edits start from one.
                    if !route.feasible, random.chance(0.5) { route = start }
                }
            }
        }
        #expect(edits >= 300 && resumable >= 150, "\(edits) edits, \(resumable) from a feasible route")
    }

    /// On a day with trips, promises and shipments (an outlet day), an update after an edit of a
    /// feasible, complete route recomputes only the trips the edit touched and the times as far
    /// as its effect reaches: every cache and total equals that of a route built afresh, exactly
    /// (random edits with reloads of the routes of random days, short and long; their weights
    /// are whole numbers, so loads shifted by an edit are exact too, see `TripLoadShiftTests`).
    @Test func resumedTripUpdateAgreesWithAFreshRouteExactly() {
        var random = SplitMix64(seed: 13)
        var edits = 0, resumable = 0
        func expectSame(_ route: Route, _ problem: RoutingProblem, _ context: String) {
            var fresh = Route(vehicle: route.vehicle)
            fresh.stops = route.stops
            fresh.update(problem)
            #expect(route.arrival == fresh.arrival && route.start == fresh.start && route.departure == fresh.departure, "\(context)")
            #expect(route.latestArrival == fresh.latestArrival, "\(context)")
            #expect(route.loadKg == fresh.loadKg && route.loadLitres == fresh.loadLitres, "\(context)")
            #expect(route.prefixMaxKg == fresh.prefixMaxKg && route.suffixMaxKg == fresh.suffixMaxKg
                    && route.prefixMaxLitres == fresh.prefixMaxLitres && route.suffixMaxLitres == fresh.suffixMaxLitres, "\(context)")
            #expect(route.pickedKg == fresh.pickedKg && route.pickedLitres == fresh.pickedLitres && route.openShipments == fresh.openShipments, "\(context)")
            #expect(route.tripDeparture == fresh.tripDeparture && route.tripRelease == fresh.tripRelease && route.tripSlack == fresh.tripSlack, "\(context)")
            #expect(route.firstDeparture == fresh.firstDeparture && route.distance == fresh.distance && route.endTime == fresh.endTime
                    && route.duration == fresh.duration && route.dayLength == fresh.dayLength && route.offTerritory == fresh.offTerritory, "\(context)")
            #expect(route.lateness == fresh.lateness && route.brokenPromises == fresh.brokenPromises
                    && route.lateMinutes == fresh.lateMinutes && route.breaksPromise == fresh.breaksPromise, "\(context)")
            #expect(route.feasible == fresh.feasible && route.complete == fresh.complete && route.cost(problem) == fresh.cost(problem), "\(context)")
            #expect(route.promisesFrom == fresh.promisesFrom && route.promiseRoom == fresh.promiseRoom, "\(context)")
        }
        // Small random days, and longer routes with a reload or two, where an edit's effect on
        // the times dies out before the end.
        var days = (0..<UInt64(16)).map { OperatorFixture.randomDay(seed: $0) }
        for seed in 0..<UInt64(4) {
            // Most stops have their own courier, so that edits move stops on and off territory.
            let scenario = RandomScenario.make(seed: 700 + seed, stops: 70, couriers: 2, trips: true)
            var own: [String: String] = [:]
            for stop in scenario.stops where random.chance(0.7) {
                own[stop.id] = scenario.couriers[random.below(scenario.couriers.count)].id
            }
            let problem = ProblemBuilder(scenario: scenario, objective: .outlet, preferredCourier: own).problem
            #expect(problem.preferredVehicle.filter { $0 >= 0 }.count > 30)
            var state = SearchState(problem)
            var rng = SplitMix64(seed: seed)
            problem.regretConstruct(into: &state, rng: &rng)
            for r in state.routes.indices where state.routes[r].stops.count >= 6 {
                var stops = state.routes[r].stops
                for _ in 0..<1 + rng.below(2) { stops.insert(problem.outletNode, at: 1 + rng.below(stops.count - 1)) }
                state.assign(r, stops: stops, problem)
            }
            days.append((problem, state))
        }
        for (seed, (problem, state)) in days.enumerated() {
            #expect(problem.tracksTrips && problem.hasPromises)
            for start in state.routes where start.stops.count >= 3 {
                var route = start
                for step in 0..<30 {
                    if route.feasible && route.complete { resumable += 1 }
                    Self.randomEdit(&route, problem, reloads: true, &random)
                    route.update(problem)
                    expectSame(route, problem, "seed \(seed), edit \(step)")
                    edits += 1
                    if !route.feasible, random.chance(0.5) { route = start }
                }
            }
        }
        #expect(edits >= 300 && resumable >= 150, "\(edits) edits, \(resumable) from a feasible route")
    }

    /// Reloads that separate nothing go when a route is updated (at the start, at the end, next
    /// to another reload); the others stay where they are, and a route without idle ones keeps
    /// its stops as they were.
    @Test func idleReloadsAreDropped() {
        let p = TripMoveTests.day()
        let o = p.outletNode
        let cases: [(given: [Int], kept: [Int])] = [
            ([o, 0, o, 1], [0, o, 1]), ([0, o, o, 1], [0, o, 1]), ([0, o, 1, o], [0, o, 1]),
            ([o, o, 0, o, 1, o, o], [0, o, 1]), ([o], []), ([o, o], []),
            ([0, o, 1, o, 2], [0, o, 1, o, 2]), ([0, 1, 2], [0, 1, 2]), ([], []),
        ]
        for (given, kept) in cases {
            var route = Route(vehicle: 0)
            route.stops = given
            route.update(p)
            #expect(route.stops == kept, "\(given)")
        }
    }

    /// On a day of deliveries only and no reloads the load only falls, and the update writes the
    /// load maxima without walking them: they must still be the running maxima of the load along
    /// the route, from the start and from the end, after random edits (and a route over its
    /// capacity infeasible). A pickup, or reloads, turn that shortcut off.
    @Test func fallingLoadMaximaAreTheRunningMaxima() {
        var random = SplitMix64(seed: 21)
        var checked = 0, overCapacity = 0
        for seed in 0..<UInt64(6) {
            let (problem, state) = Self.literatureDay(seed: 500 + seed, stops: 30, couriers: 2) { scenario in
                for i in scenario.stops.indices { scenario.stops[i].kind = .delivery }
                RandomScenario.makeFleetIdentical(&scenario, capacityKg: 60, capacityLitres: 400)
            }
            #expect(problem.loadOnlyFalls)
            for start in state.routes where start.stops.count >= 3 {
                var route = start
                for _ in 0..<30 {
                    Self.randomEdit(&route, problem, reloads: false, &random)
                    route.update(problem)
                    let loads = zip(route.loadKg, route.loadLitres).map { (kg: $0, litres: $1) }
                    for a in loads.indices {
                        #expect(route.prefixMaxKg[a] == loads[...a].map(\.kg).max() && route.suffixMaxKg[a] == loads[a...].map(\.kg).max())
                        #expect(route.prefixMaxLitres[a] == loads[...a].map(\.litres).max()
                                && route.suffixMaxLitres[a] == loads[a...].map(\.litres).max())
                    }
                    let capacity = problem.vehicles[route.vehicle]
                    if route.loadKg[0] > capacity.capacityKg + 1e-9 || route.loadLitres[0] > capacity.capacityLitres + 1e-9 {
                        #expect(!route.feasible)
                        overCapacity += 1
                    }
                    checked += 1
                }
            }
        }
        #expect(checked >= 200 && overCapacity >= 10, "\(checked) routes checked, \(overCapacity) over capacity")
        let withPickups = ProblemBuilder(scenario: RandomScenario.make(seed: 7, stops: 20, couriers: 2, shipments: false), objective: .hierarchical).problem
        #expect(withPickups.pickupKg.contains { $0 > 0 } && !withPickups.loadOnlyFalls)
        #expect(!OperatorFixture.randomDay(seed: 1).problem.loadOnlyFalls)
    }

    /// Every stored field of a route, by name (its scratch arrays aside), as text.
    static func fields(_ route: Route) -> [String: String] {
        var fields: [String: String] = [:]
        for child in Mirror(reflecting: route).children {
            guard let label = child.label, !label.hasPrefix("spare") else { continue }
            fields[label] = String(describing: child.value)
        }
        return fields
    }

    /// A route refilled in place from another (the undo copy of a step) equals it in every
    /// stored field, whatever it held before: routes of random days with trips, shipments and
    /// promises, refilled from routes of other couriers and lengths. A field added to `Route`
    /// and left out of ``Route/overwrite(with:)`` fails here.
    @Test func anOverwrittenRouteEqualsItsSourceInEveryField() {
        var compared = 0, differedBefore = 0
        for seed in 0..<UInt64(16) {
            let (problem, state) = OperatorFixture.randomDay(seed: seed)
            let routes = state.routes.filter { !$0.isEmpty } + [Route(vehicle: 0)]
            var random = SplitMix64(seed: seed)
            for source in routes {
                var target = routes[random.below(routes.count)]
                if target.stops.count >= 2 { Self.randomEdit(&target, problem, reloads: true, &random) }
                target.update(problem)
                let before = Self.fields(target), expected = Self.fields(source)
                #expect(before.count == expected.count && expected.count >= 30)
                differedBefore += expected.filter { before[$0.key] != $0.value }.count
                withUnsafePointer(to: source) { target.overwrite(with: $0) }
                #expect(Self.fields(target) == expected, "seed \(seed)")
                compared += 1
            }
        }
        // The targets differed from their sources in many fields before: the check has teeth.
        #expect(compared >= 40 && differedBefore >= 10 * compared, "\(compared) routes, \(differedBefore) fields differed")
    }
}
