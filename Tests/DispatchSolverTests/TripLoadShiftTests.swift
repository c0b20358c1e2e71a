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
}
