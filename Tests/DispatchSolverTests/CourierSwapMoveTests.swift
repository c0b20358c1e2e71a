import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct CourierSwapMoveTests {
    /// Two couriers and two stops on a plane (one unit a minute): `noon` (10, 0) may only be
    /// served 13:00–14:00, `anytime` (0, 10) all day. The early courier's shift starts at 7:00,
    /// the late one's at 12:00 (or also at 7:00: couriers of one class).
    static func twoShifts(sameShift: Bool = false) -> RoutingProblem {
        let day = TimeWindow(start: 7 * 60, end: 21 * 60)
        let outlet = Outlet(id: "depot", name: "planar", location: .planar(x: 0, y: 0), zoneRadiusKm: nil, day: day, reloadMinutes: nil)
        let noon = Stop(id: "noon", location: .planar(x: 10, y: 0), weightKg: 1, windows: [TimeWindow(start: 13 * 60, end: 14 * 60)])
        let anytime = Stop(id: "anytime", location: .planar(x: 0, y: 10), weightKg: 1)
        let couriers = [Courier(id: "early", name: "early", capacityKg: 100, shift: day),
                        Courier(id: "late", name: "late", capacityKg: 100,
                                shift: sameShift ? day : TimeWindow(start: 12 * 60, end: 21 * 60))]
        let scenario = Scenario(name: "two shifts", outlet: outlet, couriers: couriers, stops: [noon, anytime],
                                travel: .euclidean(unitsPerMinute: 1))
        return ProblemBuilder(scenario: scenario, objective: .outlet).problem
    }

    /// The early courier holding only the 13:00 stop is out of the outlet's count from 7:00 to
    /// 13:22 (372 minutes of day at 0.05); handing that day to the noon courier (72 minutes) and
    /// the all-day stop to the early one (22) saves 0.05 × (372 + 22 − 72 − 22) = 15.
    @Test func theDaysChangeHandsWhenThatShortensThem() {
        let p = Self.twoShifts()
        var state = OperatorFixture.state([[0], [1]], p)
        let before = state.cost(p)
        var evaluator = SequenceEvaluator(p)
        #expect(p.swapCouriers(&state, evaluator: &evaluator))
        #expect(state.routes[0].stops == [1] && state.routes[1].stops == [0])
        #expect(abs(state.cost(p) - OperatorFixture.state([[1], [0]], p).cost(p)) < 1e-9)
        #expect(abs(before - state.cost(p) - 0.05 * 300) < 1e-6, "saved \(before - state.cost(p))")
        #expect(!p.swapCouriers(&state, evaluator: &evaluator), "swapped back")
    }

    /// Past its deadline the scan stops where it is (a day of a thousand couriers scanned half a
    /// million pairs, seconds past the budget): here before its first courier, so nothing moves;
    /// with time left, the same call swaps.
    @Test func aScanPastItsDeadlineAppliesOnlyWhatItFound() {
        let p = Self.twoShifts()
        var state = OperatorFixture.state([[0], [1]], p)
        var evaluator = SequenceEvaluator(p)
        let past = ContinuousClock.now - .seconds(1)
        #expect(!p.swapCouriers(&state, evaluator: &evaluator, until: past))
        #expect(state.routes[0].stops == [0] && state.routes[1].stops == [1])
        #expect(p.swapCouriers(&state, evaluator: &evaluator, until: ContinuousClock.now + .seconds(60)))
        #expect(state.routes[0].stops == [1] && state.routes[1].stops == [0])
    }

    /// Couriers of one class would ride the same day at the same cost: never tried.
    @Test func couriersOfOneClassAreLeftAlone() {
        let p = Self.twoShifts(sameShift: true)
        var state = OperatorFixture.state([[0], [1]], p)
        var evaluator = SequenceEvaluator(p)
        #expect(!p.swapCouriers(&state, evaluator: &evaluator))
        #expect(state.routes[0].stops == [0] && state.routes[1].stops == [1])
    }

    /// On random outlet days: a swap happens only when it lowers the cost, every stop stays in
    /// one place, and the routes remain feasible.
    @Test func randomDaysOnlyGetCheaper() {
        var swaps = 0
        for seed in 0..<UInt64(30) {
            var (p, state) = OperatorFixture.randomDay(seed: seed)
            var evaluator = SequenceEvaluator(p)
            let stopsBefore = state.routes.flatMap(\.stops).filter { !p.isReload($0) }.sorted()
            while true {
                let before = state.cost(p)
                guard p.swapCouriers(&state, evaluator: &evaluator) else { break }
                swaps += 1
                #expect(state.cost(p) < before - 1e-9)
            }
            #expect(state.routes.flatMap(\.stops).filter { !p.isReload($0) }.sorted() == stopsBefore)
            for (r, route) in state.routes.enumerated() {
                for (k, s) in route.stops.enumerated() where !p.isReload(s) { #expect(state.routeOf[s] == r && state.position[s] == k) }
            }
        }
        #expect(swaps >= 1, "no random day had a swap that pays")
    }
}
