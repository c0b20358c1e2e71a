import Testing
@testable import DispatchModel
@testable import DispatchSolver
import DispatchCheck

@Suite struct SecondSearchTests {
    /// Days of 40 stops and 6 couriers whose route elimination takes steps (those of
    /// ``RouteEliminationTests``).
    static let stops = 40
    /// Steps a stop each half must be worth here (500 by default: too many steps for a debug
    /// test); these days' routes are short (about 8 stops), so any length passes here.
    static let stepsPerStop = 50
    static let rule = SecondSearchRule(stepsPerStop: Double(stepsPerStop), stopsPerRoute: 1)

    func day(seed: UInt64, shipments: Bool = false) -> Scenario {
        RandomScenario.make(seed: 300 + seed, stops: Self.stops, couriers: 6, shipments: shipments)
    }

    func options(iterations: Int, seed: UInt64) -> SearchOptions {
        var options = SearchOptions(iterations: iterations, seconds: 600, seed: seed, workers: 1, localSearch: false)
        // Elimination ends early (by steps without progress), leaving the first search a walk.
        options.eliminationStallSteps = 300
        options.secondSearchRule = Self.rule
        return options
    }

    /// The same day without reloads, as the literature's distance-only days are.
    func distanceDay(seed: UInt64) -> Scenario {
        var scenario = day(seed: seed)
        scenario.outlet.reloadMinutes = nil
        return scenario
    }

    /// Steps for a search whose two halves take exactly `stepsPerStop` steps a stop each.
    var enoughSteps: Int { 2 * Self.stepsPerStop * Self.stops }

    /// With steps enough for two, a search ends halfway and a second one, aiming at the first's
    /// fleet, takes the other half; the cheaper is kept, every stop placed, and the same seed
    /// gives the same routes.
    @Test(arguments: [2, 3])
    func aSearchWithStepsForTwoHandsOverHalfway(_ seed: Int) {
        let problem = ProblemBuilder(scenario: day(seed: UInt64(seed)), objective: .hierarchical).problem
        #expect(problem.allowsSecondSearch)
        let options = options(iterations: enoughSteps, seed: UInt64(seed))
        var firstOptions = options
        firstOptions.mayHandOver = true
        let first = problem.search(firstOptions, seed: UInt64(seed), deadline: .now + .seconds(600))
        #expect(first.handedOver)
        #expect(first.eliminationSteps > 0 && first.eliminationSteps <= enoughSteps / 4)
        #expect(first.iterations == enoughSteps / 2, "the first search ends halfway")

        let kept = problem.searchTwice(options, seed: UInt64(seed), deadline: .now + .seconds(600))
        #expect(kept.handedOver)
        #expect(kept.iterations == enoughSteps, "the second search takes the other half")
        #expect(kept.cost <= first.cost + 1e-9)
        #expect(kept.state.usedRoutes <= first.state.usedRoutes)
        #expect(kept.state.unassigned.isEmpty)
        #expect(kept.state.routes.allSatisfy { $0.feasible })
        #expect(abs(kept.cost - kept.state.cost(problem)) < 1e-6)
        #expect(Set(first.pool).isSubset(of: Set(kept.pool)), "set partitioning sees both searches' routes")
        let again = problem.searchTwice(options, seed: UInt64(seed), deadline: .now + .seconds(600))
        #expect(again.state.routes.map(\.stops) == kept.state.routes.map(\.stops))
    }

    /// One step short of that, the search runs once, exactly as it would without the option.
    @Test func aSearchWithoutStepsForTwoRunsOnce() {
        let problem = ProblemBuilder(scenario: day(seed: 2), objective: .hierarchical).problem
        let options = options(iterations: enoughSteps - 2, seed: 2)
        let kept = problem.searchTwice(options, seed: 2, deadline: .now + .seconds(600))
        let once = problem.search(options, seed: 2, deadline: .now + .seconds(600))
        #expect(!kept.handedOver)
        #expect(kept.iterations == enoughSteps - 2)
        #expect(kept.state.routes.map(\.stops) == once.state.routes.map(\.stops))
    }

    /// A day whose routes average fewer stops than the rule asks for (here all 40 stops on one
    /// route; the day needs two or more) probes: the first search keeps its route elimination and
    /// a walk to the probe share of the steps, a second start takes its share, and the rest walks
    /// on from the cheaper; every step is spent, the cheapest of the three is kept with every stop
    /// placed, the pool holds the first search's routes, and the same seed gives the same routes.
    @Test func shortRoutesProbeTwiceThenWalkOn() {
        let problem = ProblemBuilder(scenario: day(seed: 2), objective: .hierarchical).problem
        var options = options(iterations: enoughSteps, seed: 2)
        options.secondSearchRule.stopsPerRoute = Double(Self.stops)
        var firstOptions = options
        firstOptions.mayHandOver = true
        let first = problem.search(firstOptions, seed: 2, deadline: .now + .seconds(600))
        #expect(first.handedOver && first.probed)
        #expect(first.iterations == Int(Double(enoughSteps) * options.secondSearchRule.probeShare))

        let kept = problem.searchTwice(options, seed: 2, deadline: .now + .seconds(600))
        #expect(kept.handedOver)
        #expect(kept.iterations == enoughSteps, "the second start and the walk on take the rest")
        #expect(kept.state.usedRoutes >= 2 && kept.state.usedRoutes <= first.state.usedRoutes)
        #expect(kept.cost <= first.cost + 1e-9)
        #expect(kept.state.unassigned.isEmpty && kept.state.routes.allSatisfy { $0.feasible })
        #expect(abs(kept.cost - kept.state.cost(problem)) < 1e-6)
        #expect(Set(first.pool).isSubset(of: Set(kept.pool)))
        let again = problem.searchTwice(options, seed: 2, deadline: .now + .seconds(600))
        #expect(again.state.routes.map(\.stops) == kept.state.routes.map(\.stops))
    }

    /// Days with shipments, and outlet days (couriers cost nothing there, but minutes and fair
    /// days do), search once whatever the budget; distance-only days may hand over, unless any
    /// price but distance is set, or couriers reload.
    @Test func shipmentsAndOutletDaysSearchOnce() {
        let paired = ProblemBuilder(scenario: day(seed: 1, shipments: true), objective: .hierarchical).problem
        #expect(paired.hasShipments && !paired.allowsSecondSearch)
        #expect(!paired.searchTwice(options(iterations: enoughSteps, seed: 1), seed: 2, deadline: .now + .seconds(600)).handedOver)
        let outlet = ProblemBuilder(scenario: day(seed: 2), objective: .outlet).problem
        #expect(!outlet.onlyDistanceCounts && !outlet.allowsSecondSearch)
        #expect(!outlet.searchTwice(options(iterations: 2_000, seed: 2), seed: 2, deadline: .now + .seconds(600)).handedOver)
        let distance = ProblemBuilder(scenario: distanceDay(seed: 2), objective: .distance).problem
        #expect(distance.onlyDistanceCounts && distance.allowsSecondSearch)
        for weight in ["latePerMinute", "perBrokenPromise", "offTerritory", "perMinute", "perSquaredWorkingMinute"] {
            let (priced, unknown) = Objective.distance.overriding([weight: 1])
            #expect(unknown.isEmpty)
            let problem = ProblemBuilder(scenario: distanceDay(seed: 2), objective: priced).problem
            #expect(!problem.onlyDistanceCounts && !problem.allowsSecondSearch, "\(weight) priced: more than distance counts")
        }
        let withReloads = ProblemBuilder(scenario: day(seed: 2), objective: .distance).problem
        #expect(!withReloads.onlyDistanceCounts && !withReloads.allowsSecondSearch, "reloads: not measured")
        let pairedDistance = ProblemBuilder(scenario: day(seed: 1, shipments: true), objective: .distance).problem
        #expect(!pairedDistance.allowsSecondSearch)
    }

    /// A distance-only day probes from the first step, whatever its route lengths and budget: the
    /// first search walks the probe share of the steps (no route elimination), a second start
    /// takes its share, the rest walks on from the cheaper; every step is spent, the kept plan
    /// is no dearer than the probe's, places every stop, and the same seed gives the same routes.
    @Test(arguments: [1, 2])
    func distanceOnlyDaysProbeFromTheFirstStep(_ seed: Int) {
        let problem = ProblemBuilder(scenario: distanceDay(seed: UInt64(seed)), objective: .distance).problem
        let steps = 3_000
        var options = SearchOptions(iterations: steps, seconds: 600, seed: UInt64(seed), workers: 1, localSearch: false)
        options.mayHandOver = true
        let first = problem.search(options, seed: UInt64(seed), deadline: .now + .seconds(600))
        #expect(first.handedOver && first.probed)
        #expect(first.eliminationSteps == 0)
        #expect(first.iterations == Int(Double(steps) * options.secondSearchRule.probeShare))

        options.mayHandOver = false
        let kept = problem.searchTwice(options, seed: UInt64(seed), deadline: .now + .seconds(600))
        #expect(kept.handedOver)
        #expect(kept.iterations == steps, "the second start and the walk on take the rest")
        let (keptCost, firstCost) = (kept.cost, first.cost)
        #expect(keptCost <= firstCost + 1e-9)
        #expect(kept.state.unassigned.isEmpty && kept.state.routes.allSatisfy { $0.feasible })
        #expect(abs(keptCost - kept.state.cost(problem)) < 1e-6)
        #expect(Set(first.pool).isSubset(of: Set(kept.pool)))
        let again = problem.searchTwice(options, seed: UInt64(seed), deadline: .now + .seconds(600))
        #expect(again.state.routes.map(\.stops) == kept.state.routes.map(\.stops))
    }

    /// A fleet target at or above the first plan's routes leaves route elimination nothing to do.
    @Test func aFleetTargetEndsRouteElimination() {
        let problem = ProblemBuilder(scenario: day(seed: 2), objective: .hierarchical).problem
        var options = options(iterations: 2_000, seed: 2)
        let free = problem.search(options, seed: 2, deadline: .now + .seconds(600))
        #expect(free.eliminationSteps > 0)
        options.fleetTarget = problem.stopCount
        let aimed = problem.search(options, seed: 2, deadline: .now + .seconds(600))
        #expect(aimed.eliminationSteps == 0)
        #expect(aimed.state.unassigned.isEmpty)
    }

    /// The default: each half of a search worth 500 steps a stop (Solomon at 10 s takes about
    /// 2,400 a stop in a run, at 1 s about 220) and route elimination over within the first
    /// quarter; routes of 20 stops or more on average hand over halfway, shorter ones probe
    /// (35 % of the budget).
    @Test func theDefaultRuleAtItsBoundaries() {
        let rule = SecondSearchRule()
        #expect(rule.handover(steps: 100_000, of: 100, eliminationShare: 0.1, routes: 5, stops: 100).map { $0.share == 0.5 && !$0.probe } == true)
        #expect(rule.handover(steps: 99_999, of: 100, eliminationShare: 0.1, routes: 5, stops: 100) == nil, "too few steps")
        #expect(rule.handover(steps: 200_000, of: 100, eliminationShare: 0.1, routes: 6, stops: 100).map { $0.share == 0.35 && $0.probe } == true,
                "routes too short for halves: a probe")
        #expect(rule.handover(steps: 200_000, of: 100, eliminationShare: 0.26, routes: 3, stops: 100) == nil, "elimination took over a quarter")
        #expect(rule.handover(steps: 200_000, of: 0, eliminationShare: 0, routes: 3, stops: 100) == nil, "no elimination step: no pace")
    }

    /// A follow-up search's options: it hands over to none and aims at the given fleet; a
    /// reproducible run gives it the steps asked (none when the share is used up) and keeps its
    /// time cap, a time-limited one the seconds asked.
    @Test func aFollowUpSearchGetsItsShareAndTheFleet() {
        var reproducible = SearchOptions(iterations: 10_000, seconds: 60, seed: 3, workers: 1)
        reproducible.mayHandOver = true
        let next = reproducible.followUp(fleet: 4, steps: 2_500, seconds: 7)
        #expect(next.fleetTarget == 4 && !next.mayHandOver)
        #expect(next.iterations == 2_500 && next.seconds == 60)
        #expect(reproducible.followUp(fleet: 4, steps: -3, seconds: 7).iterations == 0, "no steps left: none")

        var timed = SearchOptions(seconds: 10, seed: 3, workers: 1)
        timed.mayHandOver = true
        let later = timed.followUp(fleet: 2, steps: 2_500, seconds: 4.5)
        #expect(later.iterations == nil && later.seconds == 4.5 && later.fleetTarget == 2 && !later.mayHandOver)
        #expect(timed.followUp(fleet: 2, steps: 0, seconds: -0.2).seconds == 0, "past the deadline: no time")
    }

    /// Through the planner on a distance-only day, timed: the plan passes the independent
    /// checker and says the probes ran.
    @Test func thePlannerProbesADistanceOnlyDay() {
        let scenario = distanceDay(seed: 1)
        let plan = RoutePlanner.plan(scenario, objective: .distance, options: SearchOptions(seconds: 0.5, seed: 1, workers: 1))
        #expect(plan.statistics["secondSearches"] == 1)
        #expect(plan.unassigned.isEmpty)
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
    }

    /// Through the planner: the plan passes the independent checker and says a second search ran.
    @Test func thePlannerRunsTheSecondSearch() {
        let scenario = day(seed: 2)
        var options = SearchOptions(iterations: enoughSteps, seconds: 600, seed: 2, workers: 1)
        options.eliminationStallSteps = 300
        options.secondSearchRule = Self.rule
        let plan = RoutePlanner.plan(scenario, objective: .hierarchical, options: options)
        #expect(plan.statistics["secondSearches"] == 1)
        #expect(plan.unassigned.isEmpty)
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
    }
}
