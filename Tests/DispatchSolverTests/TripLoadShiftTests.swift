import Testing
@testable import DispatchModel
@testable import DispatchSolver

/// `Route.shiftTripLoads`: after an edit of one trip without a reload or a shipment's stop, the
/// trip's loads move by the edit's change instead of being summed afresh from its parcels.
@Suite struct TripLoadShiftTests {
    /// Whether two caches agree to `tolerance`, entry by entry.
    static func agree(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    /// On outlet days of parcels of fractional weight and volume (where a shifted load and a
    /// fresh sum may round apart), with reloads and without, with shipments and without: after
    /// every random edit the loads, pickups and load maxima agree with those of a route built
    /// afresh to 1e-9, every other cache and total exactly; and most edits of a feasible route
    /// are ones the shift serves.
    @Test func shiftedLoadsAgreeWithAFreshRoute() {
        var random = SplitMix64(seed: 31)
        var edits = 0, shifted = 0
        for seed in 0..<UInt64(8) {
            var scenario = RandomScenario.make(seed: 800 + seed, stops: 40, couriers: 2, shipments: seed % 2 == 0)
            for i in scenario.stops.indices {
                scenario.stops[i].weightKg = Double(1 + random.below(63)) / 10
                scenario.stops[i].volumeLitres = scenario.stops[i].weightKg * 2.7
            }
            if seed % 4 >= 2 { scenario.outlet.reloadMinutes = nil }
            let problem = ProblemBuilder(scenario: scenario, objective: .outlet).problem
            #expect(!problem.hasReleases && problem.hasPromises)
            var state = SearchState(problem)
            var rng = SplitMix64(seed: seed)
            problem.regretConstruct(into: &state, rng: &rng)
            if problem.allowsReloads {
                for r in state.routes.indices where state.routes[r].stops.count >= 6 {
                    var stops = state.routes[r].stops
                    stops.insert(problem.outletNode, at: 1 + rng.below(stops.count - 1))
                    state.assign(r, stops: stops, problem)
                }
            }
            for start in state.routes where start.stops.count >= 3 {
                var route = start
                for step in 0..<40 {
                    let before = route.stops, vehicle = route.vehicle, resumable = route.feasible && route.complete
                    RouteTests.randomEdit(&route, problem, reloads: problem.allowsReloads, &random)
                    route.update(problem)
                    edits += 1
                    // The edit as the update sees it: the stretch between the common prefix and suffix.
                    let n = route.stops.count, m = before.count
                    var prefix = 0, suffix = 0
                    while prefix < min(n, m), route.stops[prefix] == before[prefix] { prefix += 1 }
                    while suffix < min(n, m) - prefix, route.stops[n - 1 - suffix] == before[m - 1 - suffix] { suffix += 1 }
                    if resumable, route.vehicle == vehicle, n > 0, prefix < n || n != m,
                       Route.LoadChange(from: before[prefix..<(m - suffix)], to: route.stops[prefix..<(n - suffix)], problem) != nil {
                        shifted += 1
                    }

                    var fresh = Route(vehicle: route.vehicle)
                    fresh.stops = route.stops
                    fresh.update(problem)
                    let context = "seed \(seed), edit \(step)"
                    #expect(Self.agree(route.loadKg, fresh.loadKg) && Self.agree(route.loadLitres, fresh.loadLitres), "\(context)")
                    #expect(Self.agree(route.prefixMaxKg, fresh.prefixMaxKg) && Self.agree(route.suffixMaxKg, fresh.suffixMaxKg)
                            && Self.agree(route.prefixMaxLitres, fresh.prefixMaxLitres)
                            && Self.agree(route.suffixMaxLitres, fresh.suffixMaxLitres), "\(context)")
                    #expect(route.arrival == fresh.arrival && route.start == fresh.start && route.departure == fresh.departure
                            && route.latestArrival == fresh.latestArrival, "\(context)")
                    if problem.tracksTrips {
                        #expect(Self.agree(route.pickedKg, fresh.pickedKg) && Self.agree(route.pickedLitres, fresh.pickedLitres)
                                && route.openShipments == fresh.openShipments, "\(context)")
                        #expect(route.tripDeparture == fresh.tripDeparture && route.tripRelease == fresh.tripRelease
                                && route.tripSlack == fresh.tripSlack, "\(context)")
                    }
                    #expect(route.distance == fresh.distance && route.duration == fresh.duration && route.lateness == fresh.lateness
                            && route.feasible == fresh.feasible && route.complete == fresh.complete
                            && route.promisesFrom == fresh.promisesFrom && route.promiseRoom == fresh.promiseRoom, "\(context)")
                    if !route.feasible, random.chance(0.5) { route = start }
                }
            }
        }
        #expect(edits >= 400 && shifted >= 150, "\(edits) edits, \(shifted) served by the shift")
    }

    /// After ``Route/loadShiftsBetweenSums`` shifts, the next update that could shift sums every
    /// trip's loads afresh instead: they then equal a fresh route's bit for bit, so the
    /// shifts' rounding never adds up (fractional weights; a stop moved within its trip, again
    /// and again, on a day with reloads and on one without).
    @Test func loadsAreSummedAfreshEverySoManyShifts() {
        var random = SplitMix64(seed: 37)
        var resums = 0, differedBefore = 0
        for seed in 0..<UInt64(4) {
            var scenario = RandomScenario.make(seed: 850 + seed, stops: 30, couriers: 2, shipments: false)
            for i in scenario.stops.indices {
                scenario.stops[i].weightKg = Double(1 + random.below(63)) / 10
                scenario.stops[i].volumeLitres = scenario.stops[i].weightKg * 2.7
            }
            if seed % 2 == 0 { scenario.outlet.reloadMinutes = nil }
            let problem = ProblemBuilder(scenario: scenario, objective: .outlet).problem
            var state = SearchState(problem)
            var rng = SplitMix64(seed: seed)
            problem.regretConstruct(into: &state, rng: &rng)
            for start in state.routes where start.stops.count >= 4 && start.feasible {
                var route = start
                for _ in 0..<(3 * Route.loadShiftsBetweenSums) {
                    // A stop taken out and put back at once: both updates can shift.
                    let k = random.below(route.stops.count)
                    let stop = route.stops.remove(at: k)
                    route.update(problem)
                    route.stops.insert(stop, at: k)
                    let shiftsBefore = route.loadShifts
                    route.update(problem)
                    guard route.feasible else { break }
                    var fresh = Route(vehicle: route.vehicle)
                    fresh.stops = route.stops
                    fresh.update(problem)
                    let same = route.loadKg == fresh.loadKg && route.loadLitres == fresh.loadLitres
                        && route.prefixMaxKg == fresh.prefixMaxKg && route.suffixMaxKg == fresh.suffixMaxKg
                    if route.loadShifts == 0, shiftsBefore >= Route.loadShiftsBetweenSums {
                        resums += 1
                        #expect(same, "seed \(seed): summed afresh, yet not the fresh route's loads")
                    } else if !same {
                        differedBefore += 1
                    }
                    #expect(route.loadShifts <= Route.loadShiftsBetweenSums)
                }
            }
        }
        #expect(resums >= 4 && differedBefore >= 1, "\(resums) resums, \(differedBefore) shifted loads off a fresh sum")
    }
}
