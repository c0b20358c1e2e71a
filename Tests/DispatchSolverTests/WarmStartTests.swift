import Testing
@testable import DispatchModel
@testable import DispatchSolver

/// The warm start (`WarmStart.swift`): given routes are kept where they are feasible, cut back
/// where they are not, each stop is placed once, and the stops left over are inserted.
@Suite struct WarmStartTests {
    /// ``OperatorFixture/planarScenario(_:couriers:depot:shipments:promises:windows:reloads:)``
    /// under the distance objective, with its builder (for stop indices).
    static func day(_ points: [(x: Double, y: Double)], couriers: Int, windows: [Int: TimeWindow] = [:],
                    shipments: [(pickup: Int, delivery: Int)] = []) -> ProblemBuilder {
        ProblemBuilder(scenario: OperatorFixture.planarScenario(points, couriers: couriers, shipments: shipments, windows: windows),
                       objective: .distance)
    }

    /// Problem index of scenario stop `i`.
    static func node(_ i: Int, _ builder: ProblemBuilder) -> Int {
        builder.stopIndex.firstIndex(of: i) ?? -1
    }

    static func warmStarted(_ sequences: [[Int]], _ p: RoutingProblem) -> SearchState {
        var state = SearchState(p)
        var rng = SplitMix64(seed: 7)
        p.warmStart(sequences, into: &state, rng: &rng)
        return state
    }

    @Test func feasibleRoutesAreKeptInTheirOrderEvenWhenAnotherIsShorter() {
        // On a line: the given order 2, 0, 1 rides back and forth; the warm start keeps it.
        let builder = Self.day([(1, 0), (2, 0), (3, 0), (0, 5), (0, 6)], couriers: 2)
        let p = builder.problem
        let n = { Self.node($0, builder) }
        let given = [[n(2), n(0), n(1)], [n(3), n(4)]]
        let state = Self.warmStarted(given, p)
        #expect(state.routes.map(\.stops) == given)
        #expect(state.unassigned.isEmpty)
        #expect(abs(state.routes[0].distance - (3 + 2 + 1 + 2)) < 1e-9)
    }

    @Test func aStopGivenTwiceIsPlacedOnceAndAStopNotGivenIsInsertedAtItsCheapestPlace() {
        let builder = Self.day([(1, 0), (2, 0), (3, 0), (4, 1)], couriers: 1)
        let p = builder.problem
        let n = { Self.node($0, builder) }
        // Stop 1 given twice on the one courier; stop 2 not given: it belongs between 1 and 3
        // (√2 + 1 − √5 ≈ 0.18 added, against 3 + √2 − √17 ≈ 0.29 after 3).
        let state = Self.warmStarted([[n(0), n(1), n(1), n(3)]], p)
        #expect(state.routes[0].stops == [n(0), n(1), n(2), n(3)])
        #expect(state.unassigned.isEmpty)
    }

    @Test func aRouteThatBreaksAWindowIsCutBackAndTheStopInsertedWhereItFits() {
        // Stop 1 must be served by 07:10 and lies 5 minutes out; after stop 0 (20 minutes out,
        // the other way) it is late, so the given route [0, 1] is cut back to [0] and stop 1 goes
        // first.
        let builder = Self.day([(-20, 0), (5, 0)], couriers: 1, windows: [1: TimeWindow(start: 7 * 60, end: 7 * 60 + 10)])
        let p = builder.problem
        let n = { Self.node($0, builder) }
        let state = Self.warmStarted([[n(0), n(1)]], p)
        #expect(state.routes[0].stops == [n(1), n(0)])
        #expect(state.routes[0].feasible && state.routes[0].complete)
        #expect(state.unassigned.isEmpty)
    }

    @Test func aShipmentHalfGivenWithoutItsPartnerIsNotKeptThereButBothHalvesAreInserted() {
        // Shipment: pickup 1, delivery 2. Courier 0 is given only the delivery.
        let builder = Self.day([(1, 0), (2, 0), (3, 0)], couriers: 1, shipments: [(pickup: 1, delivery: 2)])
        let p = builder.problem
        let n = { Self.node($0, builder) }
        let state = Self.warmStarted([[n(2), n(0)]], p)
        let stops = state.routes[0].stops
        #expect(Set(stops) == [n(0), n(1), n(2)])
        let pickup = stops.firstIndex(of: n(1)) ?? -1, delivery = stops.firstIndex(of: n(2)) ?? -1
        #expect(pickup >= 0 && pickup < delivery)
        #expect(state.unassigned.isEmpty)
    }

    @Test func aStopTheCourierCannotServeLeavesTheGivenRoute() {
        // A cold-chain stop given to the courier without a cooler box goes to the one with it.
        let (builder, cold, coolerBox) = RandomScenario.coldDay(seed: 41, stops: 14)
        let p = builder.problem
        let without = 1 - coolerBox
        let state = Self.warmStarted([without == 0 ? [cold] : [], without == 1 ? [cold] : []], p)
        #expect(state.routeOf[cold] == coolerBox)
    }

    @Test func randomDaysKeepFeasibleRoutesAndPlaceEveryStopOnce() {
        var days = 0
        for seed in UInt64(0)..<16 {
            let (p, built) = OperatorFixture.randomDay(seed: seed)
            // Odd seeds put a reload at a random place, which may break a route: only days whose
            // routes are all feasible are given back.
            guard built.routes.allSatisfy({ $0.feasible && $0.complete }), built.routes.count >= 2 else { continue }
            days += 1
            let given = built.routes.map(\.stops)
            // A feasible plan comes back in the order it was given (stops the construction left
            // out may now find a place beside them).
            let kept = Self.warmStarted(given, p)
            #expect(kept.routes.map { $0.stops.filter { !p.isReload($0) && built.routeOf[$0] >= 0 } }
                == given.map { $0.filter { !p.isReload($0) } }, "seed \(seed)")
            // Route 1's stops given to route 0 as well, after its own (and route 0's to route 1):
            // route 0 keeps its own stops (each prefix of a feasible route is feasible), no stop
            // is placed twice, every route stays feasible.
            let crossed = [given[0] + given[1].filter { !p.isReload($0) }, given[1] + given[0].filter { !p.isReload($0) }]
                + given.dropFirst(2)
            let state = Self.warmStarted(crossed, p)
            #expect(given[0].filter { !p.isReload($0) }.allSatisfy { state.routeOf[$0] == 0 }, "seed \(seed)")
            var seen = Set<Int>()
            for route in state.routes {
                #expect(route.feasible && route.complete, "seed \(seed)")
                for s in route.stops where !p.isReload(s) { #expect(seen.insert(s).inserted, "seed \(seed): stop \(s) twice") }
            }
            #expect(seen.count == state.assigned.count)
        }
        #expect(days >= 8)
    }

    @Test func initialSolutionsBecomeNodeSequencesWithReloadsBetweenTripsAndUnknownIdsIgnored() {
        let points: [(x: Double, y: Double)] = [(1, 0), (2, 0), (3, 0)]
        let start = InitialSolution(trips: ["c0": [["s2", "nope"], [], ["s0"]], "c1": [["s1"]], "c9": [["s1"]]])
        let reloading = OperatorFixture.planarScenario(points, couriers: 2, reloads: true)
        let withReloads = ProblemBuilder(scenario: reloading, objective: .distance)
        let n = { Self.node($0, withReloads) }
        #expect(withReloads.vehicleSequences(start, scenario: reloading) == [[n(2), withReloads.problem.outletNode, n(0)], [n(1)]])
        let plain = OperatorFixture.planarScenario(points, couriers: 2)
        let without = ProblemBuilder(scenario: plain, objective: .distance)
        #expect(without.vehicleSequences(start, scenario: plain) == [[n(2), n(0)], [n(1)]])
    }

    @Test func keptCouriersBecomeEachStopsOwnCourier() {
        let start = InitialSolution(trips: ["c0": [["a", "b"], ["c"]], "c1": [["d"]]], keepsCouriers: true)
        #expect(start.preferredCouriers == ["a": "c0", "b": "c0", "c": "c0", "d": "c1"])
        #expect(InitialSolution(trips: start.trips).preferredCouriers.isEmpty)
    }
}
