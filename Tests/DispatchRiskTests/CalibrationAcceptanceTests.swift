import Testing
import DispatchModel
import DispatchSolver
@testable import DispatchRisk

/// A small version of the acceptance run: fit on simulated days of a small outlet day
/// (the simulator is richer than the model), predict fresh days, judge the reliability bins and
/// the Brier score against the slack-only baseline.
@Suite struct CalibrationAcceptanceTests {
    @Test func fittedModelPredictsFreshDaysBetterThanSlackAlone() throws {
        // Planned without territories. With them (offTerritory 40 then) this small day's lateness is
        // diffuse: most late scans come from stops whose honest probability is about 8 %, below
        // the 0.2 threshold, and recall falls to 0.3–0.5 while the bins stay calibrated. The
        // full-size acceptance (scripts/calibration-check, default objective) keeps recall 0.91.
        let (_, _, day) = try TestPlans.day(stops: 200, couriers: 6, seed: 7, objective: Objective.outlet.overriding(["offTerritory": 0]).objective)
        let simulator = DaySimulator(rain: true, seed: 1)
        let training = try Observations(entries: simulator.simulate(day, days: 30), day: day)
        let (profile, _, _) = Calibrator.calibrate(training, day: day, defaults: .rainy, draws: 400, seed: 3)
        let fresh = try Observations(entries: DaySimulator(rain: true, seed: 2).simulate(day, days: 30, firstDate: "2027-01-01"), day: day)
        let estimate = RiskEstimator(model: profile.model, draws: 400, seed: 3).estimate(day)
        let predicted = fresh.outcomes.map { profile.calibrated(estimate.late[$0.position]) }
        let observed = fresh.outcomes.map(\.late)
        let score = Reliability(predicted: predicted, observed: observed, threshold: 0.2)
        let baseline = try #require(profile.baseline)
        let slackScore = Reliability(predicted: fresh.outcomes.map { baseline.probability(slack: day.slack($0.position)) },
                                     observed: observed, threshold: 0.2)
        #expect(score.events > 0, "the simulated days should have some late stops")
        // The 0.05, plus three standard errors of a frequency over this small a bin. One
        // stop's outcomes on different days share its building and its place in the plan, so the
        // error is counted over the distinct stops in the bin, not over stop-days.
        for (k, bin) in score.bins.enumerated() where bin.count >= 30 {
            let distinct = Set(fresh.outcomes.indices.filter { i in
                let p = predicted[i]
                return p >= Reliability.edges[k] && (p < Reliability.edges[k + 1] || (k == score.bins.count - 1 && p <= 1))
            }.map { fresh.outcomes[$0].position }).count
            let p = min(max(bin.meanPredicted, 0.02), 0.98)
            let tolerance = 0.05 + 3 * (p * (1 - p) / Double(max(1, distinct))).squareRoot()
            #expect(abs(bin.gap) <= tolerance, "bin \(bin.low)–\(bin.high): predicted \(bin.meanPredicted), observed \(bin.observed) over \(bin.count), tolerance \(tolerance)")
            print("bin \(bin.low)–\(bin.high): predicted \(bin.meanPredicted), observed \(bin.observed) over \(bin.count)")
        }
        #expect(score.brier < slackScore.brier, "Brier \(score.brier) vs slack-only \(slackScore.brier)")
        #expect(score.recall >= 0.6, "recall \(score.recall)")
        print("small acceptance: Brier \(score.brier) vs slack-only \(slackScore.brier), recall \(score.recall), precision \(score.precision), \(score.events) late of \(score.count)")
    }
}
