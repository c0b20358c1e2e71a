import Foundation

/// When a search hands part of its budget to further searches
/// (``RoutingProblem/searchTwice(_:seed:deadline:)``).
struct SecondSearchRule: Sendable {
    /// Ruin-and-recreate steps a stop each half must be worth: Solomon at 10 s takes about 2,400
    /// steps a stop in a run, at 1 s about 220, Li & Lim 200 at 10 s about 175; the split
    /// measured worse at 1 s.
    var stepsPerStop = 500.0
    /// Stops a route the first search's fleet must average for a second search of half the
    /// budget: on days of long routes (Solomon's R2, RC2 and C2, 25–50 stops a route) it paid, on
    /// days of short ones (R1, RC1 and C1, 5–11) it did not; those probe instead
    /// (``probeShare``, see ``RoutingProblem/searchTwice(_:seed:deadline:)``).
    var stopsPerRoute = RoutingProblem.longRouteStops
    /// The largest share of the budget route elimination may have taken: it leaves the first
    /// search a walk of its own.
    var eliminationShare = 0.25
    /// On days of shorter routes, the share of the budget the first search keeps: its route
    /// elimination and a walk, a probe of where its plan leads (on distance-only days, a walk
    /// alone).
    var probeShare = 0.35
    /// On those days, the share of the budget a second start gets (another seed, route
    /// elimination down to the first search's fleet, then a walk); the rest walks on from the
    /// better of the two (``RoutingProblem/probeAndWalkOn(_:_:seed:began:deadline:)``).
    var secondProbeShare = 0.2

    /// How a search of `stops` stops whose route elimination took `eliminationShare` of its
    /// budget, took `done` steps and left `routes` routes, and whose budget is worth `steps`
    /// steps, hands over: the share of the budget it keeps, and whether it is a probe (days of
    /// short routes); `nil` when it searches alone (a search whose elimination took no step has
    /// no pace to project).
    func handover(steps: Double, of done: Double, eliminationShare: Double, routes: Int, stops: Int) -> (share: Double, probe: Bool)? {
        guard done > 0, eliminationShare <= self.eliminationShare, steps / 2 >= stepsPerStop * Double(stops) else { return nil }
        if Double(stops) >= stopsPerRoute * Double(max(routes, 1)) { return (0.5, false) }
        return eliminationShare < probeShare ? (probeShare, true) : nil
    }
}

extension RoutingProblem {
    /// Whether a search on this day may hand part of its budget to further searches: days of up
    /// to 300 stops without shipments where couriers cost something (route elimination decides
    /// the fleet), or where only distance counts (``onlyDistanceCounts``: they probe). Days with
    /// shipments, larger days, outlet days and replans (which start from kept routes) search
    /// once: not measured.
    var allowsSecondSearch: Bool { (objective.perCourier > 0 || onlyDistanceCounts) && stopCount <= 300 && !hasShipments }

    /// Whether the walk's cost is the distance alone: no courier, minute, fairness, territory or
    /// lateness price and no reloads (the literature's distance-only days, whose windows are
    /// hard; an outlet day prices its minutes and its promises). Such a day has no route
    /// elimination, so its search probes from the start: 35 % of the budget walks, a second
    /// start with another seed walks 20 %, and the rest walks on from the cheaper of the two, its
    /// cooling going on from where the budget is (``probeAndWalkOn(_:_:seed:began:deadline:)``).
    ///
    /// Measured on Solomon's distance-only eight (C101 C201 R101 R201 RC101 RC201 R112 RC208) at
    /// 1 s, seeds 1–12, one worker, each pair of runs at once, mean gap over a run's 96 plans: an
    /// experiment build, three pairs, +0.149 %, +0.131 %, +0.150 % against +0.209 %, +0.225 %,
    /// +0.143 % (−0.049 points a plan, standard error 0.027; R112 −0.08, RC101 −0.20); the
    /// commit, two pairs, +0.092 % and +0.138 % against +0.196 % and +0.243 % (−0.104, standard
    /// error 0.032). Walking on from a hot start instead (the second search's cooling from the
    /// top): R112 alone, seeds 1–12, +1.12 % against +1.18 %; a 25 % / 15 % probe, or a walk on
    /// from 70 % of the cooling: +0.160 % and +0.172 % over the eight, inside the spread. On days
    /// of short routes the walk on keeps its hot start (continued, R1 and RC1 at 10 s, seeds 1–3:
    /// +0.390 % against +0.355 %).
    var onlyDistanceCounts: Bool {
        objective.perCourier == 0 && objective.perMinute == 0 && objective.perSquaredWorkingMinute == 0
            && objective.offTerritory == 0 && objective.latenessPerMinute == 0 && objective.perBrokenPromise == 0 && !allowsReloads
    }

    /// One search, or where the budget allows (``SecondSearchRule``) two:
    /// the first searches until halfway, its route elimination as long as a single search's;
    /// the second, with another seed, eliminates routes only down to the first one's fleet and
    /// spends the rest on distance. The cheaper result is kept, with the routes both met.
    ///
    /// At 10 s a Solomon instance's route count is settled in about a second and the rest of the
    /// walk ends in one valley of many (the better of two independent 5 s runs averaged +0.55 %
    /// where the BKS vehicle count is reached, one 10 s run +0.77 %); two whole searches of half
    /// the budget each lost vehicle counts (each eliminates routes for half as long), which the
    /// second search's fleet target avoids. Measured, one worker, both arms at once (one per
    /// core), two searches on every day against one, mean gap where the BKS vehicle count is
    /// reached: Solomon-56 at 10 s, seeds 1–3, +0.80 % → +0.71 % (165 of 168 runs reached either
    /// way), seeds 4–6, +0.70 % → +0.63 % (163 either way); the gain is on days of long routes
    /// (R2, RC2 and C2: +1.06 % → +0.79 % and +1.06 % → +0.88 %), while days of short routes lost
    /// (R1, RC1 and C1: +0.55 % → +0.64 % and +0.35 % → +0.38 %), hence
    /// ``SecondSearchRule/stopsPerRoute``: on those paired runs it stands for +0.66 % and +0.61 %.
    /// At 5 s, seeds 1–2, +1.46 % → +1.26 % (107 of 112 either way). At 1 s it does not run;
    /// forced there, it measured worse (145 of 168 runs at the BKS vehicle count against 146,
    /// +2.18 % against +1.83 %). Three searches of a third each instead of two (10 s, seeds 1–3,
    /// paired): +0.74 % against +0.78 %, 39 runs better and 44 worse: not kept.
    ///
    /// On days of short routes, and on days where only distance counts, the first search is a
    /// probe instead (``probeAndWalkOn(_:_:seed:began:deadline:)``).
    func searchTwice(_ options: SearchOptions, seed: UInt64, deadline: ContinuousClock.Instant) -> SearchResult {
        var first = options
        first.mayHandOver = allowsSecondSearch
        let clock = ContinuousClock()
        let began = clock.now
        let one = search(first, seed: seed, deadline: deadline)
        guard one.handedOver else { return one }
        let now = clock.now
        if one.probed { return probeAndWalkOn(options, one, seed: seed, began: began, deadline: deadline) }
        let second = options.followUp(fleet: one.state.usedRoutes, steps: (options.iterations ?? 0) - one.iterations,
                                      seconds: now.duration(to: deadline).inSeconds)
        let two = search(second, seed: seed &+ 0x5EC0_2D5E_A2C8_0001, deadline: deadline)
        return SearchResult.cheapest(one, two)
    }
}

extension SearchOptions {
    /// The options of a search that follows others in one budget (a second search, a second
    /// start, the walk on from the better start): it hands over to none, eliminates routes only
    /// down to `fleet`, and gets `steps` ruin-and-recreate steps when the run is reproducible
    /// (an iteration limit), else `seconds` seconds; a negative share counts as none.
    func followUp(fleet: Int, steps: Int, seconds: Double) -> SearchOptions {
        var next = self
        next.mayHandOver = false
        next.fleetTarget = fleet
        if iterations != nil {
            next.iterations = max(steps, 0)
        } else {
            next.seconds = max(seconds, 0)
        }
        return next
    }
}

extension SearchResult {
    /// The cheapest of searches that shared one budget, one after another (a later one is kept
    /// only where it is cheaper by more than 1e-9), with the routes all of them met, their steps,
    /// polishes and route-elimination steps summed, and the first one's time to a first plan.
    static func cheapest(_ first: SearchResult, _ later: SearchResult...) -> SearchResult {
        let searches = [first] + later
        var kept = first
        for s in later where s.cost < kept.cost - 1e-9 { kept = s }
        kept.pool = searches.flatMap(\.pool)
        kept.iterations = searches.reduce(0) { $0 + $1.iterations }
        kept.firstSolutionSeconds = first.firstSolutionSeconds
        kept.loopPolishes = searches.reduce(0) { $0 + $1.loopPolishes }
        kept.eliminationSteps = searches.reduce(0) { $0 + $1.eliminationSteps }
        kept.handedOver = true
        return kept
    }
}

extension RoutingProblem {
    /// After a first search that probed (its route elimination and a walk, ``SecondSearchRule/probeShare``
    /// of the budget), a second start with another seed (``SecondSearchRule/secondProbeShare``,
    /// eliminating routes down to the first one's fleet, then walking), and the rest of the budget
    /// walking on from the cheaper of the two (a warm start at its fleet). The cheapest of the
    /// three is kept, with the routes all three met.
    ///
    /// On days of short routes (Solomon's R1 and RC1) a run's gap at 10 s is decided by the plan
    /// route elimination hands to the walk: R109 at 280,000 steps ends at 1,197.42 on four seeds
    /// of six and at 1,236–1,246 on the other two, and reseeding the walk, hotter or cooler walks
    /// keep each run in its valley; a short walk already ranks the starts (a tenth of R109's walk:
    /// 1,202 / 1,243 / 1,251 / 1,263 for walks that ended at 1,197 / 1,197 / 1,236 / 1,246). A
    /// second search of half the budget lost there (each start walked half as long).
    /// Measured at 10 s, one worker, both arms at once (one per core), against searching once,
    /// mean gap where the BKS vehicle count is reached (docs/benchmarks.md): Solomon-56, seeds
    /// 1–3, 166 runs of 168 either way, +0.707 % → +0.529 % (46 runs better, 29 worse; R1
    /// +1.088 % → +0.603 %, RC1 +0.619 % → +0.395 %).
    ///
    /// Days where only distance counts (``onlyDistanceCounts``) probe too, from the first step:
    /// they have no route elimination, the first search's walk is its probe, and the walk on
    /// goes on cooling from the share of the budget already spent.
    func probeAndWalkOn(_ options: SearchOptions, _ one: SearchResult, seed: UInt64, began: ContinuousClock.Instant,
                        deadline: ContinuousClock.Instant) -> SearchResult {
        let clock = ContinuousClock()
        let secondShare = options.secondSearchRule.secondProbeShare
        let whole = began.duration(to: deadline).inSeconds
        let second = options.followUp(fleet: one.state.usedRoutes, steps: Int(Double(options.iterations ?? 0) * secondShare),
                                      seconds: whole * secondShare)
        let secondDeadline = options.isReproducible ? deadline
            : min(deadline, clock.now.advanced(by: .milliseconds(Int(whole * secondShare * 1000))))
        let two = search(second, seed: seed &+ 0x5EC0_2D5E_A2C8_0001, deadline: secondDeadline)
        let start = two.cost < one.cost - 1e-9 ? two : one
        var third = options.followUp(fleet: start.state.usedRoutes, steps: (options.iterations ?? 0) - one.iterations - two.iterations,
                                     seconds: clock.now.duration(to: deadline).inSeconds)
        if onlyDistanceCounts {
            // No route elimination comes first: the walk on continues the budget's cooling.
            third.coolingDone = options.isReproducible
                ? Double(one.iterations + two.iterations) / Double(max(options.iterations ?? 0, 1))
                : began.duration(to: clock.now).inSeconds / max(whole, 1e-9)
        }
        let three = search(third, seed: seed &+ 0x7A3B_11C4_9D2E_0003, deadline: deadline, initial: start.state.routes.map(\.stops))
        return SearchResult.cheapest(one, two, three)
    }
}
