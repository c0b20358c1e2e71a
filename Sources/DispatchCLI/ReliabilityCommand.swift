import ArgumentParser
import DispatchModel
import DispatchRisk
import Foundation

/// `desk reliability PLAN LOG…`: how well the risk model's P(late) matched what the logs show.
public struct ReliabilityCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "Score the predicted P(late) of a plan against scan logs: reliability bins, Brier score, recall and precision.",
        discussion: "Use logs of days the model was NOT fitted on. The baselines are the overall late rate and the slack-only curve stored by `desk calibrate`.")

    @Argument(help: "The plan JSON the logs followed.") var plan: String
    @Argument(help: "Scan-log CSV files.") var logs: [String]
    @Option(help: "The risk model file from `desk calibrate`.") var risk: String?
    @Option(help: "A promise is flagged from this P(late).") var threshold: Double = 0.2
    @Option(help: "Monte Carlo draws.") var draws: Int = 1000
    @Option(help: "Seed of the Monte Carlo draws.") var seed: UInt64 = 1

    public init() {}

    public func validate() throws {
        guard !logs.isEmpty else { throw ValidationError("give at least one scan log") }
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1]") }
    }

    public func run() throws {
        emit(Self.execute(plan: plan, logs: logs, risk: risk, threshold: threshold, draws: draws, seed: seed))
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(plan: String, logs: [String], risk: String? = nil, threshold: Double = 0.2, draws: Int = 1000, seed: UInt64 = 1) -> CommandResult {
        let input: RiskInput
        do { input = try RiskInput.load(planPath: plan, riskPath: risk, history: false) } catch { return error.result }
        let observations: Observations
        switch CalibrateCommand.observations(logs, input: input) {
        case .success(let o): observations = o
        case .failure(let failure): return failure.result
        }
        let estimate = RiskEstimator(model: input.profile.model, draws: draws, seed: seed).estimate(input.day)
        let predicted = observations.outcomes.map { input.profile.calibrated(estimate.late[$0.position]) }
        let observed = observations.outcomes.map(\.late)
        let score = Reliability(predicted: predicted, observed: observed, threshold: threshold)
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var text = "\(observations.days.count) day(s), \(score.count) stops scanned, \(score.events) late\n"
        text += "bin        stops  mean P  observed  gap     \n"
        for bin in score.bins {
            let name = "\(f(bin.low).dropLast())–\(f(bin.high).dropLast())"
            let verdict = !bin.judged ? "not judged (< 30 stops)" : abs(bin.gap) <= 0.05 ? "ok" : "off by more than 0.05"
            text += "\(name.padding(toLength: 11, withPad: " ", startingAt: 0))\(String(bin.count).leftPadded(5))  \(f(bin.meanPredicted))   \(f(bin.observed))    \(bin.gap >= 0 ? "+" : "")\(f(bin.gap))  \(verdict)\n"
        }
        let rate = score.count > 0 ? Double(score.events) / Double(score.count) : 0
        let rateBrier = observed.reduce(0.0) { $0 + (rate - ($1 ? 1 : 0)) * (rate - ($1 ? 1 : 0)) } / Double(max(1, score.count))
        text += "Brier score: model \(f(score.brier)), overall late rate \(f(rateBrier))"
        if let baseline = input.profile.baseline {
            let slackPredicted = observations.outcomes.map { baseline.probability(slack: input.day.slack($0.position)) }
            let slackScore = Reliability(predicted: slackPredicted, observed: observed, threshold: threshold)
            text += ", slack-only baseline \(f(slackScore.brier)) (\(score.brier < slackScore.brier ? "model better" : "baseline better"))"
        }
        text += "\n"
        text += "at threshold \(f(threshold)): \(score.flagged) flagged, recall \(f(score.recall)), precision \(f(score.precision))\n"
        return CommandResult(output: text)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
