import Foundation
import Testing
import DispatchModel
import DispatchPlan
@testable import DispatchRisk

/// Hand-computable cases: one courier, one stop.
@Suite struct RiskEstimatorTests {
    static let outlet = Outlet(id: "o", name: "outlet", location: .geographic(lat: 30, lon: 120))

    /// A plan with one stop reached after a `ride`-minute ride from an 08:00 departure, served 5 minutes.
    static func oneStop(ride: Double, window: TimeWindow, promise: TimeWindow? = nil, handover: Handover = .locker) -> (Plan, Scenario) {
        let stop = Stop(id: "s1", location: .geographic(lat: 30.01, lon: 120), windows: [window], serviceMinutes: 5,
                        handover: handover, promise: promise)
        let courier = Courier(id: "c1", name: "c1", capacityKg: 100, shift: TimeWindow(start: 480, end: 1200))
        let scenario = Scenario(name: "one", outlet: outlet, couriers: [courier], stops: [stop])
        let arrival = 480 + ride
        let start = max(arrival, Double(stop.serviceWindows[0].start))
        let visit = Plan.Visit(id: "s1", arrival: arrival, start: start, departure: start + 5, windows: [window], promise: promise)
        let plan = Plan(routes: [Plan.CourierRoute(courier: "c1", trips: [Plan.Trip(departure: 480, returnTime: start + 5 + ride, stops: [visit])],
                                                   distance: 1, shiftStart: 480)], unassigned: [])
        return (plan, scenario)
    }

    @Test(arguments: [(20.0, 510, 0.0), (40.0, 510, 1.0), (30.0, 510, 0.0)])
    func withoutNoiseTheAnswerIsCertain(ride: Double, windowEnd: Int, expected: Double) throws {
        let (plan, scenario) = Self.oneStop(ride: ride, window: TimeWindow(start: 480, end: windowEnd))
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let estimate = RiskEstimator(model: .deterministic, draws: 50, seed: 3).estimate(day)
        #expect(estimate.late == [expected])
        #expect(abs(estimate.meanStart[0] - (480 + ride)) < 1e-9)
    }

    @Test func lognormalRideMatchesItsQuantile() throws {
        // Ride 30 min, deadline at 08:40: late when 30·exp(σz) > 40, P = 1 − Φ(ln(4/3)/σ).
        let sigma = 0.25
        let (plan, scenario) = Self.oneStop(ride: 30, window: TimeWindow(start: 480, end: 520))
        var model = RiskModel.deterministic
        model.rideSD = sigma
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let estimate = RiskEstimator(model: model, draws: 40_000, seed: 11).estimate(day)
        let expected = 1 - Gaussian.cdf(log(40.0 / 30.0) / sigma)
        let tolerance = 4 * (expected * (1 - expected) / 40_000).squareRoot()
        #expect(abs(estimate.late[0] - expected) < tolerance, "\(estimate.late[0]) vs \(expected)")
    }

    @Test func dayAndCourierFactorsAddToTheRideVariance() throws {
        // The three log-normal parts add: sd = sqrt(0.1² + 0.1² + 0.2²).
        let (plan, scenario) = Self.oneStop(ride: 30, window: TimeWindow(start: 480, end: 520))
        var model = RiskModel.deterministic
        model.daySD = 0.1; model.courierSD = 0.1; model.rideSD = 0.2
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let estimate = RiskEstimator(model: model, draws: 40_000, seed: 5).estimate(day)
        let expected = 1 - Gaussian.cdf(log(40.0 / 30.0) / (0.06).squareRoot())
        #expect(abs(estimate.late[0] - expected) < 0.012, "\(estimate.late[0]) vs \(expected)")
    }

    @Test func waitingForTheWindowAbsorbsEarlyNoise() throws {
        // Arrive 08:20 for a window 09:00–09:10: noise of a few minutes never makes it late, and the start is 09:00.
        let (plan, scenario) = Self.oneStop(ride: 20, window: TimeWindow(start: 540, end: 550))
        var model = RiskModel.deterministic
        model.rideSD = 0.2
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let estimate = RiskEstimator(model: model, draws: 2_000, seed: 2).estimate(day)
        #expect(estimate.late[0] == 0)
        #expect(abs(estimate.meanStart[0] - 540) < 1e-9)
    }

    @Test func earlyOnlyWhereTheCustomerMustBeThere() throws {
        // A promised slot 08:30–09:00 at a door with an arrival at 08:30 is never early: the courier waits.
        let (plan, scenario) = Self.oneStop(ride: 30, window: TimeWindow(start: 480, end: 600), promise: TimeWindow(start: 510, end: 540), handover: .door)
        var model = RiskModel.deterministic
        model.rideSD = 0.3
        let day = try PlannedDay(plan: plan, scenario: scenario)
        #expect(day.deadline == [540])
        #expect(day.earlyBound == [510])
        let estimate = RiskEstimator(model: model, draws: 4_000, seed: 2).estimate(day)
        #expect(estimate.early[0] == 0)
        // Late only when the 30-minute ride takes over 60: P = 1 − Φ(ln 2 / 0.3) ≈ 0.010.
        let expected = 1 - Gaussian.cdf(log(2) / 0.3)
        #expect(abs(estimate.late[0] - expected) < 0.006, "\(estimate.late[0]) vs \(expected)")
    }

    @Test func sameSeedSameAnswerAndStopKeyedNoise() throws {
        let (plan, scenario) = Self.oneStop(ride: 30, window: TimeWindow(start: 480, end: 520))
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let a = RiskEstimator(model: .dry, draws: 500, seed: 9).estimate(day)
        let b = RiskEstimator(model: .dry, draws: 500, seed: 9).estimate(day)
        #expect(a.late == b.late)
        #expect(a.meanStart == b.meanStart)
    }

    @Test func aStopTheScenarioDoesNotHaveIsRefused() {
        var (plan, scenario) = Self.oneStop(ride: 30, window: TimeWindow(start: 480, end: 520))
        scenario.stops[0].id = "other"
        #expect(throws: RiskDataError.self) { try PlannedDay(plan: plan, scenario: scenario, planPath: "p.json") }
        plan.routes[0].trips[0].stops.append(plan.routes[0].trips[0].stops[0])
        scenario.stops[0].id = "s1"
        #expect(throws: RiskDataError.self) { try PlannedDay(plan: plan, scenario: scenario, planPath: "p.json") }
    }

    @Test func laterTripsLeaveAfterTheReloadWhenTheCourierIsBackLate() throws {
        // Two trips; the first comes back at 09:00 in the plan, the second leaves at 09:10.
        let courier = Courier(id: "c1", name: "c1", capacityKg: 100, shift: TimeWindow(start: 480, end: 1200))
        let stops = [Stop(id: "a", location: .geographic(lat: 30.01, lon: 120), handover: .locker),
                     Stop(id: "b", location: .geographic(lat: 30.01, lon: 120), windows: [TimeWindow(start: 480, end: 575)], handover: .locker)]
        var scenario = Scenario(name: "two", outlet: Self.outlet, couriers: [courier], stops: stops)
        scenario.outlet.reloadMinutes = 10
        let trip1 = Plan.Trip(departure: 480, returnTime: 540, stops: [Plan.Visit(id: "a", arrival: 510, start: 510, departure: 512)])
        let trip2 = Plan.Trip(departure: 550, returnTime: 620, stops: [Plan.Visit(id: "b", arrival: 570, start: 570, departure: 572)])
        let plan = Plan(routes: [Plan.CourierRoute(courier: "c1", trips: [trip1, trip2], distance: 1, shiftStart: 480)], unassigned: [])
        let day = try PlannedDay(plan: plan, scenario: scenario)
        #expect(day.plannedRide(1) == 20)
        #expect(day.previousOnTrip(1) == nil)
        // Without noise: on time. With every ride 20 % longer the first trip is back at 09:11.6,
        // the second leaves after the 10-minute reload at 09:21.6 and reaches b at 09:45.6 > 09:35.
        #expect(RiskEstimator(model: .deterministic, draws: 10).estimate(day).late == [0, 0])
        var slower = RiskModel.deterministic
        slower.rideLogMean = log(1.2)
        let late = RiskEstimator(model: slower, draws: 10).estimate(day).late
        #expect(late == [0, 1])
    }

    /// A replanned day's history is kept as it happened: a scanned visit is not drawn again and a
    /// trip resumed from where its courier was seen rides on from there; a visit `in_progress`
    /// (projected by the replan, never scanned) is drawn like a planned one, and without
    /// `history` the whole day is. Every ride here is 50 % longer than planned.
    @Test func whatWasScannedIsNotDrawnAgain() throws {
        let courier = Courier(id: "c1", name: "c1", capacityKg: 100, shift: TimeWindow(start: 480, end: 1200))
        let stops = [Stop(id: "a", location: .geographic(lat: 30.01, lon: 120), handover: .locker),
                     Stop(id: "b", location: .geographic(lat: 30.02, lon: 120), windows: [TimeWindow(start: 480, end: 550)], handover: .locker)]
        var scenario = Scenario(name: "replanned", outlet: Self.outlet, couriers: [courier], stops: stops)
        var slower = RiskModel.deterministic
        slower.rideLogMean = log(1.5)
        func estimate(_ trips: [Plan.Trip], history: Bool = true) throws -> RiskEstimator.Estimate {
            let plan = Plan(routes: [Plan.CourierRoute(courier: "c1", trips: trips, distance: 1, shiftStart: 480)], unassigned: [])
            return RiskEstimator(model: slower, draws: 5).estimate(try PlannedDay(plan: plan, scenario: scenario, history: history))
        }
        func a(_ status: Plan.StopStatus) -> Plan.Visit { Plan.Visit(id: "a", arrival: 510, start: 510, departure: 512, status: status) }
        // b planned 23 minutes after a's scan: replayed from 08:00, a ends at 08:47 and b starts at
        // 09:21.5, late; from a's scan at 08:32, b starts at 09:06.5, on time.
        let b = Plan.Visit(id: "b", arrival: 535, start: 535, departure: 537)
        #expect(try estimate([Plan.Trip(departure: 480, returnTime: 567, stops: [a(.planned), b])]).late == [0, 1])
        #expect(try estimate([Plan.Trip(departure: 480, returnTime: 567, stops: [a(.done), b])]).late == [0, 0])
        #expect(try estimate([Plan.Trip(departure: 480, returnTime: 567, stops: [a(.done), b])], history: false).late == [0, 1])
        var atTheDoor = b
        atTheDoor.status = .inProgress
        #expect(try estimate([Plan.Trip(departure: 480, returnTime: 567, stops: [a(.planned), atTheDoor])]).late == [0, 1])
        // Seen at 08:45 ten minutes from b: b starts at 09:00 (from the scan it would be 09:06.5).
        let seen = Plan.Resume(afterStops: 1, time: 525, location: .geographic(lat: 30.015, lon: 120))
        scenario.stops[1].windows = [TimeWindow(start: 480, end: 542)]
        let resumed = try estimate([Plan.Trip(departure: 480, returnTime: 567, stops: [a(.done), b], resume: seen)])
        #expect(resumed.late == [0, 0] && abs(resumed.meanStart[1] - 540) < 1e-9)
        // Seen at 09:20 on the way back, 20 minutes out: back at 09:50, the next trip leaves after
        // the 10-minute reload at 10:00 and reaches b, 20 minutes out, at 10:30.
        scenario.stops[1].windows = [TimeWindow(start: 480, end: 625)]
        scenario.outlet.reloadMinutes = 10
        let homeward = Plan.Resume(afterStops: 1, time: 560, location: .geographic(lat: 30.005, lon: 120))
        let first = Plan.Trip(departure: 480, returnTime: 580, stops: [a(.done)], resume: homeward)
        let second = Plan.Trip(departure: 590, returnTime: 632, stops: [Plan.Visit(id: "b", arrival: 610, start: 610, departure: 612)])
        let twoTrips = try estimate([first, second])
        #expect(twoTrips.late == [0, 1] && abs(twoTrips.meanStart[1] - 630) < 1e-9)
    }

    /// A plan published with slots (`desk plan --slot-width`) is judged against them: every slot
    /// told to a customer is a promise, its end the deadline, as the replan and the checker hold it.
    @Test func aSlotToldToTheCustomerIsThePromiseJudged() throws {
        let (plan, scenario, _) = try TestPlans.day(stops: 60, couriers: 2, seed: 3)
        let published = plan.publishingSlots(width: 60)
        let day = try PlannedDay(plan: published, scenario: scenario)
        var slotted = 0
        for position in 0..<day.count {
            guard let slot = day.visits[position].slot else { continue }
            slotted += 1
            #expect(day.stops[position].promise == slot && day.deadline[position] == Double(slot.end))
        }
        #expect(slotted == day.count && slotted > scenario.stops.filter { $0.promise != nil }.count)
    }
}
