import ArgumentParser

/// The `desk` command: plans the day of a courier outlet.
public struct Desk: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "DispatchDesk: plan the day of a courier outlet (快递网点).",
        version: "0.1.0",
        subcommands: [ValidateCommand.self, GenerateCommand.self, PlanCommand.self, BenchCommand.self,
                      // The at-risk report and its risk model (issue 7).
                      ReportCommand.self, SimulateCommand.self, CalibrateCommand.self, ReliabilityCommand.self,
                      // The day as it happens (issue 8).
                      ReplanCommand.self])

    public init() {}
}
