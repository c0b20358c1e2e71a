import DispatchModel

extension PlanFile {
    /// Checks that the plan accounts for its scenario's day and nothing else: every route's
    /// courier is one of the scenario's couriers, every stop in the plan is one of its stops, and
    /// every stop of the scenario is in a route or in `unassigned`. A plan that lost a parcel, or
    /// that sends out a courier the outlet does not have, is refused on its line, in the file
    /// order (`plan.json:12: routes[].courier: courier "c99" is not in the scenario day.json`).
    public func check(against scenario: Scenario, scenarioPath: String) throws(PlanFileError) {
        let couriers = Set(scenario.couriers.map(\.id)), stops = Set(scenario.stops.map(\.id))
        for route in plan.routes {
            guard couriers.contains(route.courier) else {
                throw .invalid(path: path, line: routeLines[route.courier] ?? 1, field: "routes[].courier",
                               message: "courier \"\(route.courier)\" is not in the scenario \(scenarioPath)")
            }
            for visit in route.stops where !stops.contains(visit.id) {
                throw .invalid(path: path, line: stopLines[visit.id] ?? 1, field: "stops[].id",
                               message: "stop \"\(visit.id)\" is not in the scenario \(scenarioPath)")
            }
        }
        for item in plan.unassigned where !stops.contains(item.id) {
            throw .invalid(path: path, line: stopLines[item.id] ?? unassignedLine, field: "unassigned[].id",
                           message: "stop \"\(item.id)\" is not in the scenario \(scenarioPath)")
        }
        let missing = scenario.stops.map(\.id).filter { stopLines[$0] == nil }
        guard missing.isEmpty else {
            let named = missing.prefix(5).map { "\"\($0)\"" }.joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
            let subject = missing.count == 1 ? "stop \(named) of the scenario \(scenarioPath) is" : "\(missing.count) stops of the scenario \(scenarioPath) (\(named)) are"
            throw .invalid(path: path, line: unassignedLine, field: "unassigned",
                           message: "\(subject) neither in a route nor unassigned: a plan lists every stop of its day once")
        }
    }
}
