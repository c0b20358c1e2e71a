import ArgumentParser
import DispatchModel
import DispatchPlan
import DispatchReport
import DispatchRisk
import Foundation

/// `desk report PLAN`: which promises are at risk, and whom to call.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Estimate each stop's chance of missing its promise; print or write the at-risk report.",
        discussion: "Formats: text (promises at risk, then a line per courier), json and csv (every stop), html (one self-contained page: map, timeline, call list, route sheets).")

    @Argument(help: "The plan JSON (its scenario is found beside it).") var plan: String
    @Option(help: "text, json, csv or html.") var format: String = "text"
    @Option(help: "Write here (atomically) instead of standard output.") var out: String?
    @Option(help: "A promise is at risk from this P(late).") var threshold: Double = 0.2
    @Option(help: "Labels: zh or en (default: zh when the outlet's name is Chinese).") var lang: String?
    @Option(help: "A risk model file from `desk calibrate` (default: the scenario's \"risk\" block, else the defaults).") var risk: String?
    @Option(help: "Monte Carlo draws.") var draws: Int = 1000
    @Option(help: "Seed of the Monte Carlo draws.") var seed: UInt64 = 1

    public init() {}

    public func validate() throws {
        guard ["text", "json", "csv", "html"].contains(format) else { throw ValidationError("--format must be text, json, csv or html") }
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1]") }
        if let lang, ReportLanguage(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en") }
        guard (1...1_000_000).contains(draws) else { throw ValidationError("--draws must be 1…1000000") }
    }

    public func run() throws {
        let terminal = out == nil && isatty(1) != 0
        emit(Self.execute(plan: plan, format: format, out: out, threshold: threshold, lang: lang.flatMap(ReportLanguage.init(rawValue:)),
                          risk: risk, draws: draws, seed: seed, colour: terminal))
    }

    /// The report of the plan at `plan`, or the failure.
    /// `out`, when given, is checked against the files read before the estimate runs.
    static func build(plan: String, threshold: Double, lang: ReportLanguage?, risk: String?, draws: Int, seed: UInt64,
                      out: String? = nil) -> Result<RiskReport, RiskInput.Failure> {
        let input: RiskInput
        do { input = try RiskInput.load(planPath: plan, riskPath: risk) } catch { return .failure(error) }
        if let refusal = OutputPaths([("--out", out)]).refusal(inputs: input.files) { return .failure(RiskInput.Failure(result: refusal)) }
        let started = monotonicSeconds()
        let estimate = RiskEstimator(model: input.profile.model, draws: draws, seed: seed).estimate(input.day)
        let seconds = monotonicSeconds() - started
        let language = lang ?? ReportLanguage.preferred(forOutletName: input.scenario.outlet.name)
        return .success(RiskReport(plan: input.plan, scenario: input.scenario, day: input.day, estimate: estimate, profile: input.profile,
                                   threshold: threshold, language: language, estimateSeconds: seconds))
    }

    /// The rendered report in `format`.
    static func render(_ report: RiskReport, format: String, colour: Bool) -> String {
        switch format {
        case "json": return TableReport.json(report)
        case "csv": return TableReport.csv(report)
        case "html": return HTMLReport.render(report)
        default: return TextReport.render(report, colour: colour)
        }
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(plan: String, format: String = "text", out: String? = nil, threshold: Double = 0.2, lang: ReportLanguage? = nil,
                               risk: String? = nil, draws: Int = 1000, seed: UInt64 = 1, colour: Bool = false) -> CommandResult {
        let report: RiskReport
        switch build(plan: plan, threshold: threshold, lang: lang, risk: risk, draws: draws, seed: seed, out: out) {
        case .success(let r): report = r
        case .failure(let failure): return failure.result
        }
        let text = render(report, format: format, colour: colour)
        let timing = "risk: \(report.rows.count) stops, \(report.draws) draws in \(String(format: "%.3f", report.estimateSeconds)) s; \(report.atRisk.count) at risk\n"
        guard let out else { return CommandResult(output: text, errors: timing) }
        if let failure = writeOutput(text, to: out) { return failure }
        return CommandResult(output: timing + "wrote \(out)\n")
    }
}
