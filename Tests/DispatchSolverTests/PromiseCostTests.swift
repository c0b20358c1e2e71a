import Testing
@testable import DispatchModel
@testable import DispatchSolver

/// A promise missed by a few seconds is a broken promise: the outlet objective prices it as one.
@Suite struct PromiseCostTests {
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
                              objective: .outlet).problem
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
}
