import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct InsertionTests {
    /// Each single stop of `day` (not a shipment half), taken out, and each arc of each feasible
    /// route whose courier may serve it.
    static func forEachPlace(_ problem: RoutingProblem, _ day: SearchState, _ body: (_ stop: Int, _ route: Route, _ arc: Int) -> Void) {
        for u in 0..<problem.stopCount where problem.partner[u] < 0 && day.routeOf[u] >= 0 {
            var state = day
            state.remove([u], problem)
            for route in state.routes where problem.canServe(route.vehicle, u) && route.feasible && route.complete {
                for k in 0...route.stops.count { body(u, route, k) }
            }
        }
    }

    /// Each shipment of `problem` routed by a regret construction (seed `seed`), taken out (both
    /// halves), and each feasible route whose courier may serve both halves.
    static func forEachShipmentOffer(_ problem: RoutingProblem, seed: UInt64, _ body: (_ pickup: Int, _ delivery: Int, _ route: Route) -> Void) {
        var day = SearchState(problem)
        var construct = SplitMix64(seed: seed)
        problem.regretConstruct(into: &day, rng: &construct)
        for u in 0..<problem.stopCount where problem.isShipmentPickup[u] && day.routeOf[u] >= 0 {
            let w = problem.partner[u]
            var state = day
            state.remove([u], problem)
            for route in state.routes where route.feasible && problem.canServe(route.vehicle, u) && problem.canServe(route.vehicle, w) {
                body(u, w, route)
            }
        }
    }

    /// Shipment pickup `u` and delivery `w` offered to `route` under bounds at, just above and
    /// halfway to `exact` (the unbounded place's cost) and at a random level: below a bound the
    /// same place, otherwise none or one that costs the bound or more. Returns how many bounds
    /// gave the same place and how many were at or below the cost.
    static func expectBoundsChangeNothingBelow(_ problem: RoutingProblem, _ u: Int, _ w: Int, _ route: Route,
                                               exact: (Int, Int, Double)?, rng: inout SplitMix64, seed: UInt64) -> (same: Int, above: Int) {
        var same = 0, above = 0
        let level = exact?.2 ?? 100 * rng.unit()
        for bound in [level, level + 1e-6, level / 2, 1_000 * rng.unit()] {
            let bounded = problem.pairInsertion(u, w, into: route, bound: bound)
            if let exact, exact.2 < bound {
                #expect(bounded.map { $0 == exact } == true, "seed \(seed): shipment \(u) under \(bound)")
                same += 1
            } else {
                #expect(bounded.map { $0.2 >= bound } ?? true, "seed \(seed): shipment \(u) cheaper than \(bound)")
                above += 1
            }
        }
        return (same, above)
    }

    /// Every single stop of random days (with trips and release times on odd seeds), taken out
    /// and offered at every arc of every feasible route whose courier may serve it: a place the
    /// cache calls feasible is feasible when the route is recomputed from scratch (with the
    /// reload the insertion asks for), and on days without release times (where the cache
    /// estimates nothing) every feasible place is found.
    @Test func feasibilityAgreesWithTheRouteRecomputed() {
        var accepted = 0, refused = 0
        for seed in 0..<UInt64(16) {
            let (problem, day) = OperatorFixture.randomDay(seed: seed)
            Self.forEachPlace(problem, day) { u, route, k in
                if let insertion = problem.insertionCost(u, into: route, at: k) {
                    var placed = route
                    switch insertion.reload {
                    case .none: placed.stops.insert(u, at: k)
                    case .before: placed.stops.insert(contentsOf: [problem.outletNode, u], at: k)
                    case .after: placed.stops.insert(contentsOf: [u, problem.outletNode], at: k)
                    }
                    placed.update(problem)
                    let feasible = placed.feasible
                    #expect(feasible, "seed \(seed): stop \(u) at arc \(k) of courier \(route.vehicle), reload \(insertion.reload)")
                    accepted += 1
                } else {
                    var plain = route
                    plain.stops.insert(u, at: k)
                    plain.update(problem)
                    let feasible = plain.feasible
                    if !problem.hasReleases {
                        #expect(!feasible, "seed \(seed): stop \(u) fits at arc \(k) of courier \(route.vehicle) but was refused")
                    }
                    refused += 1
                }
            }
        }
        #expect(accepted > 100 && refused > 100, "\(accepted) accepted, \(refused) refused")
    }

    /// A bound (recreate's best place so far) changes nothing below it: every place of every
    /// single stop of random outlet days, bounded at, just above, and halfway to its own cost and
    /// at random levels, costs the same and takes the same reload where the unbounded cost is
    /// below the bound, and otherwise comes back as no place or a cost at the bound or above.
    /// Both early exits are met: the added distance alone, and the terms before the walk down
    /// the route's promises.
    @Test func aBoundChangesNothingBelowIt() {
        var same = 0, cutByDistance = 0, cutBeforePromises = 0
        var rng = SplitMix64(seed: 41)
        for seed in 0..<UInt64(16) {
            let (problem, day) = OperatorFixture.randomDay(seed: seed)
            #expect(problem.objective.hasNoNegativeWeight)
            Self.forEachPlace(problem, day) { u, route, k in
                let exact = problem.insertionCost(u, into: route, at: k)
                let level = exact?.cost ?? 100 * rng.unit()
                for bound in [level, level + 1e-6, level / 2, 1_000 * rng.unit()] {
                    let bounded = problem.insertionCost(u, into: route, at: k, bound: bound)
                    if let exact, exact.cost < bound {
                        #expect(bounded?.cost == exact.cost && bounded?.reload == exact.reload, "seed \(seed): stop \(u) at \(k)")
                        same += 1
                    } else if let bounded {
                        #expect(bounded.cost >= bound, "seed \(seed): stop \(u) at \(k) costs \(bounded.cost) under \(bound)")
                        if bounded.cost == .infinity { cutBeforePromises += 1 }
                    } else if exact != nil {
                        cutByDistance += 1
                    }
                }
            }
        }
        #expect(same >= 2_000 && cutByDistance >= 30 && cutBeforePromises >= 60,
                "\(same) the same, \(cutByDistance) cut by distance, \(cutBeforePromises) cut before the promises")
        // One negative weight and recreate bounds nothing.
        #expect(!Objective.outlet.overriding(["perMinute": -0.01]).objective.hasNoNegativeWeight)
    }

    /// The same for shipments on routes too long to be priced exactly: every shipment of random
    /// outlet days of 40 stops and two couriers (trips and releases), offered to each route of
    /// more than ``RoutingProblem/exactPairInsertionLength`` stops, gives the same place and
    /// cost below a bound, and nothing cheaper above it. (Odd seeds have tight windows.)
    @Test func aBoundChangesNoShipmentPlaceBelowIt() {
        var same = 0, above = 0
        var rng = SplitMix64(seed: 43)
        for seed in 0..<UInt64(24) {
            let problem = ProblemBuilder(scenario: RandomScenario.make(seed: 700 + seed, stops: 40, couriers: 2, tightWindows: seed % 2 == 1,
                                                                       trips: true),
                                         objective: .outlet).problem
            Self.forEachShipmentOffer(problem, seed: seed) { u, w, route in
                guard route.stops.count > RoutingProblem.exactPairInsertionLength else { return }
                let counts = Self.expectBoundsChangeNothingBelow(problem, u, w, route, exact: problem.pairInsertion(u, w, into: route),
                                                                 rng: &rng, seed: seed)
                same += counts.same
                above += counts.above
            }
        }
        #expect(same >= 50 && above >= 100, "\(same) the same, \(above) at or above the bound")
    }

    /// Where shipment places are bounded by their added distance (no reloads, nothing priced by
    /// the minute: the hierarchical objective), the place found is the cheapest of every pickup
    /// and delivery arc tried by recomputing the route from scratch, and a bound changes nothing
    /// below it: every shipment of random days of 40 stops and two couriers (tight windows on
    /// odd seeds), against each feasible route, long and short (priced exactly).
    @Test func boundedShipmentPlacesAreTheCheapest() {
        var compared = 0, none = 0, boundedSame = 0
        var rng = SplitMix64(seed: 47)
        for seed in 0..<UInt64(12) {
            var scenario = RandomScenario.make(seed: 800 + seed, stops: 40, couriers: 2, tightWindows: seed % 2 == 1)
            scenario.outlet.reloadMinutes = nil
            let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
            #expect(problem.boundsPairsByDistance)
            Self.forEachShipmentOffer(problem, seed: seed) { u, w, route in
                // Every pair of arcs, recomputed.
                var cheapest = Double.infinity
                for k1 in 0...route.stops.count {
                    for k2 in k1...route.stops.count {
                        var placed = route
                        placed.stops.insert(w, at: k2)
                        placed.stops.insert(u, at: k1)
                        placed.update(problem)
                        if placed.feasible, placed.complete { cheapest = min(cheapest, placed.cost(problem) - route.cost(problem)) }
                    }
                }
                guard let found = problem.pairInsertion(u, w, into: route) else {
                    #expect(cheapest == .infinity, "seed \(seed): shipment \(u) fits at \(cheapest) but no place was found")
                    none += 1
                    return
                }
                #expect(abs(found.2 - cheapest) < 1e-6, "seed \(seed): shipment \(u) costs \(found.2), the cheapest \(cheapest)")
                var placed = route
                placed.stops.insert(w, at: found.1)
                placed.stops.insert(u, at: found.0)
                placed.update(problem)
                #expect(placed.feasible && placed.complete, "seed \(seed): shipment \(u) at \(found.0), \(found.1)")
                compared += 1
                boundedSame += Self.expectBoundsChangeNothingBelow(problem, u, w, route, exact: found, rng: &rng, seed: seed).same
            }
        }
        #expect(compared >= 40 && none >= 1 && boundedSame >= 40, "\(compared) compared, \(none) without a place, \(boundedSame) the same under a bound")
        // The outlet objective prices minutes: no distance bound where a place is priced exactly.
        #expect(!ProblemBuilder(scenario: RandomScenario.make(seed: 800, stops: 10, couriers: 2), objective: .outlet).problem.boundsPairsByDistance)
    }

    /// On outlet days (trips, promises, the working day priced, or only the promises: the
    /// distance then decides most places), shipment places in routes longer than
    /// ``RoutingProblem/exactPairInsertionLength`` are estimated, and passing over those whose
    /// added distance alone costs the best so far finds the same place, at the same cost, as
    /// timing every one of them; a caller's bound changes nothing below it. In routes priced
    /// exactly there is no such bound (an exact price may fall below the distance).
    @Test(arguments: [true, false])
    func distanceBoundsChangeNoShipmentPlaceOnOutletDays(workingDayPriced: Bool) {
        var compared = 0, placed = 0, exactRoutes = 0
        var rng = SplitMix64(seed: 53)
        var objective = Objective.outlet
        if !workingDayPriced { objective.perMinute = 0; objective.perSquaredWorkingMinute = 0 }
        for seed in 0..<UInt64(10) {
            let scenario = RandomScenario.make(seed: 820 + seed, stops: 60, couriers: 2, tightWindows: seed % 3 == 1, trips: seed % 2 == 0)
            let problem = ProblemBuilder(scenario: scenario, objective: objective).problem
            #expect(problem.pricesPromises && problem.tracksTrips)
            Self.forEachShipmentOffer(problem, seed: seed) { u, w, route in
                guard route.stops.count > RoutingProblem.exactPairInsertionLength else {
                    #expect(!problem.boundsPairsByDistance(in: route))
                    exactRoutes += 1
                    return
                }
                #expect(problem.boundsPairsByDistance(in: route))
                let timed = problem.pairInsertion(u, w, into: route, distanceBounds: false)
                let bounded = problem.pairInsertion(u, w, into: route)
                #expect(bounded.map { [Double($0.0), Double($0.1), $0.2] } == timed.map { [Double($0.0), Double($0.1), $0.2] },
                        "seed \(seed): shipment \(u) at \(String(describing: bounded)), timing every place \(String(describing: timed))")
                compared += 1
                if timed != nil { placed += 1 }
                _ = Self.expectBoundsChangeNothingBelow(problem, u, w, route, exact: timed, rng: &rng, seed: seed)
            }
        }
        #expect(compared >= 40 && placed >= 20, "\(compared) compared, \(placed) with a place, \(exactRoutes) routes priced exactly")
    }

    /// Where the cost does not depend on the time (literature-like days), an insertion without a
    /// reload costs exactly the route's cost after it minus before.
    @Test(arguments: 0..<UInt64(12))
    func costIsExactWhereTheTimeCostsNothing(_ seed: UInt64) {
        let (problem, day) = OperatorFixture.randomDay(seed: seed, plain: true)
        var compared = 0
        for u in 0..<problem.stopCount where problem.partner[u] < 0 && day.routeOf[u] >= 0 {
            var state = day
            state.remove([u], problem)
            for route in state.routes where problem.canServe(route.vehicle, u) && route.feasible {
                for k in 0...route.stops.count {
                    guard let insertion = problem.insertionCost(u, into: route, at: k), insertion.reload == .none else { continue }
                    var placed = route
                    placed.stops.insert(u, at: k)
                    placed.update(problem)
                    #expect(abs(placed.cost(problem) - route.cost(problem) - insertion.cost) < 1e-6,
                            "seed \(seed): stop \(u) at arc \(k): \(insertion.cost) against \(placed.cost(problem) - route.cost(problem))")
                    compared += 1
                }
            }
        }
        #expect(compared > 20)
    }

    /// Outlet at the origin, one route (0,10) → (10,0). Putting (10,10) between them adds
    /// 10 + 10 − 10√2 = 5.858; before the first stop or after the last, 10√2 = 14.142.
    @Test func handComputedDistance() {
        let problem = OperatorFixture.planarDay([(0, 10), (10, 10), (10, 0)], couriers: 1)
        let state = OperatorFixture.state([[0, 2]], problem)
        let route = state.routes[0]
        let costs = (0...2).map { problem.insertionCost(1, into: route, at: $0)?.cost ?? .nan }
        #expect(abs(costs[1] - (20 - 10 * 2.0.squareRoot())) < 1e-4)
        #expect(abs(costs[0] - 10 * 2.0.squareRoot()) < 1e-4 && abs(costs[2] - 10 * 2.0.squareRoot()) < 1e-4)
    }

    /// Where an insertion delays position k by no more than the route's promise room there,
    /// walking the promises downstream (the walk the room lets insertion skip) finds no cost;
    /// past the room, the walk finds one in a good share of the cases (the room is not just
    /// zero or a loose bound).
    @Test func aDelayWithinThePromiseRoomCostsNoPromise() {
        var checked = 0, costlyBeyond = 0, beyond = 0
        for seed in 0..<UInt64(24) {
            let (problem, day) = OperatorFixture.randomDay(seed: seed)
            for route in day.routes where route.feasible && !route.isEmpty {
                for k in 0..<route.stops.count where route.promisesFrom[k] > 0 {
                    let room = route.promiseRoom[k]
                    #expect(room >= 0 && room.isFinite, "seed \(seed): room \(room) at \(k)")
                    for share in [0.0, 0.5, 1.0] {
                        let cost = problem.downstreamPromiseCost(route, from: k, arrival: route.arrival[k] + share * room)
                        #expect(abs(cost) < 1e-9, "seed \(seed): a delay of \(share * room) at \(k) costs \(cost)")
                        checked += 1
                    }
                    beyond += 1
                    if problem.downstreamPromiseCost(route, from: k, arrival: route.arrival[k] + room + 5) > 0 { costlyBeyond += 1 }
                }
            }
        }
        #expect(checked > 150 && costlyBeyond * 4 > beyond, "\(checked) checked, \(costlyBeyond) of \(beyond) cost more beyond the room")
    }
}

