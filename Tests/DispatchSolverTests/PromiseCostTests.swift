import Testing
@testable import DispatchModel
@testable import DispatchSolver

/// A promise missed by a few seconds is a broken promise: the outlet objective prices it as one.
@Suite struct PromiseCostTests {
    /// The outlet objective priced at the slot's own end (no ``Objective/promiseMargin``): these
    /// tests are about the seconds around it.
    static let atTheSlot = Objective.outlet.overriding(["promiseMargin": 0]).objective
    let outlet = Outlet(id: "o", name: "o", location: .geographic(lat: 30.2791, lon: 120.1312), day: TimeWindow(start: 8 * 60, end: 20 * 60))

    /// One courier from 08:00 and three locker stops (nobody waits for a slot): stop 0 takes
    /// `firstService` minutes (fractional: it sets stop 1's start to the second), stop 1 is
    /// promised until `promiseEnd`, stop 2 is free.
    func problem(firstService: Double, promiseEnd: Int?) -> RoutingProblem {
        let courier = Courier(id: "c", name: "c", capacityKg: 100, shift: TimeWindow(start: 8 * 60, end: 20 * 60))
        let stops = (0..<3).map { i in
            Stop(id: "p\(i)", location: outlet.location.offset(kilometres: 1 + 0.3 * Double(i), bearing: 1), weightKg: 1,
                 windows: [outlet.day], serviceMinutes: i == 0 ? firstService : 3, handover: .locker,
                 promise: i == 1 ? promiseEnd.map { TimeWindow(start: 8 * 60, end: $0) } : nil)
        }
        return ProblemBuilder(scenario: Scenario(name: "promises", outlet: outlet, couriers: [courier], stops: stops),
                              objective: Self.atTheSlot).problem
    }

    func route(_ stops: [Int], _ p: RoutingProblem) -> Route {
        var route = Route(vehicle: 0)
        route.stops = stops
        route.update(p)
        return route
    }

    /// A promise end (whole minutes) a few minutes after stop 1's start, and the service of stop 0
    /// that makes stop 1 start `secondsLate` after it.
    func promise(secondsLate: Double) -> (end: Int, firstService: Double) {
        let start = route([0, 1], problem(firstService: 3, promiseEnd: nil)).start[1]
        let end = Int(start.rounded(.up)) + 5
        return (end, 3 + (Double(end) - start) + secondsLate / 60)
    }

    @Test func threeSecondsLateCostsABrokenPromiseAndHalfASecondDoesNot() throws {
        let half = promise(secondsLate: 0.5), three = promise(secondsLate: 3)
        let halfProblem = problem(firstService: half.firstService, promiseEnd: half.end)
        let threeProblem = problem(firstService: three.firstService, promiseEnd: three.end)
        let barely = route([0, 1], halfProblem), broken = route([0, 1], threeProblem)
        #expect(barely.brokenPromises == 0)
        #expect(broken.brokenPromises == 1)
        // The minutes differ by 2.5 s × 500/min ≈ 21, the working day by 2.5 s; the broken promise adds 5,000.
        let difference = broken.cost(threeProblem) - barely.cost(halfProblem)
        #expect(difference > Objective.outlet.perBrokenPromise + Objective.outlet.latenessPerMinute * 2.5 / 60 - 1e-6)
        #expect(difference < Objective.outlet.perBrokenPromise + Objective.outlet.latenessPerMinute * 2.5 / 60 + 1)
    }

    @Test func anInsertionThatPushesAPromiseSecondsLatePaysForBreakingIt() throws {
        // Stop 1 keeps its promise with 0.6 s to spare; stop 2 goes before it or after it.
        let spare = promise(secondsLate: -0.6)
        let p = problem(firstService: spare.firstService, promiseEnd: spare.end)
        let kept = route([0, 1], p)
        #expect(kept.brokenPromises == 0)
        let before = try #require(p.insertionCost(2, into: kept, at: 1))
        let after = try #require(p.insertionCost(2, into: kept, at: 2))
        #expect(before.cost >= Objective.outlet.perBrokenPromise)
        #expect(after.cost < Objective.outlet.perBrokenPromise)
        // The cached route agrees: with stop 2 first, stop 1 breaks its promise.
        #expect(route([0, 2, 1], p).brokenPromises == 1)
    }

    /// A planar day (one unit a minute) where the shorter order meets X's promise in its last
    /// minutes: the courier leaves the outlet (0, 0) at 08:00 for its end place (100, 0); A at
    /// (50, 0), X at (100, 60) promised 08:00–10:20. A then X reaches X at 10:10 (188 units);
    /// X first at 09:57 (245 units). With the outlet's margin (a tenth of the 140 minutes from
    /// 08:00 to 10:20: priced as if the slot ended at 10:06) the plan goes to X first; without,
    /// it rides the shorter way. Either way nothing is late against the slot itself, and a stop
    /// served inside the margin is not late in the plan.
    @Test func theMarginServesAPromiseBeforeTheDelaysOfTheDayCanBreakIt() throws {
        let outlet = Outlet(id: "o", name: "o", location: .planar(x: 0, y: 0), zoneRadiusKm: nil, day: TimeWindow(start: 0, end: 24 * 60))
        var courier = Courier(id: "c", name: "c", capacityKg: 100, shift: TimeWindow(start: 8 * 60, end: 20 * 60))
        courier.end = .planar(x: 100, y: 0)
        let stops = [Stop(id: "A", location: .planar(x: 50, y: 0), handover: .locker),
                     Stop(id: "X", location: .planar(x: 100, y: 60), handover: .locker, promise: TimeWindow(start: 8 * 60, end: 10 * 60 + 20))]
        let day = Scenario(name: "margin", outlet: outlet, couriers: [courier], stops: stops, travel: .euclidean(unitsPerMinute: 1))
        let options = SearchOptions(iterations: 50, seconds: 3600, seed: 1, workers: 1)
        let withMargin = RoutePlanner.plan(day, objective: .outlet, options: options)
        let atTheSlot = RoutePlanner.plan(day, objective: Self.atTheSlot, options: options)
        #expect(withMargin.routes.first?.stops.map(\.id) == ["X", "A"])
        #expect(atTheSlot.routes.first?.stops.map(\.id) == ["A", "X"])
        for plan in [withMargin, atTheSlot] {
            #expect(plan.routes.flatMap(\.stops).allSatisfy { $0.late == 0 && !$0.breaksPromise })
        }
        // X alone on the day, reached at 09:57, inside the margin of a slot ending at 10:00 (priced 09:48).
        var alone = day
        alone.stops = [stops[1]]
        alone.stops[0].promise = TimeWindow(start: 8 * 60, end: 10 * 60)
        let x = try #require(RoutePlanner.plan(alone, objective: .outlet, options: options).routes.first?.stops.first)
        #expect(x.start > 9 * 60 + 48 && x.start < 10 * 60 && x.late == 0 && !x.breaksPromise)
    }
}
