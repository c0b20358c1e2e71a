import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct RuinTests {
    /// A cold-chain parcel due before 10:00 (10 minutes at the door), and three couriers: a
    /// cooler box on shift from 08:00 whose morning is full (22 minutes at each of five parcels
    /// anyone could take later, then one due before 10:00, served a few minutes before it), a
    /// cooler box from 10:00, and one without a cooler box. Stop 0 is the cold parcel; 1…6 are
    /// in courier 0's route; 7…8 in courier 1's; 9…10 in courier 2's.
    static func morningCrunch() -> (problem: RoutingProblem, state: SearchState) {
        let outlet = Outlet(id: "o", name: "outlet", location: .geographic(lat: 30.2791, lon: 120.1312))
        let near = GeoPoint(lat: 30.2791, lon: 120.1312)
        func at(_ metres: Double, _ bearing: Double) -> Location {
            let p = near.offset(kilometres: metres / 1000, bearing: bearing)
            return .geographic(lat: p.lat, lon: p.lon)
        }
        let morning = TimeWindow(start: 8 * 60, end: 10 * 60)
        var stops = [Stop(id: "cold", location: at(400, 0), windows: [morning], serviceMinutes: 10, requiredSkills: ["cold"])]
        for i in 1...6 {
            // Stop 6 is due before 10:00 too; the others could come at any time.
            stops.append(Stop(id: "m\(i)", location: at(300 + 40 * Double(i), 0.3 * Double(i)),
                              windows: i == 6 ? [morning] : [TimeWindow.wholeDay], serviceMinutes: 22))
        }
        for i in 7...10 { stops.append(Stop(id: "x\(i)", location: at(500, 1 + Double(i)), serviceMinutes: 5)) }
        let couriers = [
            Courier(id: "cold-early", name: "a", capacityKg: 100, shift: TimeWindow(start: 8 * 60, end: 19 * 60), skills: ["cold"]),
            Courier(id: "cold-late", name: "b", capacityKg: 100, shift: TimeWindow(start: 10 * 60, end: 21 * 60), skills: ["cold"]),
            Courier(id: "plain", name: "c", capacityKg: 100, shift: TimeWindow(start: 8 * 60, end: 19 * 60)),
        ]
        let scenario = Scenario(name: "morning crunch", outlet: outlet, couriers: couriers, stops: stops)
        let problem = ProblemBuilder(scenario: scenario, objective: .outlet).problem
        var state = SearchState(problem)
        state.assign(0, stops: [1, 2, 3, 4, 5, 6], problem)
        state.assign(1, stops: [7, 8], problem)
        state.assign(2, stops: [9, 10], problem)
        return (problem, state)
    }

    @Test func aFullMorningLeavesTheColdParcelOut() {
        let (problem, state) = Self.morningCrunch()
        var trial = state
        var rng = SplitMix64(seed: 1)
        problem.recreate([0], into: &trial, rng: &rng, blinkRate: 0)
        #expect(trial.routeOf[0] < 0, "the fixture must leave no room before 10:00")
    }

    /// Room is made only where the parcel could go (a cooler box on shift in time), only from
    /// stops served before its deadline that could come later and need no skill, nearest first;
    /// the parcel then fits before 10:00 and every stop is still in exactly one place.
    @Test func makesRoomBeforeTheDeadlineWithACourierWhoCanTakeIt() {
        let (problem, state) = Self.morningCrunch()
        var trial = state
        let cut = problem.ruinForDeadline(of: 0, &trial, routes: 3, perRoute: 2)
        #expect(cut == [0], "only the early cooler box can take the cold parcel by 10:00")
        let removed = (1...10).filter { trial.routeOf[$0] < 0 }
        #expect(removed.count == 2)
        for s in removed {
            #expect(state.routeOf[s] == 0)
            #expect(s != 6, "a stop due by the same deadline is not moved")
            #expect(state.routes[0].start[state.position[s]] <= 10 * 60)
        }
        // Nearest to the cold parcel first.
        let kept = [1, 2, 3, 4, 5].filter { !removed.contains($0) }
        let farthestRemoved = removed.map { problem.dist(0, $0) }.max() ?? .infinity
        #expect(kept.allSatisfy { problem.dist(0, $0) >= farthestRemoved })
        #expect(trial.routes[1].stops == [7, 8] && trial.routes[2].stops == [9, 10])

        var rng = SplitMix64(seed: 1)
        problem.recreate([0] + removed, into: &trial, rng: &rng, blinkRate: 0)
        #expect(trial.routeOf[0] == 0)
        #expect(trial.routes[0].start[trial.position[0]] <= 10 * 60)
        #expect(trial.routes.allSatisfy { $0.feasible })
        var seen = [Int](repeating: 0, count: problem.stopCount)
        for route in trial.routes { for s in route.stops where s < problem.stopCount { seen[s] += 1 } }
        for s in 0..<problem.stopCount { #expect(seen[s] + (trial.routeOf[s] < 0 ? 1 : 0) == 1) }
    }

    /// Which positions of a one-route day of `count` stops a string cut leaves out, over 200
    /// seeds, as runs of consecutive positions.
    static func cutRuns(splitRate: Double) -> [[Range<Int>]] {
        var scenario = RandomScenario.make(seed: 11, stops: 30, couriers: 1, shipments: false)
        RandomScenario.makeFleetIdentical(&scenario, capacityKg: 1_000, capacityLitres: 10_000)
        for i in scenario.stops.indices { scenario.stops[i].windows = [TimeWindow.wholeDay]; scenario.stops[i].promise = nil }
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        var state = SearchState(problem)
        state.assign(0, stops: Array(0..<problem.stopCount), problem)
        var runs: [[Range<Int>]] = []
        for seed in 1...200 {
            var trial = state
            var rng = SplitMix64(seed: UInt64(seed))
            problem.ruinStrings(&trial, rng: &rng, splitRate: splitRate)
            var cut: [Range<Int>] = []
            for k in 0..<problem.stopCount where trial.routeOf[k] < 0 {
                if let last = cut.last, last.upperBound == k { cut[cut.count - 1] = last.lowerBound..<(k + 1) } else { cut.append(k..<(k + 1)) }
            }
            runs.append(cut)
        }
        return runs
    }

    /// A plain string cut is one run of consecutive stops, at most L^max = 10 long.
    @Test func aStringIsOneStretch() {
        for cut in Self.cutRuns(splitRate: 0) {
            #expect(cut.count == 1)
            #expect(cut.reduce(0) { $0 + $1.count } <= 10)
        }
    }

    /// A split string keeps a block inside the stretch it cuts: some cuts are two runs with
    /// stops kept between them, and a cut still removes at most L^max stops.
    @Test func aSplitStringKeepsABlockInsideTheCut() {
        let cuts = Self.cutRuns(splitRate: 1)
        #expect(cuts.allSatisfy { !$0.isEmpty && $0.count <= 2 && $0.reduce(0) { $0 + $1.count } <= 10 })
        let split = cuts.filter { $0.count == 2 }
        #expect(split.count >= 50, "split strings must keep stops inside the cut: \(split.count) of 200")
    }

    /// Split strings are cut on literature days without shipments and on outlet days, not on
    /// pickup-and-delivery days where couriers cost something (Li & Lim), where they measured worse.
    @Test func splitStringsStayOffOnPickupAndDeliveryFleetMinimisation() {
        let pickupAndDelivery = RandomScenario.make(seed: 4, stops: 30, couriers: 3, shipments: true)
        let plain = RandomScenario.make(seed: 4, stops: 30, couriers: 3, shipments: false)
        let shipments = ProblemBuilder(scenario: pickupAndDelivery, objective: .hierarchical).problem
        #expect(shipments.hasShipments && shipments.splitStringRate == 0)
        #expect(ProblemBuilder(scenario: pickupAndDelivery, objective: .outlet).problem.splitStringRate == 0.5)
        #expect(ProblemBuilder(scenario: plain, objective: .hierarchical).problem.splitStringRate == 0.5)
    }

    /// A literature-like day (no reloads, no shipments, whole-day windows, room for all) of
    /// `stops` stops in `routes` routes of consecutive stops.
    static func literatureDay(stops: Int, routes: Int) -> (problem: RoutingProblem, state: SearchState) {
        var scenario = RandomScenario.make(seed: 12, stops: stops, couriers: routes, shipments: false)
        RandomScenario.makeFleetIdentical(&scenario, capacityKg: 1_000, capacityLitres: 10_000)
        scenario.outlet.reloadMinutes = nil
        for i in scenario.stops.indices { scenario.stops[i].windows = [TimeWindow.wholeDay]; scenario.stops[i].promise = nil }
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        var state = SearchState(problem)
        let perRoute = problem.stopCount / routes
        for r in 0..<routes { state.assign(r, stops: Array((r * perRoute)..<((r + 1) * perRoute)), problem) }
        return (problem, state)
    }

    /// A cut by time takes a stop and others served near it in time, from every route that
    /// serves at that hour: on two routes working through the same morning, the stops of a cut
    /// are served well closer together than two stops of the day on average (38 minutes against
    /// 88 here; a random choice would be as far apart as the day's), and many cuts take stops of
    /// both routes.
    @Test func aCutByTimeTakesStopsServedAtTheSameHourOnEveryRoute() {
        let (problem, state) = Self.literatureDay(stops: 40, routes: 2)
        let starts = (0..<problem.stopCount).map { state.routes[state.routeOf[$0]].start[state.position[$0]] }
        func meanApart(_ stops: [Int]) -> Double {
            var total = 0.0, pairs = 0
            for a in stops.indices { for b in stops.indices where b > a { total += abs(starts[stops[a]] - starts[stops[b]]); pairs += 1 } }
            return total / Double(max(pairs, 1))
        }
        let dayApart = meanApart(Array(0..<problem.stopCount))
        #expect(dayApart > 20)
        var cutApart = 0.0, bothRoutes = 0, several = 0
        for seed in 1...200 {
            var trial = state
            var rng = SplitMix64(seed: UInt64(seed))
            problem.ruinByTime(&trial, rng: &rng, averageRemoved: 4)
            let cut = (0..<problem.stopCount).filter { trial.routeOf[$0] < 0 }
            #expect(!cut.isEmpty && cut.count <= 8, "the seed and at most twice the average besides")
            guard cut.count >= 3 else { continue }
            several += 1
            cutApart += meanApart(cut)
            if Set(cut.map { state.routeOf[$0] }).count == 2 { bothRoutes += 1 }
        }
        #expect(several >= 100)
        #expect(cutApart / Double(several) <= 0.6 * dayApart, "cut stops \(cutApart / Double(several)) min apart, the day's \(dayApart)")
        #expect(Double(bothRoutes) >= 0.5 * Double(several), "\(bothRoutes) of \(several) cuts on both routes")
    }

    /// Cuts by time run on literature days of up to 300 stops without shipments: in route
    /// elimination always, in the walk only on days of long routes (20 stops a route or more);
    /// never on larger days, outlet days (reloads) or days with shipments.
    @Test func cutsByTimeWhereTheyMeasuredBetter() {
        let (shortDay, shortRoutes) = Self.literatureDay(stops: 40, routes: 4)
        #expect(!shortDay.usesTimeRuin(shortRoutes, eliminating: false), "10 stops a route")
        #expect(shortDay.usesTimeRuin(shortRoutes, eliminating: true))
        let (longDay, longRoutes) = Self.literatureDay(stops: 40, routes: 2)
        #expect(longDay.usesTimeRuin(longRoutes, eliminating: false), "20 stops a route")
        let (largeDay, largeRoutes) = Self.literatureDay(stops: 302, routes: 2)
        #expect(largeDay.stopCount > 300 && !largeDay.usesTimeRuin(largeRoutes, eliminating: true), "not measured better above 300 stops")
        var pairs = RandomScenario.make(seed: 12, stops: 40, couriers: 2, shipments: true)
        pairs.outlet.reloadMinutes = nil
        let shipments = ProblemBuilder(scenario: pairs, objective: .hierarchical).problem
        #expect(!shipments.allowsReloads && shipments.hasShipments && !shipments.usesTimeRuin(SearchState(shipments), eliminating: true))
        let outlet = ProblemBuilder(scenario: RandomScenario.make(seed: 12, stops: 40, couriers: 2, shipments: false), objective: .hierarchical).problem
        #expect(outlet.allowsReloads && !outlet.usesTimeRuin(SearchState(outlet), eliminating: true))
    }
}
