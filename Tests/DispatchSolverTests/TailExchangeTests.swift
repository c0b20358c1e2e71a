import Testing
import DispatchModel
@testable import DispatchSolver

@Suite struct TailExchangeTests {
    static let centre = GeoPoint(lat: 30.2791, lon: 120.1312)

    static func at(_ km: Double, _ bearing: Double) -> Location {
        let p = centre.offset(kilometres: km, bearing: bearing)
        return .geographic(lat: p.lat, lon: p.lon)
    }

    static func problem(_ stops: [Stop], couriers: [Courier]) -> RoutingProblem {
        let outlet = Outlet(id: "o", name: "outlet", location: .geographic(lat: centre.lat, lon: centre.lon), zoneRadiusKm: 20,
                            reloadMinutes: nil)
        return ProblemBuilder(scenario: Scenario(name: "tails", outlet: outlet, couriers: couriers, stops: stops),
                              objective: .hierarchical).problem
    }

    /// Two routes that each start in one cluster and end in the other (west w0…w3 due west, east
    /// e0…e3 due east of the outlet): exchanging the tails after w1 and from w2 gives each
    /// cluster its own route, every stop kept, for less distance.
    @Test func exchangingTailsGivesEachClusterItsRoute() {
        var stops: [Stop] = []
        for i in 0..<4 { stops.append(Stop(id: "w\(i)", location: Self.at(1 + 0.2 * Double(i), 4.71), weightKg: 1)) }
        for i in 0..<4 { stops.append(Stop(id: "e\(i)", location: Self.at(1 + 0.2 * Double(i), 1.57), weightKg: 1)) }
        let couriers = (0..<2).map { Courier(id: "c\($0)", name: "c\($0)", capacityKg: 10, shift: TimeWindow(start: 8 * 60, end: 18 * 60)) }
        let p = Self.problem(stops, couriers: couriers)
        #expect(p.exchangesTails)
        var state = SearchState(p)
        state.assign(0, stops: [0, 1, 6, 7], p)
        state.assign(1, stops: [4, 5, 2, 3], p)
        let before = state.cost(p)
        p.exchangeTails(&state, after: 1, from: 2)
        #expect(state.routes[0].stops == [0, 1, 2, 3])
        #expect(state.routes[1].stops == [4, 5, 6, 7])
        #expect(state.unassigned.isEmpty)
        #expect(state.routes.allSatisfy { $0.feasible })
        #expect(state.cost(p) < before)
        for r in 0..<2 {
            for (k, s) in state.routes[r].stops.enumerated() { #expect(state.routeOf[s] == r && state.position[s] == k) }
        }
    }

    /// Worked by hand for a courier on shift 08:00–09:00 with 10 kg: s1 no longer fits on board
    /// after s0 (4 + 8 kg), s2's window (08:00–08:03) has closed by the time a courier 1.2 km
    /// out reaches it, s3 fits (9 kg), and from s4, 10 km out, no courier is back by 09:00.
    @Test func stopsTheNewSequenceCannotServeAreLeftOut() {
        let stops = [
            Stop(id: "s0", location: Self.at(1.0, 0), weightKg: 4),
            Stop(id: "s1", location: Self.at(1.1, 0), weightKg: 8),
            Stop(id: "s2", location: Self.at(1.2, 0), weightKg: 1, windows: [TimeWindow(start: 8 * 60, end: 8 * 60 + 3)]),
            Stop(id: "s3", location: Self.at(1.3, 0), weightKg: 5),
            Stop(id: "s4", location: Self.at(10, 0), weightKg: 1),
        ]
        let p = Self.problem(stops, couriers: [Courier(id: "c", name: "c", capacityKg: 10, shift: TimeWindow(start: 8 * 60, end: 9 * 60))])
        let (kept, left) = p.servedPart([0, 1, 2, 3, 4], vehicle: 0)
        #expect(kept == [0, 3])
        #expect(left.sorted() == [1, 2, 4])
        var state = SearchState(p)
        state.assign(0, stops: kept, p)
        #expect(state.routes[0].feasible, "the schedule agrees with the repair")
    }

    /// Random days of deliveries without reloads: whatever the tails exchanged, every route stays
    /// feasible, every stop is in exactly one route (where its position says) or left out, and
    /// recreate places what was left out.
    @Test(arguments: [1, 2, 3])
    func everyExchangeKeepsTheRoutesFeasible(_ seed: Int) {
        var scenario = RandomScenario.make(seed: 500 + UInt64(seed), stops: 40, couriers: 6, shipments: false)
        RandomScenario.makeFleetIdentical(&scenario, capacityKg: 40, capacityLitres: 1_000)
        scenario.outlet.reloadMinutes = nil
        for i in scenario.stops.indices { scenario.stops[i].kind = .delivery }
        let p = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        #expect(p.exchangesTails)
        let options = SearchOptions(iterations: 300, seconds: 600, seed: UInt64(seed), workers: 1, localSearch: false)
        let start = p.search(options, seed: UInt64(seed), deadline: ContinuousClock.now + .seconds(600)).state
        #expect(start.usedRoutes >= 2)
        var rng = SplitMix64(seed: UInt64(seed))
        var exchanged = 0
        for _ in 0..<200 {
            var state = start
            guard p.ruinByTailExchange(&state, rng: &rng) else { continue }
            exchanged += 1
            #expect(state.routes.allSatisfy { $0.feasible })
            var seen = Set<Int>()
            for r in state.routes.indices {
                for (k, s) in state.routes[r].stops.enumerated() {
                    #expect(seen.insert(s).inserted)
                    #expect(state.routeOf[s] == r && state.position[s] == k)
                }
            }
            for s in 0..<p.stopCount where !seen.contains(s) { #expect(state.routeOf[s] == -1) }
            p.recreate(state.unassigned, into: &state, rng: &rng, blinkRate: 0)
            #expect(state.routes.allSatisfy { $0.feasible })
        }
        #expect(exchanged > 100)
    }
}
