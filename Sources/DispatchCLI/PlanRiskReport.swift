import DispatchModel
import DispatchPlan
import DispatchReport
import DispatchRisk

/// `desk plan --report FILE`: the at-risk report of a fresh plan, and the summary line.
enum PlanRiskReport {
    /// Writes the report of `plan` to `path` (html when it ends in .html, else text) and returns
    /// the summary line, or the failure.
    static func write(plan: Plan, scenario: Scenario, scenarioPath: String, to path: String, threshold: Double = 0.2) -> Result<String, RiskInput.Failure> {
        do {
            let defaults = RiskModel.defaults(weather: scenario.weather)
            let profile = try RiskProfileFile.scenarioRisk(path: scenarioPath, defaults: defaults) ?? RiskProfile(model: defaults)
            let day = try PlannedDay(plan: plan, scenario: scenario)
            let estimate = RiskEstimator(model: profile.model, draws: 1000, seed: 1).estimate(day)
            let report = RiskReport(plan: plan, scenario: scenario, day: day, estimate: estimate, profile: profile, threshold: threshold,
                                    language: ReportLanguage.preferred(forOutletName: scenario.outlet.name))
            let text = path.lowercased().hasSuffix(".html") ? HTMLReport.render(report) : TextReport.render(report)
            if let failure = writeOutput(text, to: path) { return .failure(RiskInput.Failure(result: failure)) }
            let promised = report.rows.filter { $0.stop.promise != nil }
            return .success("promises at risk: \(promised.filter(\.atRisk).count) of \(promised.count) (P(late) ≥ \(Int(threshold * 100))%), \(report.atRisk.count) stops in all; report in \(path)\n")
        } catch {
            return .failure(RiskInput.Failure(result: CommandResult(errors: "desk: \(error.description)\n", status: .dataError)))
        }
    }
}
