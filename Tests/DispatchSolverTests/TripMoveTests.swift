import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct TripMoveTests {
    /// One courier on a plane (one unit a minute), reloads of 5 minutes: `early` (10, 0) any
    /// time, `late` (10, 1) only 15:00–16:00, `also` (0, 10) any time.
    static func day() -> RoutingProblem {
        let day = TimeWindow(start: 7 * 60, end: 21 * 60)
        let outlet = Outlet(id: "depot", name: "planar", location: .planar(x: 0, y: 0), zoneRadiusKm: nil, day: day, reloadMinutes: 5)
        let stops = [Stop(id: "early", location: .planar(x: 10, y: 0), weightKg: 1),
                     Stop(id: "late", location: .planar(x: 10, y: 1), weightKg: 1, windows: [TimeWindow(start: 15 * 60, end: 16 * 60)]),
                     Stop(id: "also", location: .planar(x: 0, y: 10), weightKg: 1)]
        let scenario = Scenario(name: "trips", outlet: outlet, couriers: [Courier(id: "c", name: "c", capacityKg: 100, shift: day)],
                                stops: stops, travel: .euclidean(unitsPerMinute: 1))
        return ProblemBuilder(scenario: scenario, objective: .outlet).problem
    }

    /// Served in one trip, the courier waits at the 15:00 door from 7:13 and works eight hours;
    /// back at the outlet in between, the wait is not work: the reload goes in, and stays.
    @Test func aReloadReplacesAWaitAtTheDoor() {
        let p = Self.day()
        var state = OperatorFixture.state([[0, 1]], p)
        let before = state.cost(p)
        #expect(state.routes[0].duration > 400)
        var evaluator = SequenceEvaluator(p)
        #expect(p.improveTrips(&state, route: 0, evaluator: &evaluator))
        #expect(state.routes[0].stops == [0, p.outletNode, 1])
        #expect(state.routes[0].feasible && state.routes[0].duration < 60, "working minutes \(state.routes[0].duration)")
        #expect(state.cost(p) < before - 1_000)
        #expect(!p.improveTrips(&state, route: 0, evaluator: &evaluator), "nothing more pays")
    }

    /// Two stops that can go any time: a reload between them only adds a ride and five minutes.
    @Test func aReloadThatCarriesNothingGoes() {
        let p = Self.day()
        var state = OperatorFixture.state([[0, p.outletNode, 2]], p)
        let before = state.cost(p)
        var evaluator = SequenceEvaluator(p)
        #expect(p.improveTrips(&state, route: 0, evaluator: &evaluator))
        #expect(state.routes[0].stops == [0, 2])
        #expect(state.cost(p) < before)
        #expect(abs(state.cost(p) - OperatorFixture.state([[0, 2]], p).cost(p)) < 1e-9)
    }

    /// Without reloads at the outlet there is nothing to add or take away.
    @Test func daysWithoutReloadsAreLeftAlone() {
        let p = CourierSwapMoveTests.twoShifts()
        var state = OperatorFixture.state([[0, 1], []], p)
        var evaluator = SequenceEvaluator(p)
        #expect(!p.improveTrips(&state, route: 0, evaluator: &evaluator))
    }
}
