import Testing
@testable import DispatchModel
@testable import DispatchSolver

/// `SequenceEvaluator`: the exact cost of a candidate sequence, equal to a fresh route's, with
/// its scratch storage reused from one call to the next.
@Suite struct SequenceEvaluatorTests {
    @Test func costsEqualAFreshRoutesOnRandomSequencesAndScratchReuseLeavesNoTrace() {
        var feasible = 0, infeasible = 0
        for plain in [false, true] {
            for seed in UInt64(0)..<10 {
                let (p, state) = OperatorFixture.randomDay(seed: seed, plain: plain)
                var evaluator = SequenceEvaluator(p)
                var rng = SplitMix64(seed: 100 + seed)
                let all = state.routes.flatMap(\.stops)
                for route in state.routes {
                    // The route itself, then shuffled and shortened versions of all the day's
                    // stops: long and short sequences alternate through the same scratch route.
                    var candidates = [route.stops]
                    for _ in 0..<6 {
                        var stops = all
                        for i in stride(from: stops.count - 1, to: 0, by: -1) { stops.swapAt(i, rng.below(i + 1)) }
                        candidates.append(Array(stops.prefix(1 + rng.below(max(1, stops.count)))))
                    }
                    for stops in candidates {
                        let reference = OperatorFixture.referenceCost(stops, vehicle: route.vehicle, p)
                        let cost = evaluator.cost(stops, vehicle: route.vehicle, p)
                        if let reference {
                            feasible += 1
                            #expect(cost.map { abs($0 - reference.cost) < 1e-9 } == true, "seed \(seed): \(String(describing: cost)) vs \(reference.cost)")
                        } else {
                            infeasible += 1
                            #expect(cost == nil, "seed \(seed): an infeasible sequence costs \(String(describing: cost))")
                        }
                    }
                }
            }
        }
        #expect(feasible >= 40 && infeasible >= 40, "feasible \(feasible), infeasible \(infeasible)")
    }

    @Test func anEmptySequenceCostsNothingAndAStopTheCourierCannotServeIsInfeasible() {
        let (builder, cold, coolerBox) = RandomScenario.coldDay(seed: 5, stops: 6)
        let p = builder.problem
        var evaluator = SequenceEvaluator(p)
        #expect(evaluator.cost([], vehicle: 0, p) == 0)
        #expect(evaluator.cost([cold], vehicle: 1 - coolerBox, p) == nil)
        let served = evaluator.cost([cold], vehicle: coolerBox, p)
        #expect(served != nil && served == OperatorFixture.referenceCost([cold], vehicle: coolerBox, p)?.cost)
    }

    @Test func theWritingFormCostsWhatItAppends() {
        let p = OperatorFixture.planarDay([(3, 0), (3, 4), (0, 4)], couriers: 1)
        var evaluator = SequenceEvaluator(p)
        // Around the rectangle: 3 + 4 + 3 + 4 = 14 units of distance.
        let cost = evaluator.cost(vehicle: 0, p) { $0.append(contentsOf: [0, 1, 2]) }
        #expect(cost.map { abs($0 - 14 * p.objective.perDistance) < 1e-9 } == true, "\(String(describing: cost))")
        #expect(evaluator.cost(vehicle: 0, p) { _ in } == 0)
    }

    /// Candidates priced on their route's own scratch (`cost(rewriting:)`, whose arc caches are
    /// kept from that route's previous candidate) cost exactly what the shared scratch says:
    /// random edits of every route of random days (with trips, or literature-like), the routes
    /// taken in turn so that each scratch meets its route again after the others.
    @Test func eachRoutesOwnScratchPricesExactlyAsTheSharedOne() {
        var compared = 0, feasible = 0
        for plain in [false, true] {
            for seed in UInt64(0)..<8 {
                let (p, state) = OperatorFixture.randomDay(seed: seed, plain: plain)
                var own = SequenceEvaluator(p), shared = SequenceEvaluator(p)
                var rng = SplitMix64(seed: 300 + seed)
                for _ in 0..<12 {
                    for (r, route) in state.routes.enumerated() where route.stops.count >= 2 {
                        var edited = Route(vehicle: route.vehicle)
                        edited.stops = route.stops
                        RouteTests.randomEdit(&edited, p, reloads: !plain, &rng)
                        let stops = edited.stops
                        let cost = own.cost(rewriting: r, vehicle: route.vehicle, p) { $0.append(contentsOf: stops) }
                        #expect(cost == shared.cost(stops, vehicle: route.vehicle, p), "seed \(seed), route \(r)")
                        compared += 1
                        if cost != nil { feasible += 1 }
                    }
                }
            }
        }
        #expect(compared >= 300 && feasible >= 150 && compared - feasible >= 50, "\(compared) compared, \(feasible) feasible")
    }
}
