import Testing
@testable import DispatchModel
@testable import DispatchSolver
import DispatchCheck

@Suite struct RuinAndRecreateTests {
    /// A large day's first plan (construction alone: no ruin-and-recreate, no local search) gives
    /// the few cooler boxes' mornings to the cold-chain parcels due by 10:00 before their own
    /// territories fill them. A generated day of 1,000 stops and 10 couriers (3 with a cooler box,
    /// 25 cold parcels): before cold parcels went first, 16 of them were left out.
    @Test func coldParcelsClaimTheCoolerBoxesFirst() {
        let scenario = OutletDayGenerator(stops: 1_000, couriers: 10, seed: 7).scenario()
        let cold = Set(scenario.stops.filter { !$0.requiredSkills.isEmpty }.map(\.id))
        #expect(cold.count >= 20)
        let options = SearchOptions(iterations: 0, seconds: 3600, seed: 1, workers: 1, localSearch: false)
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: options, setPartitioning: false)
        let leftOut = plan.unassigned.map(\.id).filter(cold.contains)
        #expect(leftOut.isEmpty, "cold parcels left out: \(leftOut)")
        #expect(PlanChecker.violations(plan, scenario: scenario) == [])
    }
}

@Suite struct LoopPolishTests {
    func search(localSearch: Bool, seed: UInt64, objective: Objective = .outlet) -> (RoutingProblem, SearchResult) {
        let scenario = RandomScenario.make(seed: 900 + seed, stops: 40, couriers: 3)
        let problem = ProblemBuilder(scenario: scenario, objective: objective).problem
        let options = SearchOptions(iterations: 600, seconds: 600, seed: seed, workers: 1, localSearch: localSearch)
        let result = problem.search(options, seed: seed, deadline: ContinuousClock.now + .seconds(600))
        return (problem, result)
    }

    /// A reproducible search polishes new bests inside the loop, at most once every
    /// `max(100, stops)` steps, ends with a consistent solution, and repeats itself exactly.
    @Test(arguments: 1...2)
    func newBestsArePolishedInsideTheLoop(_ seed: Int) {
        let (problem, result) = search(localSearch: true, seed: UInt64(seed))
        #expect(result.loopPolishes >= 1)
        #expect(result.loopPolishes <= 600 / 100 + 1)
        #expect(result.state.routes.allSatisfy { $0.feasible })
        for (r, route) in result.state.routes.enumerated() {
            for (k, s) in route.stops.enumerated() where !problem.isReload(s) {
                #expect(result.state.routeOf[s] == r && result.state.position[s] == k)
            }
        }
        #expect(abs(result.cost - result.state.cost(problem)) < 1e-6)
        let (_, again) = search(localSearch: true, seed: UInt64(seed))
        #expect(again.state.routes.map(\.stops) == result.state.routes.map(\.stops))
        let (_, without) = search(localSearch: false, seed: UInt64(seed))
        #expect(without.loopPolishes == 0)
    }

    /// Not where couriers cost something and shipments pair up (Li & Lim's fleet minimisation):
    /// polishing new bests there measured worse.
    @Test func pickupAndDeliveryFleetMinimisationDoesNotPolishInTheLoop() {
        let (problem, result) = search(localSearch: true, seed: 1, objective: .hierarchical)
        #expect(problem.hasShipments)
        #expect(result.loopPolishes == 0)
    }
}

@Suite struct RouteEliminationTests {
    func search(stallShare: Double, stallSteps: Int = .max, seed: UInt64) -> (RoutingProblem, SearchResult) {
        let scenario = RandomScenario.make(seed: 300 + seed, stops: 40, couriers: 6, shipments: false)
        let problem = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        var options = SearchOptions(iterations: 4_000, seconds: 600, seed: seed, workers: 1, localSearch: false)
        options.eliminationStallShare = stallShare
        options.eliminationStallSteps = stallSteps
        return (problem, problem.search(options, seed: seed, deadline: ContinuousClock.now + .seconds(600)))
    }

    /// Route elimination ends once it stops making progress (here 2 % of the steps, 80, without
    /// leaving out fewer stops), and the walk gets the steps it leaves: with no stall limit the
    /// same search spends its whole share (half of the steps) on tries that cannot succeed.
    /// (On some days elimination ends after three quick failed tries, limit or not, as on this
    /// generator's seed 301: 151 steps either way; the seeds here are days where it does not.)
    @Test(arguments: [2, 3])
    func routeEliminationEndsWhenItStalls(_ seed: Int) {
        let (problem, stalling) = search(stallShare: 0.02, seed: UInt64(seed))
        let (_, patient) = search(stallShare: 1, seed: UInt64(seed))
        #expect(problem.eliminationStallShare >= 1, "a day of 40 stops stalls by steps, not by time")
        #expect(problem.eliminationStallSteps == 40 * RoutingProblem.eliminationStallStepsPerStop)
        #expect(patient.eliminationSteps == 2_000)
        #expect(stalling.eliminationSteps < patient.eliminationSteps / 2)
        #expect(stalling.iterations == 4_000 && patient.iterations == 4_000)
        #expect(stalling.state.usedRoutes <= patient.state.usedRoutes)
        #expect(stalling.state.unassigned.isEmpty)
        #expect(stalling.state.routes.allSatisfy { $0.feasible })
        #expect(abs(stalling.cost - stalling.state.cost(problem)) < 1e-6)
    }

    /// The same by steps (small days): 80 steps without progress end route elimination, and the
    /// walk gets the steps it leaves.
    @Test(arguments: [2, 3])
    func routeEliminationEndsAfterStepsWithoutProgress(_ seed: Int) {
        let (problem, stalling) = search(stallShare: 1, stallSteps: 80, seed: UInt64(seed))
        let (_, patient) = search(stallShare: 1, seed: UInt64(seed))
        #expect(patient.eliminationSteps == 2_000)
        #expect(stalling.eliminationSteps < patient.eliminationSteps / 2)
        #expect(stalling.iterations == 4_000)
        #expect(stalling.state.usedRoutes <= patient.state.usedRoutes)
        #expect(stalling.state.unassigned.isEmpty)
        #expect(stalling.state.routes.allSatisfy { $0.feasible })
        #expect(abs(stalling.cost - stalling.state.cost(problem)) < 1e-6)
    }
}

@Suite struct EliminationStallLimitTests {
    /// A try that leaves one stop out never stalls; two out, the whole limit; more, a share of
    /// it that shrinks as the try stays farther from closing its route.
    @Test func theLimitShrinksWithTheStopsLeftOut() {
        #expect(RoutingProblem.eliminationStallLimit(25_000, leftOut: 0) == .max)
        #expect(RoutingProblem.eliminationStallLimit(25_000, leftOut: 1) == .max)
        #expect(RoutingProblem.eliminationStallLimit(25_000, leftOut: 2) == 25_000)
        #expect(RoutingProblem.eliminationStallLimit(25_000, leftOut: 3) == 12_500)
        #expect(RoutingProblem.eliminationStallLimit(25_000, leftOut: 13) == 2_083)
        #expect(RoutingProblem.eliminationStallLimit(25_000, leftOut: .max) == 25_000, "before a try has left any out")
        #expect(RoutingProblem.eliminationStallLimit(.max, leftOut: 13) == .max / 12, "days above 300 stops stall by time")
    }

    /// On a day without shipments a short run's tries stall after a share of its steps; on a
    /// day with shipments, or where the day's steps say never, the limit stays as it is.
    @Test func aShortRunStallsSooner() {
        var scenario = RandomScenario.make(seed: 41, stops: 40, couriers: 6, shipments: false)
        scenario.outlet.reloadMinutes = nil
        let plain = ProblemBuilder(scenario: scenario, objective: .hierarchical).problem
        #expect(!plain.hasShipments)
        let steps = plain.eliminationStallSteps ?? 0
        #expect(steps == 40 * RoutingProblem.eliminationStallStepsPerStop)
        #expect(plain.eliminationStallSteps(steps, runSteps: 10_000) == Int(RoutingProblem.eliminationStallRunShare * 10_000))
        #expect(plain.eliminationStallSteps(steps, runSteps: 1_000_000) == steps, "a long run keeps the limit by steps")
        #expect(plain.eliminationStallSteps(.max, runSteps: 10_000) == .max)
        let shipments = ProblemBuilder(scenario: RandomScenario.make(seed: 41, stops: 40, couriers: 6, shipments: true),
                                       objective: .hierarchical).problem
        #expect(shipments.hasShipments)
        #expect(shipments.eliminationStallSteps(steps, runSteps: 10_000) == steps)
    }
}
