import DispatchModel
import Foundation

/// Fits a ``RiskModel`` to scan logs of one plan: planned versus observed rides and handovers.
///
/// Rides: `r = log(observed / planned)` is split into a day mean, a courier-day mean and a
/// residual; the variance of each level, less the part explained by the level below
/// (method of moments), gives `daySD`, `courierSD` and `rideSD`. Handovers: the median and
/// MAD of the log ratio give `serviceLogMean` and `serviceSD`; handovers beyond three robust
/// sd are the tail, counted per handover kind. Every estimate is shrunk towards the defaults
/// in proportion to how little data it rests on (few days: mostly defaults).
public enum Calibrator {
    /// What the fit found, for printing.
    public struct Summary: Sendable {
        /// Days in the logs.
        public var days: Int
        /// Rides used.
        public var rides: Int
        /// Handovers used.
        public var handovers: Int
        /// Mean log(observed/planned ride).
        public var meanLogRatio: Double
        /// Standard deviation of the ride log ratio over all rides.
        public var sdLogRatio: Double
        /// Raw (unshrunk) estimates.
        public var rawDaySD: Double, rawCourierSD: Double, rawRideSD: Double
        /// Weight of the data against the defaults for the day-level parameters (0…1).
        public var dayWeight: Double
        /// Observed late fraction.
        public var lateRate: Double
    }

    /// Pseudo-days of the defaults in the shrinkage.
    public static let priorDays = 5.0

    /// The fitted model and a summary.
    public static func fit(_ observations: Observations, defaults: RiskModel) -> (model: RiskModel, summary: Summary) {
        var model = defaults
        let rides = observations.rides.filter { $0.planned >= 0.5 && $0.observed > 0 }
        let dayCount = observations.days.count
        // Ride log ratios by day and courier-day.
        var byDay = [[Double]](repeating: [], count: dayCount)
        var byCourierDay: [Int: [Double]] = [:]
        for ride in rides {
            let r = log(ride.observed / ride.planned)
            byDay[ride.day].append(r)
            byCourierDay[ride.day * 10_000 + ride.route, default: []].append(r)
        }
        let all = rides.map { log($0.observed / $0.planned) }
        let meanAll = mean(all), sdAll = sd(all)
        let dayMeans = byDay.map(mean)
        var residualSquares = 0.0, residualCount = 0, groups = 0
        var courierMeans: [(mean: Double, n: Int)] = []
        for (key, values) in byCourierDay {
            let dayMean = dayMeans[key / 10_000]
            let m = mean(values) - dayMean
            courierMeans.append((m, values.count))
            for v in values { residualSquares += (v - dayMean - m) * (v - dayMean - m) }
            residualCount += values.count
            groups += 1
        }
        let rawRideVar = residualCount > groups ? residualSquares / Double(residualCount - groups) : defaults.rideSD * defaults.rideSD
        let inverseN = courierMeans.isEmpty ? 0 : courierMeans.reduce(0) { $0 + 1 / Double($1.n) } / Double(courierMeans.count)
        let courierSpread = courierMeans.count > 1 ? courierMeans.reduce(0) { $0 + $1.mean * $1.mean } / Double(courierMeans.count - 1) : 0
        let couriersPerDay = dayCount > 0 ? Double(courierMeans.count) / Double(dayCount) : 1
        // A courier-day mean is measured against a day mean that contains it: with C couriers
        // a day the spread shrinks by (C − 1)/C.
        let sameDayCorrection = couriersPerDay > 1.5 ? couriersPerDay / (couriersPerDay - 1) : 1
        let rawCourierVar = max(0, courierSpread - rawRideVar * inverseN) * sameDayCorrection
        let ridesPerDay = dayCount > 0 ? Double(rides.count) / Double(dayCount) : 1
        let filledDayMeans = dayMeans.enumerated().filter { !byDay[$0.offset].isEmpty }.map(\.element)
        let rawDayVar = filledDayMeans.count > 1
            ? max(0, variance(filledDayMeans) - rawCourierVar / max(1, couriersPerDay) - rawRideVar / max(1, ridesPerDay)) : defaults.daySD * defaults.daySD
        let days = Double(filledDayMeans.count)
        let dayWeight = days / (days + priorDays)
        let courierWeight = Double(courierMeans.count) / (Double(courierMeans.count) + 20)
        let rideWeight = Double(rides.count) / (Double(rides.count) + 50)
        if !rides.isEmpty {
            model.rideLogMean = dayWeight * mean(filledDayMeans) + (1 - dayWeight) * defaults.rideLogMean
        }
        model.daySD = shrinkSD(rawDayVar, defaults.daySD, dayWeight)
        model.courierSD = shrinkSD(rawCourierVar, defaults.courierSD, courierWeight)
        model.rideSD = shrinkSD(rawRideVar, defaults.rideSD, rideWeight)

        // Handovers: a robust body and a tail per handover kind.
        let handovers = observations.handovers.filter { $0.planned >= 0.25 }
        let logs = handovers.map { log(max($0.observed, 0.05) / $0.planned) }
        if logs.count >= 10 {
            let median = quantile(logs, 0.5)
            let mad = quantile(logs.map { abs($0 - median) }, 0.5) * 1.4826
            let serviceWeight = Double(logs.count) / (Double(logs.count) + 50)
            model.serviceLogMean = serviceWeight * median + (1 - serviceWeight) * defaults.serviceLogMean
            model.serviceSD = serviceWeight * max(mad, 0.01) + (1 - serviceWeight) * defaults.serviceSD
            let cut = median + 3 * max(mad, 0.05)
            let kinds = Handover.allCases.count
            var count = [Double](repeating: 0, count: kinds), tailCount = [Double](repeating: 0, count: kinds)
            var excess = [Double](repeating: 0, count: kinds)
            for (h, x) in zip(handovers, logs) {
                let kind = RiskModel.index(of: stopHandover(h.position, observations: observations))
                count[kind] += 1
                if x > cut, h.observed - h.planned > 1 {
                    tailCount[kind] += 1
                    excess[kind] += h.observed - h.planned * exp(median)
                }
            }
            for (k, handover) in Handover.allCases.enumerated() {
                let prior = defaults.tail(handover)
                let pseudo = 200.0, pseudoTails = 5.0
                let probability = (tailCount[k] + prior.probability * pseudo) / (count[k] + pseudo)
                let meanMinutes = (excess[k] + prior.meanMinutes * pseudoTails) / (tailCount[k] + pseudoTails)
                model.setTail(RiskModel.ServiceTail(probability: probability, meanMinutes: meanMinutes), for: handover)
            }
        }
        let late = observations.outcomes.filter(\.late).count
        let summary = Summary(days: dayCount, rides: rides.count, handovers: handovers.count, meanLogRatio: meanAll, sdLogRatio: sdAll,
                              rawDaySD: rawDayVar.squareRoot(), rawCourierSD: rawCourierVar.squareRoot(), rawRideSD: rawRideVar.squareRoot(),
                              dayWeight: dayWeight,
                              lateRate: observations.outcomes.isEmpty ? 0 : Double(late) / Double(observations.outcomes.count))
        return (model, summary)
    }

    /// Fits the model, then the isotonic recalibration of its P(late) (kept only when it lowers
    /// the Brier score on held-out days: fitted on even days, scored on odd days and back) and
    /// the slack-only baseline.
    public static func calibrate(_ observations: Observations, day: PlannedDay, defaults: RiskModel,
                                 draws: Int = 1000, seed: UInt64 = 1) -> (profile: RiskProfile, summary: Summary, recalibrationHelps: Bool) {
        let (model, summary) = fit(observations, defaults: defaults)
        let estimate = RiskEstimator(model: model, draws: draws, seed: seed).estimate(day)
        let outcomes = observations.outcomes
        let x = outcomes.map { estimate.late[$0.position] }
        let y = outcomes.map { $0.late ? 1.0 : 0.0 }
        var rawScore = 0.0, curveScore = 0.0
        for fold in 0..<2 {
            let train = outcomes.indices.filter { outcomes[$0].day % 2 == fold }
            let test = outcomes.indices.filter { outcomes[$0].day % 2 != fold }
            guard !train.isEmpty, !test.isEmpty else { continue }
            let curve = IsotonicCurve.fit(x: train.map { x[$0] }, y: train.map { y[$0] })
            for i in test {
                rawScore += (x[i] - y[i]) * (x[i] - y[i])
                let c = curve.apply(x[i])
                curveScore += (c - y[i]) * (c - y[i])
            }
        }
        let helps = curveScore < rawScore
        let baseline = SlackBaseline.fit(slack: outcomes.map { day.slack($0.position) }, late: outcomes.map(\.late))
        let fitStats: [(key: String, value: Double)] = [
            ("days", Double(summary.days)), ("rides", Double(summary.rides)), ("handovers", Double(summary.handovers)),
            ("meanLogRatio", summary.meanLogRatio), ("sdLogRatio", summary.sdLogRatio), ("lateRate", summary.lateRate),
        ]
        let profile = RiskProfile(model: model, recalibration: helps ? IsotonicCurve.fit(x: x, y: y) : nil, baseline: baseline, fit: fitStats)
        return (profile, summary, helps)
    }

    static func stopHandover(_ position: Int, observations: Observations) -> Handover {
        observations.handoverKinds.isEmpty ? .door : observations.handoverKinds[position]
    }

    static func shrinkSD(_ rawVariance: Double, _ prior: Double, _ weight: Double) -> Double {
        (weight * rawVariance + (1 - weight) * prior * prior).squareRoot()
    }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }

    static func variance(_ xs: [Double]) -> Double {
        guard xs.count > 1 else { return 0 }
        let m = mean(xs)
        return xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(xs.count - 1)
    }

    static func sd(_ xs: [Double]) -> Double { variance(xs).squareRoot() }

    static func quantile(_ xs: [Double], _ q: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let sorted = xs.sorted()
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}
