import Foundation

extension RoutingProblem {
    /// Ruin-and-recreate steps a stop each of two searches must be able to take before a search
    /// hands half its budget to a second one (``searchTwice(_:seed:deadline:)``): Solomon at
    /// 10 s takes about 2,400 steps a stop in a run, at 1 s about 220, Li & Lim 200 at 10 s
    /// about 175; the split measured worse at 1 s.
    static let secondSearchStepsPerStop = 500.0

    /// Whether a search on this day may hand half its budget to a second search: days of up to
    /// 300 stops without shipments where couriers cost something (route elimination decides the
    /// fleet). Days with shipments, larger days and replans (which start from kept routes) search
    /// once: not measured.
    var allowsSecondSearch: Bool { objective.perCourier > 0 && stopCount <= 300 && !hasShipments }

    /// Whether a search whose route elimination took `eliminationShare` of its budget and whose
    /// budget is worth `steps` ruin-and-recreate steps (`done` of them taken) ends halfway and
    /// hands the rest to a second search: when each half is worth
    /// ``secondSearchStepsPerStop`` steps a stop and elimination ended in the first quarter
    /// (it leaves the first search a walk of its own).
    func handsOver(steps: Double, of done: Double, eliminationShare: Double, _ options: SearchOptions) -> Bool {
        let perStop = options.secondSearchStepsPerStop ?? Self.secondSearchStepsPerStop
        return done > 0 && eliminationShare <= 0.25 && steps / 2 >= perStop * Double(stopCount)
    }

    /// One search, or where the budget allows (``handsOver(steps:of:eliminationShare:_:)``) two:
    /// the first searches until halfway, its route elimination as long as a single search's;
    /// the second, with another seed, eliminates routes only down to the first one's fleet and
    /// spends the rest on distance. The cheaper result is kept, with the routes both met.
    ///
    /// At 10 s a Solomon instance's route count is settled in about a second and the rest of the
    /// walk ends in one valley of many (the better of two independent 5 s runs averaged +0.55 %
    /// where the BKS vehicle count is reached, one 10 s run +0.77 %); two whole searches of half
    /// the budget each lost vehicle counts (each eliminates routes for half as long), which the
    /// second search's fleet target avoids. Measured, one worker, both arms at once (one per
    /// core), against one search: Solomon-56 at 10 s, seeds 1–3, 165 of 168 runs at the BKS
    /// vehicle count either way, +0.80 % → +0.71 % mean gap where reached (48 runs better, 34
    /// worse; R2 +1.40 → +1.07 %, RC2 +1.64 → +1.18 %, R1 +1.03 → +1.21 %); at 5 s, seeds 1–2,
    /// 107 of 112 either way, +1.46 % → +1.26 % (35 better, 23 worse). At 1 s it does not run
    /// (about 110 steps a stop by halfway); forced there, it measured worse (145 of 168 runs at
    /// the BKS vehicle count against 146, +2.18 % against +1.83 %).
    func searchTwice(_ options: SearchOptions, seed: UInt64, deadline: ContinuousClock.Instant) -> SearchResult {
        var first = options
        first.mayHandOver = allowsSecondSearch
        let one = search(first, seed: seed, deadline: deadline)
        guard one.handedOver else { return one }
        let clock = ContinuousClock()
        let now = clock.now
        var second = options
        second.mayHandOver = false
        second.fleetTarget = one.state.usedRoutes
        second.startedAt = now
        if let iterations = options.iterations {
            second.iterations = max(iterations - one.iterations, 0)
        } else {
            second.seconds = max(now.duration(to: deadline).inSeconds, 0)
        }
        let two = search(second, seed: seed &+ 0x5EC0_2D5E_A2C8_0001, deadline: deadline)
        var kept = two.cost < one.cost - 1e-9 ? two : one
        kept.pool = one.pool + two.pool
        kept.iterations = one.iterations + two.iterations
        kept.firstSolutionSeconds = one.firstSolutionSeconds
        kept.loopPolishes = one.loopPolishes + two.loopPolishes
        kept.eliminationSteps = one.eliminationSteps + two.eliminationSteps
        kept.handedOver = true
        return kept
    }
}
