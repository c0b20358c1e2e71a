import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct RecreateTests {
    /// On random days (outlet days, with trips on odd seeds, and literature-like ones), one
    /// courier closed and its stops and half the others' put back: every stop is in exactly one
    /// route or left out, every route stays feasible, and without reloads a stop left out has no
    /// feasible place in any open route whose courier may serve it (recreate looks everywhere on
    /// small days; a reload added for a later stop may open room for an earlier one, so days with
    /// reloads are not held to that).
    @Test func aStopLeftOutFitsNowhere() {
        var leftOutChecked = 0
        for seed in 0..<UInt64(24) {
            let (problem, day) = OperatorFixture.randomDay(seed: seed / 2, plain: seed % 2 == 0)
            var state = day
            var rng = SplitMix64(seed: seed)
            let closing = state.routes.indices.first { !state.routes[$0].isEmpty } ?? 0
            state.closed[closing] = true
            let taken = (0..<problem.stopCount).filter { state.routeOf[$0] == closing || rng.chance(0.5) }
            state.remove(taken, problem)
            // Everything out, including any stop the first plan could not place.
            problem.recreate(state.unassigned, into: &state, rng: &rng, blinkRate: 0)
            #expect(state.routes[closing].isEmpty)
            var seen = [Int](repeating: 0, count: problem.stopCount)
            for (r, route) in state.routes.enumerated() {
                #expect(route.feasible && route.complete, "seed \(seed): route \(r)")
                for (k, s) in route.stops.enumerated() where !problem.isReload(s) {
                    seen[s] += 1
                    #expect(state.routeOf[s] == r && state.position[s] == k)
                }
            }
            for s in 0..<problem.stopCount {
                #expect(seen[s] == (state.routeOf[s] >= 0 ? 1 : 0), "seed \(seed): stop \(s) seen \(seen[s]) times")
                guard state.routeOf[s] < 0, problem.partner[s] < 0, !problem.allowsReloads else { continue }
                leftOutChecked += 1
                for route in state.routes where problem.canServe(route.vehicle, s) && !state.closed[route.vehicle] {
                    for k in 0...route.stops.count {
                        #expect(problem.insertionCost(s, into: route, at: k) == nil,
                                "seed \(seed): stop \(s) left out but fits at arc \(k) of courier \(route.vehicle)")
                    }
                }
            }
        }
        #expect(leftOutChecked >= 5, "only \(leftOutChecked) stops left out on the days without reloads")
    }

    /// On a large day (granular recreate: only the arcs before and after each of a stop's
    /// nearest routed neighbours, the stop's own courier everywhere when none of them rides with
    /// it), a stop taken out goes back at the cheapest of those places: the cost of the place
    /// chosen equals the least over them all, timed one by one (many lie next to two
    /// neighbours).
    @Test func aGranularStopGoesToTheCheapestPlaceNextToItsNeighbours() {
        var scenario = RandomScenario.make(seed: 77, stops: RoutingProblem.granularThreshold + 60, couriers: 14, shipments: false)
        scenario.outlet.reloadMinutes = nil
        RandomScenario.makeFleetIdentical(&scenario, capacityKg: 1_000, capacityLitres: 5_000)
        var own: [String: String] = [:]
        var random = SplitMix64(seed: 5)
        for stop in scenario.stops where random.chance(0.3) { own[stop.id] = scenario.couriers[random.below(14)].id }
        let problem = ProblemBuilder(scenario: scenario, objective: .outlet, preferredCourier: own).problem
        var day = SearchState(problem)
        var rng = SplitMix64(seed: 9)
        problem.recreate(Array(0..<problem.stopCount), into: &day, rng: &rng, blinkRate: 0)
        var checked = 0, sharedPlaces = 0
        for u in stride(from: 0, to: problem.stopCount, by: 3) where day.routeOf[u] >= 0 {
            var state = day
            state.remove([u], problem)
            // The places granular recreate may try, each once.
            var places: [(route: Int, arc: Int)] = []
            var neighbourRoutes = Set<Int>()
            for c32 in problem.neighbours[u].prefix(RoutingProblem.granularity) {
                let c = Int(c32), r = state.routeOf[c]
                guard r >= 0, problem.canServe(state.routes[r].vehicle, u) else { continue }
                neighbourRoutes.insert(r)
                for k in state.position[c]...(state.position[c] + 1) {
                    if places.contains(where: { $0 == (r, k) }) { sharedPlaces += 1 } else { places.append((r, k)) }
                }
            }
            let ownRoute = problem.preferredVehicle[u]
            if ownRoute >= 0, !state.routes[ownRoute].isEmpty, problem.canServe(ownRoute, u), !neighbourRoutes.contains(ownRoute) {
                for k in 0...state.routes[ownRoute].stops.count where !places.contains(where: { $0 == (ownRoute, k) }) { places.append((ownRoute, k)) }
            }
            let costs = places.compactMap { problem.insertionCost(u, into: state.routes[$0.route], at: $0.arc)?.cost }
            guard let least = costs.min() else { continue }
            let before = state
            problem.recreate([u], into: &state, rng: &rng, blinkRate: 0)
            let r = state.routeOf[u]
            #expect(r >= 0, "stop \(u) left out")
            guard r >= 0, let chosen = problem.insertionCost(u, into: before.routes[r], at: state.position[u]) else { continue }
            #expect(chosen.cost == least, "stop \(u): placed at \(chosen.cost), the cheapest place next to its neighbours \(least)")
            checked += 1
        }
        #expect(checked >= 40 && sharedPlaces >= 40, "\(checked) stops checked, \(sharedPlaces) places next to two neighbours, \(day.routedCount) routed")
    }

    /// Recreate puts a stop at its cheapest place: (10,10) goes between (0,10) and (10,0) rather
    /// than into the other courier's empty day or at either end.
    @Test func cheapestPlace() {
        let problem = OperatorFixture.planarDay([(0, 10), (10, 10), (10, 0)], couriers: 2)
        var state = OperatorFixture.state([[0, 2]], problem)
        var rng = SplitMix64(seed: 1)
        problem.recreate([1], into: &state, rng: &rng, blinkRate: 0)
        #expect(state.routes[0].stops == [0, 1, 2] && state.routes[1].stops.isEmpty)
    }

    /// The territory-first pass tries a stop only with its own courier (even where another is
    /// cheaper) and skips stops that have none; the general pass then places those.
    @Test func territoryFirstPassTriesOnlyTheOwnCourier() {
        let day = TimeWindow(start: 7 * 60, end: 21 * 60)
        let outlet = Outlet(id: "depot", name: "planar", location: .planar(x: 0, y: 0), zoneRadiusKm: nil, day: day, reloadMinutes: nil)
        let stops = [(0.0, 10.0), (0.0, 12.0), (-30.0, 0.0), (0.0, 14.0)].enumerated().map { i, p in
            Stop(id: "s\(i)", location: .planar(x: p.0, y: p.1), weightKg: 1, serviceMinutes: 0, building: i == 1 ? "b1" : nil)
        }
        let fleet = [Courier(id: "north", name: "n", capacityKg: 100, shift: day, speedKmh: 60),
                     Courier(id: "west", name: "w", capacityKg: 100, shift: day, speedKmh: 60, territory: ["b1"])]
        let scenario = Scenario(name: "territory", outlet: outlet, couriers: fleet, stops: stops, travel: .euclidean(unitsPerMinute: 1))
        let problem = ProblemBuilder(scenario: scenario, objective: .distance).problem
        #expect(problem.preferredVehicle == [-1, 1, -1, -1])
        var state = OperatorFixture.state([[0], [2]], problem)
        var rng = SplitMix64(seed: 1)
        problem.recreate([1, 3], into: &state, rng: &rng, blinkRate: 0, allowGranular: false, ownCourierOnly: true)
        #expect(state.routeOf[1] == 1, "the own courier's route, though the other passes next to it")
        #expect(state.routeOf[3] < 0, "no own courier: left for the general pass")
        problem.recreate([3], into: &state, rng: &rng, blinkRate: 0, allowGranular: false)
        #expect(state.routeOf[3] >= 0)
    }
}
