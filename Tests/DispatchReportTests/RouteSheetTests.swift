import Testing
@testable import DispatchModel
@testable import DispatchReport
@testable import DispatchSolver

@Suite struct RouteSheetTests {
    @Test func sheetListsTheRouteInOrderWithCallsAndPromises() throws {
        var scenario = OutletDayGenerator(stops: 40, couriers: 3, seed: 4).scenario()
        scenario.stops[0].contact = .call
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: SearchOptions(iterations: 200, seconds: 600, seed: 1, workers: 1))
        let route = try #require(plan.routes.first { $0.stops.contains { $0.id == scenario.stops[0].id } })
        let sheet = RouteSheet.text(for: route, scenario: scenario)
        let lines = sheet.split(separator: "\n").map(String.init)
        #expect(lines.count == route.stops.count + 1)
        for (n, visit) in route.stops.enumerated() {
            #expect(lines[n + 1].hasPrefix("\(n + 1). \(Clock.format(visit.start))  \(visit.id)"))
        }
        let called = try #require(lines.first { $0.contains("  \(scenario.stops[0].id)  ") })
        #expect(called.contains("CALL"))
    }
}
