import DispatchModel
import Foundation

/// Simulates days of a plan and writes what the handhelds would have scanned. Its process is
/// deliberately richer than ``RiskModel``, so that a calibration measured on it means something:
///
/// - rides: `planned · exp(weather + day + courier + courier-day + congestion(t) + ε)` where the
///   courier part is persistent (some couriers are slower every day), congestion is a
///   morning (08:15) and an evening (17:45) rush bump, and ε is a mixture: a normal with sd
///   0.22, or with probability 0.05 one with sd 0.6 (a closed road, a long red light);
/// - every building has its own access delay (a gate, a lift), fixed across days, paid on arrival;
/// - handovers: `planned · exp(N(0, 0.25))`; a customer who must be home does not answer with
///   probability 0.06 (rain 0.08: exponential wait, mean 7 min), the guard room is slow with
///   probability 0.03 (mean 4 min), the locker is full with probability 0.02 (mean 5 min);
///   a long failure (1.5 %: 10 min plus an exponential 20 min, status `failed`) for handovers that need the customer;
/// - rain (`rain` or the scenario's weather): rides 18 % slower, day sd 0.12 instead of 0.07;
/// - couriers follow the plan's order and trips, wait for windows (and promised slots where the
///   customer must be home), and leave on each trip at its planned time or after the reload.
public struct DaySimulator: Sendable {
    /// Whether it rains.
    public var rain: Bool
    /// Seed of the days' luck.
    public var seed: UInt64
    /// Seed of what stays the same from day to day (slow couriers, slow buildings): the same
    /// world for every `seed`, so days simulated with different seeds are days of one outlet.
    public var worldSeed: UInt64

    /// A simulator.
    public init(rain: Bool, seed: UInt64, worldSeed: UInt64 = 0x574F_524C_44) {
        self.rain = rain
        self.seed = seed
        self.worldSeed = worldSeed
    }

    /// The scan logs of `days` days of `plan`, dated from `firstDate`.
    public func simulate(_ plan: PlannedDay, days: Int, firstDate: String = "2026-12-01") -> [ScanLogEntry] {
        let courierBias = plan.couriers.map { courier in
            var random = SplitMix64(seed: RiskHashing.stream(seed: worldSeed, key: RiskHashing.key("courier:" + courier), draw: 0))
            return Gaussian.next(&random) * 0.07
        }
        var buildingDelay: [String: Double] = [:]
        for stop in plan.stops {
            let key = stop.building ?? stop.id
            if buildingDelay[key] == nil {
                var random = SplitMix64(seed: RiskHashing.stream(seed: worldSeed, key: RiskHashing.key("building:" + key), draw: 0))
                buildingDelay[key] = random.chance(0.3) ? Gaussian.exponential(mean: 2.5, &random) : Gaussian.exponential(mean: 0.3, &random)
            }
        }
        let access = plan.stops.map { buildingDelay[$0.building ?? $0.id] ?? 0 }
        let weatherShift = rain ? 0.18 : 0.0
        let daySD = rain ? 0.12 : 0.07
        var entries: [ScanLogEntry] = []
        entries.reserveCapacity(days * plan.count)
        for d in 0..<days {
            let date = ScanDate.adding(d, to: firstDate)
            var random = SplitMix64(seed: RiskHashing.stream(seed: seed, key: 0x5349_4D44_4159, draw: UInt64(d)))
            let dayFactor = weatherShift + Gaussian.next(&random) * daySD
            for r in plan.routeFirstTrip.indices {
                let shift = dayFactor + courierBias[r] + Gaussian.next(&random) * 0.05
                func ride(_ planned: Double, at time: Double) -> Double {
                    let noise = random.chance(0.05) ? Gaussian.next(&random) * 0.6 : Gaussian.next(&random) * 0.22
                    return planned * exp(shift + Self.congestion(time) + noise)
                }
                var back = -Double.infinity
                for t in plan.routeFirstTrip[r]..<plan.routeTripEnd[r] {
                    var time = max(plan.tripDeparture[t], back + plan.reloadMinutes)
                    for s in plan.tripFirst[t]..<plan.tripEnd[t] {
                        let stop = plan.stops[s]
                        let arrival = time + ride(plan.rideIn[s], at: time) + access[s] * exp(Gaussian.next(&random) * 0.4)
                        let start = plan.serviceStart(s, arrival: arrival)
                        var handover = plan.service[s] * exp(Gaussian.next(&random) * 0.25)
                        var status = ScanLogEntry.Status.done
                        if stop.needsCustomerPresent {
                            if random.chance(rain ? 0.08 : 0.06) { handover += Gaussian.exponential(mean: 7, &random) }
                            if random.chance(0.015) { handover += 10 + Gaussian.exponential(mean: 20, &random); status = .failed }
                        }
                        switch stop.handover {
                        case .guardRoom: if random.chance(0.03) { handover += Gaussian.exponential(mean: 4, &random) }
                        case .locker: if random.chance(0.02) { handover += Gaussian.exponential(mean: 5, &random) }
                        default: break
                        }
                        let departed = start + handover
                        entries.append(ScanLogEntry(date: date, courier: plan.couriers[r], stop: plan.stopIDs[s],
                                                    arrived: min(arrival, 24 * 60), departed: min(departed, 24 * 60), status: status))
                        time = departed
                    }
                    back = time + ride(plan.tripReturnRide[t], at: time)
                }
            }
        }
        return entries
    }

    /// Log-scale slowdown at minute `t` of the day: morning and evening rush, a lighter midday.
    public static func congestion(_ t: Double) -> Double {
        func bump(_ centre: Double, _ width: Double) -> Double { exp(-0.5 * ((t - centre) / width) * ((t - centre) / width)) }
        return 0.18 * bump(8.25 * 60, 45) + 0.22 * bump(17.75 * 60, 60) - 0.04 * bump(13 * 60, 90)
    }
}
