import Testing
@testable import DispatchModel
@testable import DispatchPlan
@testable import DispatchReport
@testable import DispatchSolver

@Suite struct RouteSheetTests {
    /// A generated day whose couriers must come back to reload (more parcels than a load).
    static func plannedDay() -> (Scenario, Plan) {
        var scenario = OutletDayGenerator(stops: 160, couriers: 2, seed: 4).scenario()
        scenario.stops[0].contact = .call
        scenario.stops[1].requiredSkills = ["cold"]
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: SearchOptions(iterations: 200, seconds: 600, seed: 1, workers: 1))
        return (scenario, plan)
    }

    /// The sheet heads each trip with a line saying when it leaves, what it carries and when it
    /// is back, then lists that trip's stops in order, numbered through the day, with their ETA.
    @Test func sheetListsEveryTripThenItsStopsInOrder() throws {
        let (scenario, plan) = Self.plannedDay()
        let route = try #require(plan.routes.first { $0.trips.filter { !$0.stops.isEmpty }.count >= 2 }, "a courier reloads")
        let trips = route.trips.filter { !$0.stops.isEmpty }
        let lines = RouteSheet.text(for: route, scenario: scenario).split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + trips.count + route.stops.count)
        #expect(lines[0].contains("\(route.stops.count) stops in \(trips.count) trips"))
        #expect(lines[0].hasSuffix("leave \(Clock.format(route.departure)), back \(Clock.format(route.returnTime))"))
        var line = 1, number = 0
        for (t, trip) in trips.enumerated() {
            let heading = lines[line]
            #expect(heading.hasPrefix("Trip \(t + 1): leave \(Clock.format(trip.departure)) with \(RouteSheet.kilograms(trip.loadKg)) kg"))
            #expect(heading.contains("\(trip.stops.count) stop"))
            let back = t == trips.count - 1 ? "back " : "back at the outlet "
            #expect(heading.hasSuffix(back + Clock.format(trip.returnTime)))
            line += 1
            for visit in trip.stops {
                number += 1
                #expect(lines[line].hasPrefix("\(number). \(Clock.format(visit.start))  \(visit.id)  "))
                line += 1
            }
        }
        #expect(line == lines.count)
    }

    /// The plan's sheets are every courier's sheet in the plan's order, one after another, each
    /// opening with its courier's heading.
    @Test func planSheetsAreTheCouriersSheetsInOrder() {
        let (scenario, plan) = Self.plannedDay()
        let all = RouteSheet.text(for: plan, scenario: scenario)
        #expect(all == plan.routes.map { RouteSheet.text(for: $0, scenario: scenario) }.joined(separator: "\n"))
        let headings = all.split(separator: "\n").filter { $0.contains(" stops in ") || $0.contains(" stop in ") }
        #expect(headings.count == plan.routes.count)
        for (heading, route) in zip(headings, plan.routes) { #expect(heading.contains("(\(route.courier))")) }
    }

    /// Calls first and cold-chain parcels are flagged on the stop's line.
    @Test func sheetFlagsCallsAndColdChain() throws {
        let (scenario, plan) = Self.plannedDay()
        let text = plan.routes.map { RouteSheet.text(for: $0, scenario: scenario) }.joined(separator: "\n")
        let lines = text.split(separator: "\n").map(String.init)
        let called = try #require(lines.first { $0.contains("  \(scenario.stops[0].id)  ") })
        #expect(called.contains("  CALL"))
        let cold = try #require(lines.first { $0.contains("  \(scenario.stops[1].id)  ") })
        #expect(cold.contains("  COLD CHAIN"))
        #expect(lines.filter { $0.contains("COLD CHAIN") }.count == scenario.stops.filter(\.isColdChain).count)
    }

    /// Kilograms read with one decimal, rounded.
    @Test func kilogramsHaveOneDecimal() {
        #expect(RouteSheet.kilograms(89.94) == "89.9")
        #expect(RouteSheet.kilograms(89.96) == "90.0")
        #expect(RouteSheet.kilograms(0) == "0.0")
        #expect(RouteSheet.kilograms(1234.56) == "1234.6")
        #expect(RouteSheet.kilograms(-0.5) == "-0.5")
    }
}
