import DispatchModel
import DispatchPlan
import DispatchReport
import DispatchRisk

/// `desk plan --report FILE`: the at-risk report of a fresh plan, and the summary line.
enum PlanRiskReport {
    /// The report of `plan` to be written to `path` (html when it ends in .html, else text) and the
    /// summary line, or the failure. Nothing is written here: the command writes the report with
    /// its other outputs, all or none. The risk model is the scenario's `riskBlock` (as its reader
    /// kept it, from the file at `scenarioPath`), else the defaults for its weather.
    static func render(plan: Plan, scenario: Scenario, riskBlock: JSONNode?, scenarioPath: String, to path: String,
                       threshold: Double = 0.2) -> Result<(text: String, line: String), RiskInput.Failure> {
        do {
            let report = try report(plan: plan, scenario: scenario, riskBlock: riskBlock, scenarioPath: scenarioPath, threshold: threshold)
            let text = path.lowercased().hasSuffix(".html") ? HTMLReport.render(report) : TextReport.render(report)
            let promised = report.rows.filter { $0.stop.promise != nil }
            return .success((text, "promises at risk: \(promised.filter(\.atRisk).count) of \(promised.count) (P(late) ≥ \(Int(threshold * 100))%), \(report.atRisk.count) stops in all; report in \(path)\n"))
        } catch {
            return .failure(RiskInput.Failure(result: CommandResult(errors: "desk: \(error.description)\n", status: .dataError)))
        }
    }

    /// The at-risk report of a fresh plan as `desk plan --report` and `desk bench` give it: the
    /// scenario's risk profile (``profile(scenario:riskBlock:scenarioPath:)``), 1,000 draws, seed 1.
    static func report(plan: Plan, scenario: Scenario, riskBlock: JSONNode?, scenarioPath: String,
                       threshold: Double = 0.2) throws(RiskDataError) -> RiskReport {
        let profile = try profile(scenario: scenario, riskBlock: riskBlock, scenarioPath: scenarioPath)
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let estimate = RiskEstimator(model: profile.model, draws: 1000, seed: 1).estimate(day)
        return RiskReport(plan: plan, scenario: scenario, day: day, estimate: estimate, profile: profile, threshold: threshold,
                          language: ReportLanguage.preferred(forOutletName: scenario.outlet.name))
    }

    /// The risk profile a scenario's plans are judged with: its `risk` block (as its reader kept
    /// it, from the file at `scenarioPath`), else the defaults for its weather (`defaults`, when
    /// given, instead: `desk calibrate --rain`).
    static func profile(scenario: Scenario, riskBlock: JSONNode?, scenarioPath: String,
                        defaults: RiskModel? = nil) throws(RiskDataError) -> RiskProfile {
        let defaults = defaults ?? RiskModel.defaults(weather: scenario.weather)
        return try riskBlock.map { block throws(RiskDataError) in
            try RiskProfileFile.scenarioRisk(block: block, path: scenarioPath, defaults: defaults)
        } ?? RiskProfile(model: defaults)
    }
}
