import Foundation
import Testing
import DispatchModel
@testable import DispatchRisk

@Suite struct CalibratorTests {
    @Test(arguments: [42, 7, 1_000] as [UInt64])
    func recoversTheParametersOfTheModelThatMadeTheLogs(seed: UInt64) throws {
        let (_, _, day) = try TestPlans.day()
        var truth = RiskModel.dry
        truth.rideLogMean = 0.12; truth.daySD = 0.15; truth.courierSD = 0.1; truth.rideSD = 0.2
        truth.serviceLogMean = 0.05; truth.serviceSD = 0.2
        truth.setTail(RiskModel.ServiceTail(probability: 0.1, meanMinutes: 12), for: .door)
        let (entries, dayShift) = TestPlans.logsAndDrawnShifts(day, model: truth, days: 60, seed: seed)
        let observations = try Observations(entries: entries, day: day)
        let (fitted, summary) = Calibrator.fit(observations, defaults: .dry)
        #expect(summary.days == 60)
        // The level: what the 60 drawn days hold (their mean sits within about ±0.06 of 0.12 by
        // chance), shrunk towards the default by the documented prior of five pseudo-days.
        let drawn = dayShift.reduce(0, +) / Double(dayShift.count)
        let expectedLevel = (60 * drawn + Calibrator.priorDays * RiskModel.dry.rideLogMean) / (60 + Calibrator.priorDays)
        #expect(abs(fitted.rideLogMean - expectedLevel) < 0.025, "rideLogMean \(fitted.rideLogMean), drawn \(drawn)")
        #expect(abs(drawn - 0.12) < 0.07, "the generator's days drifted: \(drawn)")
        #expect(abs(fitted.rideSD - 0.2) < 0.02, "rideSD \(fitted.rideSD)")
        #expect(abs(fitted.daySD - 0.15) < 0.05, "daySD \(fitted.daySD)")
        #expect(abs(fitted.courierSD - 0.1) < 0.04, "courierSD \(fitted.courierSD)")
        #expect(abs(fitted.serviceLogMean - 0.05) < 0.03, "serviceLogMean \(fitted.serviceLogMean)")
        #expect(abs(fitted.serviceSD - 0.2) < 0.04, "serviceSD \(fitted.serviceSD)")
        let door = fitted.tail(.door)
        #expect(abs(door.probability - 0.1) < 0.035, "door tail \(door.probability)")
        #expect(abs(door.meanMinutes - 12) < 4, "door tail mean \(door.meanMinutes)")
    }

    @Test func withOneDayTheDayLevelStaysNearTheDefaults() throws {
        let (_, _, day) = try TestPlans.day()
        var truth = RiskModel.dry
        truth.daySD = 0.4
        let observations = try Observations(entries: TestPlans.logs(day, model: truth, days: 1, seed: 1), day: day)
        let (fitted, summary) = Calibrator.fit(observations, defaults: .dry)
        #expect(summary.dayWeight < 0.2)
        #expect(abs(fitted.daySD - RiskModel.dry.daySD) < 1e-12) // one day: no spread to see, the default stands
    }

    @Test func isotonicCurveIsMonotoneAndFitsFrequencies() {
        let curve = IsotonicCurve.fit(x: [0.1, 0.1, 0.2, 0.3, 0.4, 0.5], y: [0, 1, 1, 0, 1, 1])
        #expect(zip(curve.calibrated, curve.calibrated.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(curve.apply(0.1) == 0.5)
        #expect(curve.apply(0.9) == 1)
        #expect(curve.apply(0.0) == 0.5)
    }

    @Test func slackBaselineFallsWithSlack() {
        let slack = (0..<200).map { Double($0 % 40) - 10 }
        let late = slack.map { $0 < 0 }
        let baseline = SlackBaseline.fit(slack: slack, late: late)
        #expect(baseline.slopePerMinute < 0)
        #expect(baseline.probability(slack: -8) > 0.8)
        #expect(baseline.probability(slack: 20) < 0.05)
    }

    @Test func riskFileRoundTrips() throws {
        var model = RiskModel.rainy
        model.setTail(RiskModel.ServiceTail(probability: 0.2, meanMinutes: 3), for: .guardRoom)
        let profile = RiskProfile(model: model, recalibration: IsotonicCurve(predicted: [0, 0.5], calibrated: [0.1, 0.4]),
                                  baseline: SlackBaseline(intercept: -2, slopePerMinute: -0.1), fit: [("days", 3)])
        let back = try RiskProfileFile.read(text: RiskProfileFile.json(profile), path: "risk.json")
        #expect(back == profile)
        #expect(throws: RiskDataError.self) { try RiskProfileFile.read(text: "{\"daySD\": -1}", path: "r") }
        #expect(throws: RiskDataError.self) { try RiskProfileFile.read(text: "{\"dayVariance\": 1}", path: "r") }
        let preset = try RiskProfileFile.read(text: "{\"preset\": \"rain\", \"rideSD\": 0.5}", path: "r")
        #expect(preset.model.daySD == RiskModel.rainy.daySD && preset.model.rideSD == 0.5)
    }
}
