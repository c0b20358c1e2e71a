/// A scenario as read from its files, with every finding about it.
public struct LoadedScenario: Sendable {
    /// The scenario (stops with unreadable fields are left out, and reported as errors).
    public var scenario: Scenario
    /// Where each stop came from, parallel to `scenario.stops`.
    public var stopSources: [SourceLocation]
    /// Where each courier came from, parallel to `scenario.couriers`.
    public var courierSources: [SourceLocation]
    /// Reader and validator findings, in file order.
    public var diagnostics: [Diagnostic]
    /// The other files the scenario names (its `stopsFile` parcels CSV, its travel `matrixFile`),
    /// resolved against the scenario's folder: inputs too, which no output may replace.
    public var companionFiles: [String] = []
    /// The scenario JSON's `"risk"` block as read (a risk model the risk commands read; the model
    /// layer does not interpret it), or `nil` when it has none.
    public var riskBlock: JSONNode?

    /// A scenario with where its stops and couriers came from (sources parallel to its stops and
    /// couriers; missing ones are named "scenario", line 0, by the validator) and the findings so far.
    public init(scenario: Scenario, stopSources: [SourceLocation] = [], courierSources: [SourceLocation] = [], diagnostics: [Diagnostic] = []) {
        self.scenario = scenario
        self.stopSources = stopSources
        self.courierSources = courierSources
        self.diagnostics = diagnostics
    }

    /// Findings that make the scenario unplannable.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// Findings worth reading that do not stop planning.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// Indices of stops outside the outlet's zone: reported, and never routed.
    public var outOfZoneStops: [Int] {
        scenario.stops.indices.filter { !scenario.isInZone(scenario.stops[$0]) }
    }
}
