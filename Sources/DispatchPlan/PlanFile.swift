/// A plan as read from its file, with the line of each route, stop and list in it: what a check
/// made once the plan's scenario is read (``check(against:scenarioPath:)``) needs to name the line.
public struct PlanFile: Sendable, Equatable {
    /// The plan.
    public var plan: Plan
    /// The file it was read from.
    public var path: String
    /// The line of each stop id in the plan, routed or unassigned.
    public var stopLines: [String: Int]
    /// The line of each route, by its courier's id.
    public var routeLines: [String: Int]
    /// The line of the `unassigned` list.
    public var unassignedLine: Int

    /// A plan read from `path`, with its lines.
    public init(plan: Plan, path: String, stopLines: [String: Int], routeLines: [String: Int], unassignedLine: Int) {
        self.plan = plan
        self.path = path
        self.stopLines = stopLines
        self.routeLines = routeLines
        self.unassignedLine = unassignedLine
    }
}
