import DispatchModel
import Foundation

/// The chance of each stop being served late (or early), by seeded Monte Carlo over whole
/// courier days.
///
/// Every draw is one possible day: a day factor, a factor per courier, and per stop a ride and
/// a handover noise. The noise of a stop in draw `d` depends only on the seed, the stop's id and
/// `d` (common random numbers), so two plans of the same day see the same luck. Each courier's
/// day is replayed trip by trip: service starts at `max(arrival, window start)`, so waiting
/// absorbs early noise, and a trip leaves at its planned departure or, when the courier is
/// back late, after the reload. What a replanned day already scanned is not drawn: a `done` or
/// `failed` visit keeps its scans, and a trip that resumes from where its courier was seen rides on
/// from there and then (see ``PlannedDay``).
public struct RiskEstimator: Sendable {
    /// The result for every position of the ``PlannedDay``.
    public struct Estimate: Sendable {
        /// P(service starts after the deadline).
        public var late: [Double]
        /// P(service starts before the promised slot where the customer must be present).
        public var early: [Double]
        /// Mean simulated service start, minutes since midnight.
        public var meanStart: [Double]
        /// Draws used.
        public var draws: Int
    }

    /// The model.
    public var model: RiskModel
    /// Number of simulated days.
    public var draws: Int
    /// Seed of the common random numbers.
    public var seed: UInt64

    /// An estimator.
    public init(model: RiskModel, draws: Int = 1000, seed: UInt64 = 1) {
        self.model = model
        self.draws = max(1, draws)
        self.seed = seed
    }

    /// P(late), P(early) and the mean start for every stop of `day`.
    public func estimate(_ day: PlannedDay) -> Estimate {
        let n = day.count
        var lateCount = [Int32](repeating: 0, count: n)
        var earlyCount = [Int32](repeating: 0, count: n)
        var startSum = [Double](repeating: 0, count: n)
        let tailP = model.tails.map(\.probability)
        let tailMean = model.tails.map(\.meanMinutes)
        let rideMean = model.rideLogMean, rideSD = model.rideSD
        let serviceMean = model.serviceLogMean, serviceSD = model.serviceSD
        let reload = day.reloadMinutes
        let routes = day.routeFirstTrip.count
        day.windowOffsets.withUnsafeBufferPointer { windowOffsets in
        day.windowStarts.withUnsafeBufferPointer { windowStarts in
        day.windowEnds.withUnsafeBufferPointer { windowEnds in
        day.rideIn.withUnsafeBufferPointer { rideIn in
        day.service.withUnsafeBufferPointer { service in
        day.deadline.withUnsafeBufferPointer { deadline in
        day.earlyBound.withUnsafeBufferPointer { earlyBound in
        day.handoverIndex.withUnsafeBufferPointer { handover in
        day.stopKey.withUnsafeBufferPointer { stopKey in
        day.recordedDeparture.withUnsafeBufferPointer { recordedDeparture in
        day.rideNotBefore.withUnsafeBufferPointer { rideNotBefore in
        tailP.withUnsafeBufferPointer { tailP in
        tailMean.withUnsafeBufferPointer { tailMean in
        lateCount.withUnsafeMutableBufferPointer { lateCount in
        earlyCount.withUnsafeMutableBufferPointer { earlyCount in
        startSum.withUnsafeMutableBufferPointer { startSum in
            for d in 0..<draws {
                let draw = UInt64(d)
                var dayRandom = SplitMix64(seed: RiskHashing.stream(seed: seed, key: 0x6461_7966_6163_746F, draw: draw))
                let dayFactor = Gaussian.next(&dayRandom) * model.daySD
                for r in 0..<routes {
                    var courierRandom = SplitMix64(seed: RiskHashing.stream(seed: seed, key: day.courierKey[r], draw: draw))
                    let shift = rideMean + dayFactor + Gaussian.next(&courierRandom) * model.courierSD
                    var back = -Double.infinity
                    for t in day.routeFirstTrip[r]..<day.routeTripEnd[r] {
                        var time = max(day.tripDeparture[t], back + reload)
                        for s in day.tripFirst[t]..<day.tripEnd[t] {
                            let start: Double, departure: Double
                            if !recordedDeparture[s].isNaN {
                                // Scanned: it happened as recorded, nothing is drawn.
                                start = day.visits[s].start
                                departure = recordedDeparture[s]
                            } else {
                                var random = SplitMix64(seed: RiskHashing.stream(seed: seed, key: stopKey[s], draw: draw))
                                let (zRide, zService) = Gaussian.pair(&random)
                                // Seen at a resume point: the ride on starts there and then.
                                if rideNotBefore[s].isFinite { time = rideNotBefore[s] }
                                let arrival = time + rideIn[s] * exp(shift + rideSD * zRide)
                                // Waiting rule of PlannedDay.serviceStart, on the raw buffers.
                                var served = arrival
                                var w = windowOffsets[s]
                                let lastWindow = windowOffsets[s + 1]
                                while w < lastWindow {
                                    if arrival <= windowEnds[w] { served = arrival > windowStarts[w] ? arrival : windowStarts[w]; break }
                                    w += 1
                                }
                                var handoverTime = service[s] * exp(serviceMean + serviceSD * zService)
                                let h = handover[s]
                                if random.unit() < tailP[h] { handoverTime += Gaussian.exponential(mean: tailMean[h], &random) }
                                start = served
                                departure = served + handoverTime
                            }
                            if start > deadline[s] + 1e-9 { lateCount[s] += 1 }
                            if start < earlyBound[s] - 1e-9 { earlyCount[s] += 1 }
                            startSum[s] += start
                            time = departure
                        }
                        var returnRandom = SplitMix64(seed: RiskHashing.stream(seed: seed, key: day.courierKey[r] &+ UInt64(t), draw: draw))
                        if day.tripReturnNotBefore[t].isFinite { time = day.tripReturnNotBefore[t] }
                        back = time + day.tripReturnRide[t] * exp(shift + rideSD * Gaussian.next(&returnRandom))
                    }
                }
            }
        }}}}}}}}}}}}}}}}
        let scale = 1 / Double(draws)
        return Estimate(late: lateCount.map { Double($0) * scale }, early: earlyCount.map { Double($0) * scale },
                        meanStart: startSum.map { $0 * scale }, draws: draws)
    }
}
