import Testing
@testable import DispatchModel
@testable import DispatchSolver

/// Shared by the operator tests: random small days, a reference cost computed from scratch, and
/// tiny planar days whose costs can be worked out by hand.
enum OperatorFixture {
    /// A regret-built day of ``RandomScenario`` under the outlet objective (lateness, per-minute,
    /// fair-day and off-territory terms all weigh). Odd seeds make days with trips (a third of
    /// the capacity, parcels released at 10:00); there, a reload is also put at a random place
    /// of each route of three stops or more, so the moves meet reloads they did not choose.
    ///
    /// A `plain` day is a literature-like one under the hierarchical objective: no reloads, no
    /// shipments, no releases, so the cost does not depend on the time and ``Relocate``,
    /// ``Swap`` and ``TwoOptStar`` read their deltas from the caches. Even seeds carry
    /// deliveries only; seeds 0 and 1 mod 4 get a fleet of one class. A spare courier gets one
    /// stop of another route, so that moves emptying a route are met too.
    static func randomDay(seed: UInt64, plain: Bool = false) -> (problem: RoutingProblem, state: SearchState) {
        let trips = !plain && seed % 2 == 1
        // Plain days get a spare courier (the hierarchical objective leaves it at home), who is
        // then given one stop.
        var scenario = RandomScenario.make(seed: 9_000 + seed, stops: 12 + Int(seed % 11), couriers: 2 + Int(seed % 2) + (plain ? 1 : 0),
                                           shipments: !plain, trips: trips)
        if plain {
            scenario.outlet.reloadMinutes = nil
            if seed % 2 == 0 {
                for i in scenario.stops.indices { scenario.stops[i].kind = .delivery }
            }
            if seed % 4 < 2 { RandomScenario.makeFleetIdentical(&scenario, capacityKg: 25, capacityLitres: 150) }
        }
        let problem = ProblemBuilder(scenario: scenario, objective: plain ? .hierarchical : .outlet).problem
        var state = SearchState(problem)
        var random = SplitMix64(seed: seed)
        problem.regretConstruct(into: &state, rng: &random)
        if plain, let lonely = state.routes.indices.first(where: { state.routes[$0].isEmpty }),
           let crowded = state.routes.indices.first(where: { state.routes[$0].stops.count >= 2 }) {
            // A route of one stop, so that moves emptying a route (a courier saved) are met.
            let stop = state.routes[crowded].stops[0]
            state.assign(crowded, stops: Array(state.routes[crowded].stops.dropFirst()), problem)
            state.assign(lonely, stops: [stop], problem)
        }
        if trips {
            for r in state.routes.indices where state.routes[r].stops.count >= 3 {
                var stops = state.routes[r].stops
                stops.insert(problem.outletNode, at: 1 + random.below(stops.count - 1))
                state.assign(r, stops: stops, problem)
            }
        }
        return (problem, state)
    }

    /// Days for the random tests, and how many of them have a reload somewhere.
    static func randomDays(_ count: Int, plain: Bool = false) -> (days: [(problem: RoutingProblem, state: SearchState)], withReloads: Int) {
        let days = (0..<UInt64(count)).map { randomDay(seed: $0, plain: plain) }
        let withReloads = days.filter { day in day.state.routes.contains { $0.stops.contains(where: day.problem.isReload) } }.count
        return (days, withReloads)
    }

    /// Runs `body` on `count` random days (outlet days, a quarter of them at least with reloads,
    /// then as many `plain` days) and expects it to have checked at least `feasible` feasible and
    /// `infeasible` infeasible moves of each kind of day; with `cached`, also that the plain
    /// days' moves were read from the caches at least that often, and with `screened`, that the
    /// outlet days' caches found at least that many moves infeasible without scheduling them.
    static func checkRandomDays(_ count: Int, feasible: Int, infeasible: Int, cached: Int = 0, screened: Int = 0,
                                sourceLocation: Testing.SourceLocation = #_sourceLocation,
                                _ body: (RoutingProblem, SearchState, inout Tally) -> Void) {
        for plain in [false, true] {
            let (days, withReloads) = randomDays(count, plain: plain)
            #expect(plain || withReloads >= count / 4, sourceLocation: sourceLocation)
            var tally = Tally()
            for (problem, state) in days { body(problem, state, &tally) }
            #expect(tally.feasible >= feasible && tally.infeasible >= infeasible, "plain \(plain): \(tally)", sourceLocation: sourceLocation)
            #expect(!plain || tally.cached >= cached, "\(tally)", sourceLocation: sourceLocation)
            #expect(plain || tally.screened >= screened, "\(tally)", sourceLocation: sourceLocation)
        }
    }

    /// The cost of `stops` on `vehicle` from a fresh route (no cache reused), or `nil` when that
    /// route is infeasible or a stop needs a skill the courier lacks.
    static func referenceCost(_ stops: [Int], vehicle: Int, _ p: RoutingProblem) -> (cost: Double, route: Route)? {
        var route = Route(vehicle: vehicle)
        route.stops = stops
        route.update(p)
        guard route.feasible, route.complete, stops.allSatisfy({ p.isReload($0) || p.canServe(vehicle, $0) }) else { return nil }
        return (route.cost(p), route)
    }

    /// What a check of one move found.
    struct Tally {
        var feasible = 0, infeasible = 0
        /// Moves whose delta came from the routes' caches.
        var cached = 0
        /// Moves on days whose cost needs the schedule that the caches found infeasible
        /// unscheduled (``RoutingProblem/spliceScreen(_:replacing:with:)``).
        var screened = 0
        var total: Int { feasible + infeasible }
    }

    /// Checks `move` against `expected` (the new stops of each changed route, built by the test
    /// with plain array operations): `delta` equals the from-scratch cost change, or is `nil`
    /// exactly when a new route is infeasible (whether it was read from the caches or scheduled);
    /// `apply` on a copy gives those routes, a state
    /// whose cost changed by `delta`, and consistent positions. Where no reload is dropped, the
    /// distance screen equals the real distance change (the matrices here are symmetric).
    static func check<Move: RouteMove>(_ move: Move, expected: [Int: [Int]], _ state: SearchState, _ p: RoutingProblem,
                                       screenIsExact: Bool = true, tally: inout Tally,
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var evaluator = SequenceEvaluator(p)
        let delta = move.delta(state, p, evaluator: &evaluator)
        switch move.cachedEvaluation(state, p) {
        case .needsSchedule: break
        case .infeasible where !p.hasScheduleFreeCost: tally.screened += 1
        default: tally.cached += 1
        }
        var referenceDelta: Double? = 0
        var distanceChange = 0.0
        var reloadDropped = false
        for (r, stops) in expected {
            guard let reference = referenceCost(stops, vehicle: state.routes[r].vehicle, p) else { referenceDelta = nil; break }
            referenceDelta = referenceDelta.map { $0 + reference.cost - state.routes[r].cost(p) }
            distanceChange += reference.route.distance - state.routes[r].distance
            if reference.route.stops.count != stops.count { reloadDropped = true }
        }
        guard let referenceDelta else {
            #expect(delta == nil, "an infeasible move has a delta", sourceLocation: sourceLocation)
            tally.infeasible += 1
            return
        }
        tally.feasible += 1
        guard let delta else {
            Issue.record("a feasible move has no delta (reference \(referenceDelta))", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(delta - referenceDelta) < 1e-6, "delta \(delta), from scratch \(referenceDelta)", sourceLocation: sourceLocation)
        if screenIsExact, !reloadDropped {
            #expect(abs(move.distanceDelta(state, p) - distanceChange) < 1e-3,
                    "screen \(move.distanceDelta(state, p)), distance change \(distanceChange)", sourceLocation: sourceLocation)
        }
        var applied = state
        move.apply(&applied, p)
        #expect(abs(applied.cost(p) - state.cost(p) - delta) < 1e-6, sourceLocation: sourceLocation)
        for (r, stops) in expected {
            #expect(applied.routes[r].stops == referenceCost(stops, vehicle: state.routes[r].vehicle, p)?.route.stops,
                    sourceLocation: sourceLocation)
        }
        for (r, route) in applied.routes.enumerated() {
            for (k, stop) in route.stops.enumerated() where !p.isReload(stop) {
                #expect(applied.routeOf[stop] == r && applied.position[stop] == k, sourceLocation: sourceLocation)
            }
        }
        #expect(applied.routes.reduce(0) { $0 + $1.stops.filter { !p.isReload($0) }.count } == state.routes.reduce(0) {
            $0 + $1.stops.filter { !p.isReload($0) }.count
        }, sourceLocation: sourceLocation)
    }

    /// A planar day (travel minutes = Euclidean distance, no service time, whole-day windows,
    /// no reloads) with the outlet at the origin: stops at `points`, `couriers` couriers of
    /// capacity 100 kg, 1 kg a stop. `kinds` and `shipment` ids make shipments; `promises`
    /// sets promised slots by stop index.
    static func planarDay(_ points: [(x: Double, y: Double)], couriers: Int, objective: Objective = .distance,
                          depot: (x: Double, y: Double) = (0, 0),
                          shipments: [(pickup: Int, delivery: Int)] = [], promises: [Int: TimeWindow] = [:]) -> RoutingProblem {
        let scenario = planarScenario(points, couriers: couriers, depot: depot, shipments: shipments, promises: promises)
        return ProblemBuilder(scenario: scenario, objective: objective).problem
    }

    /// The scenario of ``planarDay(_:couriers:objective:depot:shipments:promises:)``; `windows`
    /// replaces the whole day by stop index, and with `reloads` couriers may reload (5 minutes).
    static func planarScenario(_ points: [(x: Double, y: Double)], couriers: Int, depot: (x: Double, y: Double) = (0, 0),
                               shipments: [(pickup: Int, delivery: Int)] = [], promises: [Int: TimeWindow] = [:],
                               windows: [Int: TimeWindow] = [:], reloads: Bool = false) -> Scenario {
        let day = TimeWindow(start: 7 * 60, end: 21 * 60)
        let outlet = Outlet(id: "depot", name: "planar", location: .planar(x: depot.x, y: depot.y), zoneRadiusKm: nil, day: day,
                            reloadMinutes: reloads ? 5 : nil)
        var stops = points.enumerated().map { index, point in
            Stop(id: "s\(index)", location: .planar(x: point.x, y: point.y), weightKg: 1, windows: [windows[index] ?? day],
                 serviceMinutes: 0, promise: promises[index])
        }
        for (number, shipment) in shipments.enumerated() {
            stops[shipment.pickup].kind = .shipmentPickup
            stops[shipment.pickup].shipment = "shipment \(number)"
            stops[shipment.delivery].kind = .shipmentDelivery
            stops[shipment.delivery].shipment = "shipment \(number)"
        }
        let fleet = (0..<couriers).map { Courier(id: "c\($0)", name: "courier \($0)", capacityKg: 100, shift: day, speedKmh: 60) }
        return Scenario(name: "planar", outlet: outlet, couriers: fleet, stops: stops, travel: .euclidean(unitsPerMinute: 1))
    }

    /// A state with exactly these routes (stop indices, one list per courier).
    static func state(_ routes: [[Int]], _ p: RoutingProblem) -> SearchState {
        var state = SearchState(p)
        for (r, stops) in routes.enumerated() { state.assign(r, stops: stops, p) }
        return state
    }
}
