import Testing
import DispatchModel
@testable import DispatchRisk

/// A small version of the acceptance run: fit on simulated days of a small outlet day
/// (the simulator is richer than the model), predict fresh days, judge the reliability bins and
/// the Brier score against the slack-only baseline.
@Suite struct CalibrationAcceptanceTests {
    @Test func fittedModelPredictsFreshDaysBetterThanSlackAlone() throws {
        let (_, _, day) = try TestPlans.day(stops: 120, couriers: 4, seed: 7)
        let simulator = DaySimulator(rain: true, seed: 1)
        let training = try Observations(entries: simulator.simulate(day, days: 12), day: day)
        let (profile, _, _) = Calibrator.calibrate(training, day: day, defaults: .rainy, draws: 400, seed: 3)
        let fresh = try Observations(entries: DaySimulator(rain: true, seed: 2).simulate(day, days: 12, firstDate: "2027-01-01"), day: day)
        let estimate = RiskEstimator(model: profile.model, draws: 400, seed: 3).estimate(day)
        let predicted = fresh.outcomes.map { profile.calibrated(estimate.late[$0.position]) }
        let observed = fresh.outcomes.map(\.late)
        let score = Reliability(predicted: predicted, observed: observed, threshold: 0.2)
        let baseline = try #require(profile.baseline)
        let slackScore = Reliability(predicted: fresh.outcomes.map { baseline.probability(slack: day.slack($0.position)) },
                                     observed: observed, threshold: 0.2)
        #expect(score.events > 0, "the simulated days should have some late stops")
        for bin in score.bins where bin.count >= 30 {
            #expect(abs(bin.gap) <= 0.1, "bin \(bin.low)–\(bin.high): predicted \(bin.meanPredicted), observed \(bin.observed) over \(bin.count)")
        }
        #expect(score.brier < slackScore.brier, "Brier \(score.brier) vs slack-only \(slackScore.brier)")
        #expect(score.recall >= 0.6, "recall \(score.recall)")
    }
}
