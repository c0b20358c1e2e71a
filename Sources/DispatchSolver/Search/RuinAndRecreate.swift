import Foundation
import DispatchModel

/// Options for one search.
public struct SearchOptions: Sendable {
    /// Iteration limit (ruin-and-recreate steps per worker); `nil` for a time-limited search.
    /// With a limit and a seed the result is the same on every run.
    public var iterations: Int?
    /// Wall-clock limit in seconds (a safety cap when `iterations` is set).
    public var seconds: Double
    /// Random seed.
    public var seed: UInt64
    /// Independent searches run in parallel (best kept); the result does not depend on timing.
    public var workers: Int
    /// Share of the budget spent trying to empty routes when couriers cost something; `nil`
    /// chooses by objective and size (``RoutingProblem/routeEliminationShare``).
    public var routeEliminationShare: Double?
    /// Whether granular local search polishes the first and the final solution, and (on days of
    /// up to 400 stops without pickup-and-delivery fleet minimisation) new bests found by
    /// ruin-and-recreate and, now and then, the walk's current plan, in at most a fifth of the
    /// time (``RoutingProblem/loopPolishShare``, ``RoutingProblem/walkPolishStepsPerStop``).
    public var localSearch: Bool
    /// When the clock started (the command's start, so reading and building count); `nil`: when
    /// planning starts.
    public var startedAt: ContinuousClock.Instant?
    /// Routes to start from (a replan's kept routes): the first plan is these, with every other
    /// stop inserted into them, instead of a construction from scratch. See ``InitialSolution``.
    public var initialSolution: InitialSolution?
    /// Whether set partitioning over the routes met so far runs during the search too (set by
    /// ``RoutePlanner`` where set partitioning pays).
    var partitionsDuringSearch = false
    /// Share of the budget route elimination may go without progress before it ends;
    /// `nil`: as the day's size says (``RoutingProblem/eliminationStallShare``); 1 or more: never.
    var eliminationStallShare: Double?
    /// Ruin-and-recreate steps route elimination may go without progress, while more than one
    /// stop is left out, before it ends; `nil`: as the day's size says
    /// (``RoutingProblem/eliminationStallSteps``); `Int.max`: never.
    var eliminationStallSteps: Int?
    /// Whether this search may end its walk early (halfway through the budget, or after a probe
    /// on days of short routes and on days where only distance counts) and hand the rest to
    /// further searches (set by ``RoutingProblem/searchTwice(_:seed:deadline:)`` where
    /// ``RoutingProblem/allowsSecondSearch``).
    var mayHandOver = false
    /// The share of the walk's cooling already done when this search begins: a walk on from the
    /// better of two probes on a distance-only day goes on cooling from where the budget is
    /// (``RoutingProblem/probeAndWalkOn(_:_:seed:began:deadline:)``) instead of starting hot.
    var coolingDone = 0.0
    /// Route elimination ends at this many routes: a second search aims at the fleet its first
    /// search found, and spends the rest of its budget on distance.
    var fleetTarget: Int?
    /// When a search hands over to a second one.
    var secondSearchRule = SecondSearchRule()

    /// Options; by default 10 s, seed 1, two workers.
    public init(iterations: Int? = nil, seconds: Double = 10, seed: UInt64 = 1, workers: Int = 2,
                routeEliminationShare: Double? = nil, localSearch: Bool = true, startedAt: ContinuousClock.Instant? = nil,
                initialSolution: InitialSolution? = nil) {
        self.iterations = iterations
        self.seconds = seconds
        self.seed = seed
        self.workers = workers
        self.routeEliminationShare = routeEliminationShare
        self.localSearch = localSearch
        self.startedAt = startedAt
        self.initialSolution = initialSolution
    }

    /// Whether the result is fixed by the seed (an iteration limit is set).
    public var isReproducible: Bool { iterations != nil }
}

/// What one search found, in problem indices.
struct SearchResult: Sendable {
    var state: SearchState
    var cost: Double
    var iterations: Int
    /// Seconds until the first complete solution.
    var firstSolutionSeconds: Double
    /// Routes seen in good solutions, for set partitioning: (vehicle, stops, cost).
    var pool: [PooledRoute]
    /// How many new bests local search polished inside the improvement loop.
    var loopPolishes = 0
    /// What set partitioning during the search saved, in total.
    var partitionGain = 0.0
    /// Ruin-and-recreate steps route elimination took.
    var eliminationSteps = 0
    /// Whether the walk ended early for further searches (``SearchOptions/mayHandOver``,
    /// ``SecondSearchRule``).
    var handedOver = false
    /// Whether it ended early as a probe (``SecondSearchRule/probeShare``).
    var probed = false
}

extension RoutingProblem {
    /// Ruin-and-recreate steps between two rounds of trip-level moves; a round that finds
    /// nothing doubles the wait before the next (up to ``tripMoveLongestWait``), one that moves
    /// a trip resets it. On the outlet day they pay early (9 of 39 rounds moved something in a
    /// 10 s run, 8 of them in its first 1,250 steps) and each round prices every trip on every
    /// other courier.
    static let tripMovePeriod = 250
    static let tripMoveLongestWait = 2_000
    /// The share of the budget route elimination gets by default: half when vehicles come first
    /// (hierarchical) on days of up to 300 stops, 0.3 on larger ones and when couriers cost less.
    /// Measured, one worker, against half everywhere: Gehring–Homberger 400 at 10 s, seed 1, 11/12
    /// BKS vehicle counts either way and +8.6 % → +4.4 % where reached (at 30 s +4.7 % → +4.3 %);
    /// not on Solomon, where 0.3 reached the BKS vehicle count in 140 runs of 168 against 149 at
    /// 1 s (seeds 1–3) and lost R104 at 10 s, nor on Li & Lim 200 at 10 s, seeds 1–2 (18 runs of
    /// 24 against 19, +1.73 % against +1.86 % where both reach).
    var routeEliminationShare: Double {
        objective.perCourier >= 10_000 * max(objective.perDistance, 1e-9) && stopCount <= 300 ? 0.5 : 0.3
    }

    /// The share of the budget route elimination may go without progress (a route closed, or
    /// fewer stops left out than any try since the last one closed) before it ends, on days of
    /// more than 300 stops; on smaller ones it keeps its whole share. A try for one route fewer
    /// than the fleet the day needs held the rest of the share: Gehring–Homberger RC2_4_6 reached
    /// its 8 routes 0.7 s into a 30 s run, R1_4_2 its 36 at 0.2 s, and both then tried until 9 s.
    /// Measured at 30 s, one worker, against no limit: homberger400 seeds 2–3, 21 runs of 24 at
    /// the BKS vehicle count either way, +2.61 % against +3.69 % where reached (14 better, 5
    /// worse); seed 1 (a limit per try), +2.93 % against +3.34 %. Not on Solomon (10 s, seed 1:
    /// R110 and RC106 lost their BKS vehicle count; at 1 s, seeds 1–3, 134 runs of 168 reached it
    /// against 148).
    var eliminationStallShare: Double { stopCount > 300 ? 0.1 : 1 }

    /// On days of up to 300 stops, route elimination ends once it has gone this many steps per
    /// stop without progress while two stops are left out (about a second on a Solomon instance;
    /// fewer steps with more left out, none with one: ``eliminationStallLimit(_:leftOut:)``). Route
    /// counts there are met early and the rest of the share went to tries for one route fewer:
    /// seed 1 at 10 s, every Solomon instance but R104 had its final count by 1.4 s (RC106 by
    /// 3.2 s, its last stop taking 2.7 s of it: one stop short, an attempt is never stalled)
    /// and tried on until 5 s. Measured at 10 s, one worker, paired against no limit, mean gap
    /// where the BKS vehicle count is reached: Solomon-56 seeds 1–3, +0.97/+0.84/+0.78 % →
    /// +0.94/+0.74/+0.78 % (45 runs better, 28 worse, the same 55/56/55 counts). Li & Lim 200 at
    /// 10 s takes too few steps (40,000–60,000 a run) for the limit to act. A limit of a tenth
    /// of the budget in time with no exemption measured as well at 10 s but lost BKS vehicle
    /// counts at 1 s (138 runs of 168 against 147, seeds 1–3).
    static let eliminationStallStepsPerStop = 250

    /// Steps without progress after which a try for one route fewer ends, when at best it left
    /// `leftOut` stops out: `steps` (``eliminationStallSteps``) with two out, `steps / (k − 1)`
    /// with k out, never with one out. A try for one route fewer than the day needs stalls far
    /// from it (Solomon R202 at 1 s: 13 stops out from step 4,200 to the end of the elimination
    /// share at step 15,600, half the budget), while one that will close a route comes within a
    /// stop or two. Measured, one worker, both arms at
    /// once, against `steps` whatever is left out (mean gap where both reach the BKS vehicle
    /// count): Solomon-56 at 1 s, seeds 1–6, 309 runs of 336 at the BKS vehicle count against
    /// 308, +1.378 % against +1.466 % (98 runs better, 82 worse); at 10 s, seeds 1–2, 111 of
    /// 112 either way, +0.433 % against +0.540 % (26 better, 20 worse; every family better); Li
    /// & Lim 200 at 10 s, seeds 1–6, 61 runs of 72 either way, +1.770 % against +2.158 % (13
    /// better, 10 worse).
    static func eliminationStallLimit(_ steps: Int, leftOut: Int) -> Int {
        guard leftOut > 1 else { return Int.max }
        return leftOut == Int.max ? steps : steps / (leftOut - 1)
    }

    /// Steps without progress that end route elimination (``eliminationStallStepsPerStop``), or
    /// `nil` on days of more than 300 stops (they stall by time: ``eliminationStallShare``).
    var eliminationStallSteps: Int? { stopCount <= 300 ? Self.eliminationStallStepsPerStop * stopCount : nil }

    /// On days without shipments, the steps without progress a try may take (before
    /// ``eliminationStallLimit(_:leftOut:)`` shares them out by the stops left out) are also at
    /// most this share of the steps the whole run takes (its iteration limit, or what its budget
    /// after the first plan holds at route elimination's pace). At 1 s a Solomon run takes about
    /// 34,000 steps, and 250 steps a stop (25,000) let a try that cannot close its route hold the
    /// rest of route elimination's half of the budget: traced on R1, RC1, R2 and RC2 at 1 s,
    /// seeds 1–2, the last, failed try took 27 % of a run's steps on average, mostly with two to
    /// six stops out, while tries that succeeded waited at most 4,800 steps for progress with two
    /// out and 2,600 with three. At 10 s the share is above 250 steps a stop and changes nothing.
    ///
    /// Measured at 1 s, one worker, both arms at once, against the limit by steps alone (mean
    /// gap where both reach the BKS vehicle count): Solomon-56 seeds 1–6, 307 runs of 336 at it
    /// against 310, +1.190 % against +1.386 % (105 runs better, 80 worse; R1 +1.01 % against
    /// +1.36 %, RC1 +1.59 % against +2.34 %). With the pace taken from the run's start instead
    /// (the first plan's time included), seeds 1–6 308 runs against 308, +1.115 % against
    /// +1.307 %, and seeds 7–12 302 against 303, +1.236 % against +1.341 %. A share of 0.3 lost
    /// six runs' fleets and 0.2 twenty (R107–R111, RC108). Not on Li & Lim 200 at 10 s
    /// (40,000–95,000 steps a run), where lr2_2_6 lost its fleet on two seeds of three.
    static let eliminationStallRunShare = 0.4

    /// The steps without progress that end a try for one route fewer, `steps` (the day's
    /// ``eliminationStallSteps``), in a run of `runSteps` steps: at most
    /// ``eliminationStallRunShare`` of them on days without shipments.
    func eliminationStallSteps(_ steps: Int, runSteps: Double) -> Int {
        guard !hasShipments, steps < Int.max, runSteps.isFinite else { return steps }
        return Int(min(Double(steps), max(Self.eliminationStallRunShare * runSteps, 1)))
    }

    /// At most this share of a time-limited search's improvement loop goes to polishing new
    /// bests with local search.
    static let loopPolishShare = 0.2

    /// Where local search runs inside the loop (``loopPolishShare``), it also polishes the walk's
    /// current plan every this many steps a stop (500 on a Solomon instance), not only new bests:
    /// the walk goes on from a local optimum instead of reaching one by ruin and recreate alone.
    /// Measured, one worker, both arms at once, against polishing new bests only (mean gap where
    /// both reach the BKS vehicle count): Solomon-56 at 1 s +1.114 % against +1.247 % (seeds
    /// 1–6) and +1.140 % against +1.182 % (seeds 7–12); Gehring–Homberger 400 at 10 s +3.121 %
    /// against +3.423 % (seeds 1–3), at 30 s +2.346 % against +2.617 % (seeds 1–2). Solomon-56 at
    /// 10 s, seeds 1–2, within the spread (+0.474 % against +0.436 %). Every 2 steps a stop read
    /// +1.143 % and every 10 +1.220 % at 1 s, against +1.244 % and +1.231 % for the same arm.
    static let walkPolishStepsPerStop = 5

    /// Where in the walk (share of it done) set partitioning runs when it runs during the search.
    /// Solomon-56 at 1 s, seeds 1–3, one worker (mean gap where the BKS vehicle count is reached,
    /// against +1.85 % without): +1.58 % at these four points, +1.76 % at 0.7 and 0.85, +1.93 %
    /// at every tenth.
    static let partitionCheckpoints = [0.25, 0.5, 0.75, 0.9]

    /// Whether set partitioning also runs during the search (where set partitioning runs at all):
    /// on days of up to 150 stops when couriers cost something, where it measured better. One
    /// worker, seed 1, against the same engine without: Solomon-56 at 10 s +1.22 % → +1.05 % where
    /// the BKS vehicle count is reached (better on 22 instances, worse on 10), at 1 s (seeds 1–3)
    /// +1.85 % → +1.58 %; not on Li & Lim 200 at 10 s (+0.90 % → +1.11 %) nor Gehring–Homberger
    /// 400 at 10 s (+5.06 % → +5.52 %).
    var partitionsDuringSearch: Bool { objective.perCourier > 0 && stopCount <= 150 }
}

/// A route worth remembering for set partitioning.
struct PooledRoute: Sendable, Hashable {
    let vehicleClass: Int
    let stops: [Int]
    let cost: Double
}

extension RoutingProblem {
    /// One ruin-and-recreate search under simulated annealing, with a route-elimination phase
    /// when couriers cost something.
    func search(_ options: SearchOptions, seed: UInt64, deadline: ContinuousClock.Instant, initial: [[Int]]? = nil) -> SearchResult {
        // A search that hands over to a second one ends halfway (see ``SecondSearchRule``).
        var deadline = deadline
        var budgetSeconds = options.seconds
        var rng = SplitMix64(seed: seed)
        let clock = ContinuousClock()
        let began = clock.now
        var state = SearchState(self)
        if let initial {
            warmStart(initial, into: &state, rng: &rng)
        } else if stopCount <= 150 {
            regretConstruct(into: &state, rng: &rng)
        } else {
            // Large days: cheapest insertion, tightest windows first (regret is O(n²) per step).
            let order = (0..<stopCount).sorted {
                let a = self.deadline($0), b = self.deadline($1)
                return a != b ? a < b : $0 < $1
            }
            // Stops only a few couriers can take (a cold-chain parcel needs a cooler box) claim
            // those couriers' hours first: inserted with the others, a peak morning's cold parcels
            // found the few cooler boxes' mornings full of their own territories' parcels, which
            // anyone could have taken later (the peak day left 12–27 of them out at 10 s). Each
            // group goes territory first: each stop tries its own courier, the rest then go anywhere.
            let skilled = order.filter { requiredSkills[$0] != 0 }
            let groups = skilled.isEmpty || skilled.count == order.count ? [order] : [skilled, order]
            for group in groups {
                if objective.offTerritory > 0 {
                    recreate(group, into: &state, rng: &rng, blinkRate: 0, allowGranular: false, ownCourierOnly: true)
                }
                recreate(group, into: &state, rng: &rng, blinkRate: 0, allowGranular: false)
            }
        }
        let firstSolution = began.duration(to: clock.now)
        // Pickup-and-delivery days where couriers cost something: the first polish waits until
        // route elimination is over, as routes polished to their shortest leave no room for an
        // eliminated route's pairs (Li & Lim 200, 8,000 steps, seed 1: +3.92 % → +2.42 % where the
        // vehicle count is reached; lr1_2_2 and lr2_2_2 over 3 seeds closer to the old engine).
        // On Solomon, polishing first measured better (+2.07 % against +2.84 %), so it stays.
        let polishAfterElimination = objective.perCourier > 0 && hasShipments
        // How long the first polish took: the final one, from a better plan, takes no longer.
        var firstPolish: Duration?
        func polish(_ solution: inout SearchState) {
            let polishStart = clock.now
            defer { if firstPolish == nil { firstPolish = polishStart.duration(to: clock.now) } }
            // At most a fifth of a time-limited budget: ruin-and-recreate needs the rest.
            let polishBy = options.isReproducible ? deadline : min(deadline, clock.now.advanced(by: .milliseconds(Int(budgetSeconds * 200))))
            localSearch(&solution, rng: &rng, deadline: polishBy)
        }
        if options.localSearch, !polishAfterElimination { polish(&state) }
        var pool = PoolCollector()
        pool.add(state, self)

        var totalIterations = max(options.iterations ?? Int.max, 0)
        var iteration = 0
        // A time-limited search leaves time for the final local search: twice what the first
        // polish took, at most 5 % of the budget (at 10 s a Solomon instance's polish takes
        // milliseconds, and a fixed 5 % left half a second of every run unused).
        func finalPolishReserve() -> Duration {
            let most = Duration.milliseconds(Int(budgetSeconds * 50))
            guard let firstPolish else { return most }
            return min(most, firstPolish * 2 + .milliseconds(5))
        }
        func outOfBudget() -> Bool {
            if iteration >= totalIterations { return true }
            guard options.localSearch, !options.isReproducible else { return clock.now >= deadline }
            return clock.now >= deadline - finalPolishReserve()
        }
        func progress() -> Double {
            if options.isReproducible { return Double(iteration) / Double(max(totalIterations, 1)) }
            return began.duration(to: clock.now).inSeconds / max(budgetSeconds, 1e-3)
        }

        // Temperature scale from the average cost of an arc of the first solution, couriers sent out
        // left aside (SISR: 100 → 1 on Solomon, where that cost is the arc's length); on an outlet
        // day the working-day terms count too, or the search could not climb out of a fair-day
        // local optimum.
        let arcs = max(state.routes.reduce(0) { $0 + ($1.isEmpty ? 0 : $1.stops.count + 1) }, 1)
        let routeCosts = state.routes.reduce(0.0) { $0 + ($1.isEmpty ? 0 : $1.cost(self) - objective.perCourier - $1.promiseCost(self)) }
        let averageArc = max(routeCosts / Double(arcs), 1e-6)

        var current = state
        var currentCost = state.cost(self)
        var best = state
        var bestCost = currentCost

        // Route elimination: close a small route and try to fit its stops into the others.
        var eliminationSteps = 0
        if objective.perCourier > 0 {
            let share = options.routeEliminationShare ?? routeEliminationShare
            let budget = options.iterations.map { Int(Double($0) * share) } ?? Int.max / 2
            let eliminationEnd = iteration + budget
            let timeShare = began.advanced(by: .milliseconds(Int(options.seconds * 1000 * share)))
            func eliminationOver() -> Bool { iteration >= eliminationEnd || outOfBudget() || (!options.isReproducible && clock.now >= timeShare) }
            // SISR's fleet minimisation (Christiaens & Vanden Berghe 2020): stops that keep
            // dropping out gather "absences", and a candidate is accepted when it leaves out fewer
            // stops or stops with fewer absences, steering the search to fit the hard ones.
            var absence = [Int](repeating: 0, count: stopCount)
            func absences(_ s: SearchState) -> Int { s.unassigned.reduce(0) { $0 + absence[$1] } }
            // Route elimination ends once it stalls (``eliminationStallShare``,
            // ``eliminationStallSteps``).
            var fewestLeftOut = Int.max
            let eliminationBegan = (time: clock.now, iteration: iteration)
            let budgetEnd = began.advanced(by: .milliseconds(Int(options.seconds * 1000)))
            var lastProgress = clock.now, lastProgressIteration = iteration
            let stallShare = options.eliminationStallShare ?? eliminationStallShare
            let stallSteps = options.eliminationStallSteps ?? eliminationStallSteps ?? Int.max
            func stalled() -> Bool {
                // The steps the whole run takes: its limit, or the steps its budget after the
                // first plan holds at the pace route elimination has kept so far (the time the
                // first plan took would make an early estimate far too low).
                let runSteps = options.isReproducible ? Double(totalIterations)
                    : Double(iteration - eliminationBegan.iteration) / max(eliminationBegan.time.duration(to: clock.now).inSeconds, 1e-6)
                        * eliminationBegan.time.duration(to: budgetEnd).inSeconds
                let steps = eliminationStallSteps(stallSteps, runSteps: runSteps)
                if iteration - lastProgressIteration > Self.eliminationStallLimit(steps, leftOut: fewestLeftOut) { return true }
                guard stallShare < 1 else { return false }
                if options.isReproducible {
                    return Double(iteration - lastProgressIteration) > stallShare * Double(totalIterations)
                }
                return lastProgress.duration(to: clock.now).inSeconds > stallShare * options.seconds
            }
            func progressed() { lastProgress = clock.now; lastProgressIteration = iteration }
            // No plan that places every stop has fewer routes than the fleet's lower bound.
            let fewestRoutes = max(fleetLowerBound, options.fleetTarget ?? 0, 1)
            var failures = 0
            while !eliminationOver(), failures < 3, !stalled() {
                let used = current.routes.indices.filter { !current.routes[$0].isEmpty }
                    .sorted { (current.routes[$0].stops.count, $0) < (current.routes[$1].stops.count, $1) }
                guard used.count > fewestRoutes || (used.count > 1 && !current.unassigned.isEmpty) else { break }
                let target = used[min(failures, used.count - 1)]
                var trial = current
                // Close the target route and every unused one: its stops must fit into the others.
                for r in trial.routes.indices where r == target || trial.routes[r].isEmpty { trial.closed[r] = true }
                let pending = trial.remove(trial.routes[target].stops, self)
                recreate(recreateOrder(pending, rng: &rng), into: &trial, rng: &rng, blinkRate: 0.01)
                var trialMissing = trial.unassigned.count
                // Reproducible runs give each attempt (at most three) a quarter of the elimination budget; a
                // time-limited run gives the first attempt all the time it has (SISR runs one long
                // fleet-minimisation search).
                let attemptEnd = options.isReproducible ? min(eliminationEnd, iteration + max(2_000, budget / 4)) : eliminationEnd
                while trialMissing > current.unassigned.count, iteration < attemptEnd, !eliminationOver(), !stalled() {
                    iteration += 1
                    let trialAbsences = absences(trial)
                    trial.beginStep()
                    ruinAndRecreate(&trial, rng: &rng, eliminating: true)
                    let missing = trial.unassigned.count
                    if missing < trialMissing || absences(trial) < trialAbsences {
                        trial.commitStep(); trialMissing = missing
                    } else {
                        trial.undoStep(self)
                    }
                    for u in trial.unassigned { absence[u] += 1 }
                    if trialMissing < fewestLeftOut { fewestLeftOut = trialMissing; progressed() }
                }
                // Success only when every stop fits and the whole objective improves: for an
                // outlet a courier saved is not worth a promise broken.
                let trialCost = trial.cost(self)
                if trial.unassignedWeight(self) <= current.unassignedWeight(self), trialCost < currentCost - 1e-9 {
                    trial.closed = Array(repeating: false, count: trial.closed.count)
                    current = trial
                    currentCost = trialCost
                    if currentCost < bestCost { best = current; bestCost = currentCost }
                    pool.add(current, self)
                    failures = 0
                    fewestLeftOut = Int.max
                    progressed()
                } else {
                    failures += 1
                }
            }
            eliminationSteps = iteration
        }
        // Whether this search hands part of its budget on (``SecondSearchRule``), and how much
        // it keeps: a distance-only day has no route elimination, its walk is the probe
        // (``RoutingProblem/onlyDistanceCounts``); other days decide by the pace of theirs.
        var handover: (share: Double, probe: Bool)?
        let whole = began.duration(to: deadline).inSeconds
        if options.mayHandOver {
            let rule = options.secondSearchRule
            if onlyDistanceCounts {
                handover = (rule.probeShare, true)
            } else if options.isReproducible {
                handover = rule.handover(steps: Double(totalIterations), of: Double(iteration),
                                         eliminationShare: Double(iteration) / Double(max(totalIterations, 1)),
                                         routes: current.usedRoutes, stops: stopCount)
            } else {
                let elapsed = began.duration(to: clock.now).inSeconds
                let rate = Double(iteration) / max(elapsed, 1e-6)
                handover = rule.handover(steps: rate * whole, of: Double(iteration), eliminationShare: elapsed / max(whole, 1e-6),
                                         routes: current.usedRoutes, stops: stopCount)
            }
        }
        if let (share, _) = handover {
            if options.isReproducible {
                totalIterations = Int(Double(totalIterations) * share)
            } else {
                deadline = began.advanced(by: .milliseconds(Int(whole * 1000 * share)))
                budgetSeconds = options.seconds * share
            }
        }
        let handedOver = handover != nil
        let probed = handover?.probe ?? false
        // After the walk's plan changed outside a step (a polish, trip moves): its cost, and the
        // best plan when it beats it.
        func currentChanged() {
            currentCost = current.cost(self)
            if currentCost < bestCost - 1e-9 { best = current; bestCost = currentCost; pool.add(best, self) }
        }
        if options.localSearch, polishAfterElimination {
            polish(&current)
            currentChanged()
        }

        // Local search inside the loop: each new best is polished to a local optimum and the walk
        // goes on from there, as long as polishing has taken at most a fifth of the loop's time.
        // A reproducible run polishes at most once every `max(100, stops)` steps instead, so that
        // its plan does not depend on the clock. Measured (one worker, against no polishing in
        // the loop): Solomon-56 at 1 s, seeds 1–3, 136 against 131 BKS vehicle counts reached;
        // homberger400 at 10 s, seed 1, 9/12 against 7/12 and +12.2 % against +21.3 % where both
        // reach it. Not where it measured worse or no better: Li & Lim 200 at 10 s, seeds 1–3
        // (+1.92 % → +2.32 % where reached; the same reason as `polishAfterElimination`), and
        // outlet days above 400 stops (outlet day at 10 s, seeds 1–3: 48,598 → 48,898 mean cost,
        // 25 % fewer steps).
        let polishesInLoop = !polishAfterElimination && stopCount <= Self.granularThreshold
        let loopStart = clock.now
        var loopPolishing = Duration.zero
        var lastLoopPolish = Int.min / 2
        var loopPolishes = 0
        func withinPolishShare() -> Bool { loopPolishing <= loopStart.duration(to: clock.now) * Self.loopPolishShare }
        func polishesNewBest() -> Bool {
            guard options.localSearch, polishesInLoop else { return false }
            if options.isReproducible { return iteration - lastLoopPolish >= max(100, stopCount) }
            return withinPolishShare()
        }
        // The walk's own plan is polished too, every ``walkPolishStepsPerStop`` steps a stop,
        // within the same share of the loop's time (a reproducible run: on the step count alone).
        let walkPolishPeriod = max(Self.walkPolishStepsPerStop * stopCount, 1)
        func polishesWalk() -> Bool {
            guard options.localSearch, polishesInLoop, iteration % walkPolishPeriod == 0,
                  current.routedCount == stopCount else { return false }
            return options.isReproducible || withinPolishShare()
        }
        // One polish inside the loop, timed against its share; a time-limited run stops it where
        // the final polish's reserve begins.
        func polishInLoop(_ solution: inout SearchState) {
            let polishStart = clock.now
            localSearch(&solution, rng: &rng, deadline: options.isReproducible ? deadline : deadline - finalPolishReserve())
            loopPolishing += polishStart.duration(to: clock.now)
        }
        // The walk's temperature starts over when route elimination ends: SISR's annealing and
        // its fleet minimisation are separate searches.
        let cooling = CoolingSchedule(start: 10 * averageArc, end: 0.1 * averageArc,
                                      begins: objective.perCourier > 0 ? min(progress(), 1) : 0).continued(from: options.coolingDone)
        // Set partitioning during the search (ILS-SP, Subramanian, Uchoa & Ochi 2013): at a few
        // points of the walk, the best recombination of the routes met so far replaces the best
        // solution when cheaper, and the walk goes on from it (each solve gets at most 2 % of
        // the budget, 1 s at most).
        let partitionsInWalk = options.partitionsDuringSearch
        var partitionCheckpoints = Self.partitionCheckpoints
        var partitionGain = 0.0
        var tripEvaluator = SequenceEvaluator(self)
        var tripMoveWait = Self.tripMovePeriod
        var nextTripMoves = iteration + tripMoveWait
        while !outOfBudget() {
            iteration += 1
            if allowsReloads, iteration >= nextTripMoves {
                // Whole trips change courier, and whole days change hands, now and then: moves
                // that ruin-and-recreate's few stops at a time cannot make.
                var moved = 0
                let movesUntil = options.isReproducible ? nil : Optional(deadline)
                while moved < 5, relocateTrip(&current, evaluator: &tripEvaluator, until: movesUntil)
                        || swapCouriers(&current, evaluator: &tripEvaluator, until: movesUntil) { moved += 1 }
                tripMoveWait = moved > 0 ? Self.tripMovePeriod : min(2 * tripMoveWait, Self.tripMoveLongestWait)
                nextTripMoves = iteration + tripMoveWait
                if moved > 0 { currentChanged() }
            }
            let done = min(progress(), 1)
            let walked = cooling.walked(done)
            if partitionsInWalk, let next = partitionCheckpoints.first, walked >= next {
                partitionCheckpoints.removeFirst()
                let limit = min(budgetSeconds * 0.02, 1, max(clock.now.duration(to: deadline).inSeconds, 0))
                if limit > 0.005, let (state, cost) = partition(pool.routes, incumbent: best, incumbentCost: bestCost,
                                                                  timeLimitSeconds: limit, requireOptimal: options.isReproducible) {
                    partitionGain += bestCost - cost
                    best = state
                    bestCost = cost
                    current = state
                    currentCost = cost
                    pool.add(best, self)
                }
            }
            if polishesWalk() {
                polishInLoop(&current)
                currentChanged()
            }
            current.beginStep()
            ruinAndRecreate(&current, rng: &rng)
            let cost = current.cost(self)
            let temperature = cooling.temperature(done)
            if cost < currentCost - temperature * log(rng.unit() + 1e-300) {
                // Near-best solutions after the walk's first quarter: the routes this step changed
                // are ones set partitioning can recombine.
                if walked >= 0.25, cost < bestCost - 1e-9 || cost <= bestCost + 0.02 * (bestCost - objective.perCourier * Double(best.usedRoutes)) {
                    pool.add(current, self, routes: current.routesChangedInStep)
                }
                current.commitStep()
                currentCost = cost
                if cost < bestCost - 1e-9 {
                    best = current
                    bestCost = cost
                    if polishesNewBest() {
                        polishInLoop(&best)
                        bestCost = best.cost(self)
                        current = best
                        currentCost = bestCost
                        lastLoopPolish = iteration
                        loopPolishes += 1
                    }
                    pool.add(best, self)
                }
            } else {
                current.undoStep(self)
            }
        }
        if options.localSearch {
            localSearch(&best, rng: &rng, deadline: deadline, balancing: true)
            bestCost = best.cost(self)
        }
        return SearchResult(state: best, cost: bestCost, iterations: iteration,
                            firstSolutionSeconds: firstSolution.inSeconds,
                            pool: pool.routes, loopPolishes: loopPolishes, partitionGain: partitionGain,
                            eliminationSteps: eliminationSteps, handedOver: handedOver, probed: probed)
    }
}

extension RoutingProblem {
    /// One ruin-and-recreate step, in place: cut strings around a random stop (or stops near it
    /// in time, ``usesTimeRuin(_:eliminating:)``), then reinsert every unassigned stop (the cut
    /// ones among them). The caller opens the step (``SearchState/beginStep()``) and commits or
    /// undoes it; `eliminating` says the step is route elimination's.
    func ruinAndRecreate(_ candidate: inout SearchState, rng: inout SplitMix64, eliminating: Bool = false) {
        // When days must be fair, one step in five cuts a string from the longest working day and
        // lets every courier bid for it (no granular limit): work flows to the short days.
        let balance = objective.perSquaredWorkingMinute > 0 && rng.chance(0.2)
        // Outlet days with stops left out: one step in three makes room for one of them before its
        // deadline, and it chooses first, anywhere in the routes cut for it.
        var making: Int?
        if !balance, allowsReloads, stopCount > Self.granularThreshold, rng.chance(0.3) {
            let leftOut = candidate.routeOf.indices.filter { candidate.routeOf[$0] < 0 && partner[$0] < 0 }
            if !leftOut.isEmpty { making = leftOut[rng.below(leftOut.count)] }
        }
        if balance {
            ruinLongestDay(&candidate, rng: &rng)
        } else if let u = making {
            ruinForDeadline(of: u, &candidate, routes: 1 + rng.below(3), perRoute: 3 + rng.below(8))
            recreate([u], into: &candidate, rng: &rng, blinkRate: 0)
        } else if exchangesTails, rng.chance(Self.tailExchangeRate), ruinByTailExchange(&candidate, rng: &rng) {
            // Tails exchanged (see ``ruinByTailExchange``).
        } else if usesTimeRuin(candidate, eliminating: eliminating), rng.chance(Self.timeRuinRate) {
            ruinByTime(&candidate, rng: &rng)
        } else {
            ruinStrings(&candidate, rng: &rng, splitRate: splitStringRate)
        }
        let ruined = candidate.unassigned
        // Each ruined stop's route before the step (−1: it was left out), looked up once: the
        // lookup searches the routes the step changed. Only large days and days with reloads
        // read it.
        let routeBefore = stopCount > Self.granularThreshold || allowsReloads ? ruined.map { candidate.routeBeforeStep(of: $0) } : []
        if stopCount > Self.granularThreshold, routeBefore.contains(where: { $0 < 0 }) {
            // Stops left out before this step choose first, next to their neighbours; they try
            // every route only one step in ten: a full scan for each of a few dozen, every step,
            // is what stalled a peak day (70 steps in 10 s).
            let leftOut = ruined.indices.filter { routeBefore[$0] < 0 }.map { ruined[$0] }
            recreate(recreateOrder(leftOut, rng: &rng), into: &candidate, rng: &rng, blinkRate: 0.01, lookEverywhere: rng.chance(0.1))
            let cut = ruined.indices.filter { routeBefore[$0] >= 0 }.map { ruined[$0] }
            recreate(recreateOrder(cut, rng: &rng), into: &candidate, rng: &rng, blinkRate: 0.01, allowGranular: !balance)
        } else {
            recreate(recreateOrder(ruined, rng: &rng), into: &candidate, rng: &rng, blinkRate: 0.01, allowGranular: !balance)
        }
        if allowsReloads {
            // A reload where a courier would wait at a door moves the wait to the outlet, on the
            // routes the ruin cut (also on those the recreate filled costs twice the time per step
            // for worse plans at 10 s on the outlet day: 2,800 steps against 4,000–6,000).
            var touched = Set<Int>()
            for r in routeBefore where r >= 0 { touched.insert(r) }
            var evaluator = SequenceEvaluator(self)
            for r in touched.sorted() { _ = improveTrips(&candidate, route: r, evaluator: &evaluator) }
        }
    }
}

/// Collects distinct routes of good solutions (bounded), for set partitioning.
struct PoolCollector {
    private(set) var routes: [PooledRoute] = []
    private var seen = Set<PooledRoute>()
    private var nonzeros = 0
    /// Bounds GLPK's model (and memory) on large days: about 120,000 stop–route entries a worker.
    let nonzeroLimit = 120_000

    mutating func add(_ state: SearchState, _ p: RoutingProblem) {
        add(state, p, routes: state.routes.indices)
    }

    /// Adds the routes `routes` of `state` (indices).
    mutating func add<Indices: Sequence<Int>>(_ state: SearchState, _ p: RoutingProblem, routes indices: Indices) {
        for r in indices where !state.routes[r].isEmpty && state.routes[r].feasible {
            let stops = state.routes[r].stops
            guard nonzeros + stops.count <= nonzeroLimit else { return }
            let entry = PooledRoute(vehicleClass: p.vehicleClass[state.routes[r].vehicle], stops: stops, cost: state.routes[r].cost(p))
            guard seen.insert(entry).inserted else { continue }
            routes.append(entry)
            nonzeros += stops.count
        }
    }
}
