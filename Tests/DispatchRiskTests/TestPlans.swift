import DispatchModel
import DispatchPlan
import DispatchSolver
@testable import DispatchRisk
import Foundation

/// Plans and model-generated scan logs for the calibration tests.
enum TestPlans {
    /// A generated outlet day, planned with a short seeded search.
    static func day(stops: Int = 120, couriers: Int = 4, seed: UInt64 = 7, objective: Objective = .outlet) throws -> (Plan, Scenario, PlannedDay) {
        let scenario = OutletDayGenerator(stops: stops, couriers: couriers, seed: seed).scenario()
        let plan = RoutePlanner.plan(scenario, objective: objective, options: SearchOptions(iterations: 60, seconds: 600, seed: 1, workers: 1))
        return (plan, scenario, try PlannedDay(plan: plan, scenario: scenario))
    }

    /// Scan logs of `days` days drawn from `model` itself (the same process the estimator assumes).
    static func logs(_ day: PlannedDay, model: RiskModel, days: Int, seed: UInt64) -> [ScanLogEntry] {
        logsAndDrawnShifts(day, model: model, days: days, seed: seed).entries
    }

    /// The logs, and for each day the mean log shift of its rides as drawn (model mean, day
    /// factor and courier factors, without the per-ride noise): the level the logs really hold,
    /// which with 60 days can sit a few hundredths away from `model.rideLogMean` by chance.
    static func logsAndDrawnShifts(_ day: PlannedDay, model: RiskModel, days: Int, seed: UInt64) -> (entries: [ScanLogEntry], dayShift: [Double]) {
        var random = SplitMix64(seed: seed)
        var entries: [ScanLogEntry] = []
        var dayShift: [Double] = []
        for d in 0..<days {
            var shiftSum = 0.0, rides = 0
            let date = ScanDate.adding(d, to: "2026-12-01")
            let dayFactor = Gaussian.next(&random) * model.daySD
            for r in day.routeFirstTrip.indices {
                let shift = model.rideLogMean + dayFactor + Gaussian.next(&random) * model.courierSD
                var back = -Double.infinity
                for t in day.routeFirstTrip[r]..<day.routeTripEnd[r] {
                    var time = max(day.tripDeparture[t], back + day.reloadMinutes)
                    for s in day.tripFirst[t]..<day.tripEnd[t] {
                        let arrival = time + day.rideIn[s] * exp(shift + model.rideSD * Gaussian.next(&random))
                        if day.rideIn[s] >= 0.5 { shiftSum += shift; rides += 1 }
                        let start = day.serviceStart(s, arrival: arrival)
                        var handover = day.service[s] * exp(model.serviceLogMean + model.serviceSD * Gaussian.next(&random))
                        let tail = model.tails[day.handoverIndex[s]]
                        if random.unit() < tail.probability { handover += Gaussian.exponential(mean: tail.meanMinutes, &random) }
                        entries.append(ScanLogEntry(date: date, courier: day.couriers[r], stop: day.stopIDs[s],
                                                    arrived: arrival, departed: start + handover))
                        time = start + handover
                    }
                    back = time + day.tripReturnRide[t] * exp(shift + model.rideSD * Gaussian.next(&random))
                }
            }
            dayShift.append(rides > 0 ? shiftSum / Double(rides) : model.rideLogMean + dayFactor)
        }
        return (entries, dayShift)
    }
}
