import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct TripRelocateMoveTests {
    /// Every candidate of the move: each trip of each route `a` (its stops, and the route without
    /// it), each other courier `b` who may carry it, and each place between `b`'s trips, with the
    /// sequence `b` would then ride.
    static func forEachCandidate(_ state: SearchState, _ p: RoutingProblem,
                                 _ body: (_ a: Int, _ moved: [Int], _ rest: [Int], _ b: Int, _ place: Int, _ candidate: [Int]) -> Void) {
        for a in state.routes.indices where !state.routes[a].isEmpty {
            let stops = state.routes[a].stops
            var first = 0
            for k in 0...stops.count where k == stops.count || p.isReload(stops[k]) {
                defer { first = k + 1 }
                guard k > first else { continue }
                let moved = Array(stops[first..<k])
                guard moved.allSatisfy({ p.partner[$0] < 0 || moved.contains(p.partner[$0]) }) else { continue }
                let rest = Array(stops[..<first]) + Array(stops[k...])
                for b in state.routes.indices where b != a && moved.allSatisfy({ p.canServe(state.routes[b].vehicle, $0) }) {
                    let target = state.routes[b].stops
                    var places = [0]
                    for j in target.indices where p.isReload(target[j]) { places.append(j + 1) }
                    if !target.isEmpty { places.append(target.count) }
                    for place in places {
                        var candidate = Array(target[..<place])
                        if let last = candidate.last, !p.isReload(last) { candidate.append(p.outletNode) }
                        candidate += moved
                        if place < target.count { candidate.append(p.outletNode) }
                        candidate += target[place...]
                        body(a, moved, rest, b, place, candidate)
                    }
                }
            }
        }
    }

    /// The best gain over every candidate, each scheduled from scratch: what `relocateTrip`
    /// must find.
    static func bestGain(_ state: SearchState, _ p: RoutingProblem) -> Double {
        var best = 1e-7
        forEachCandidate(state, p) { a, _, rest, b, _, candidate in
            let restCost: Double
            if rest.allSatisfy(p.isReload) {
                restCost = 0
            } else {
                guard let cost = OperatorFixture.referenceCost(rest, vehicle: state.routes[a].vehicle, p)?.cost else { return }
                restCost = cost
            }
            guard let cost = OperatorFixture.referenceCost(candidate, vehicle: state.routes[b].vehicle, p)?.cost else { return }
            best = max(best, state.routes[a].cost(p) + state.routes[b].cost(p) - restCost - cost)
        }
        return best
    }

    /// The screen that skips a candidate unscheduled (`tripSurelyBreaks`) only skips candidates
    /// that are infeasible when scheduled from scratch, and skips some: on random days with trips
    /// and parcels released during the day.
    @Test func theScreenOnlySkipsInfeasibleCandidates() {
        var skipped = 0, feasible = 0
        for seed in stride(from: UInt64(1), to: 40, by: 2) {
            let (problem, state) = OperatorFixture.randomDay(seed: seed)
            Self.forEachCandidate(state, problem) { _, moved, _, b, place, candidate in
                let scheduled = OperatorFixture.referenceCost(candidate, vehicle: state.routes[b].vehicle, problem)
                if problem.tripSurelyBreaks(moved, problem.tripLoad(moved), into: state.routes[b], at: place) {
                    #expect(scheduled == nil, "seed \(seed): a feasible trip at place \(place) of route \(b) was skipped")
                    skipped += 1
                } else if scheduled != nil {
                    feasible += 1
                }
            }
        }
        #expect(skipped >= 150 && feasible >= 150, "\(skipped) skipped, \(feasible) feasible")
    }

    /// On random days with trips, the move `relocateTrip` applies gains exactly the best gain a
    /// search of every candidate finds: the lower bounds it skips candidates by never hide the
    /// best one. It finds one on some days and rightly none on others.
    @Test func theBoundsNeverHideTheBestMove() {
        var moved = 0, unmoved = 0
        for seed in stride(from: UInt64(1), to: 40, by: 2) {
            let (problem, day) = OperatorFixture.randomDay(seed: seed)
            let expected = Self.bestGain(day, problem)
            var state = day
            var evaluator = SequenceEvaluator(problem)
            let before = state.cost(problem)
            if problem.relocateTrip(&state, evaluator: &evaluator) {
                #expect(abs(before - state.cost(problem) - expected) < 1e-6, "seed \(seed): gained \(before - state.cost(problem)), best \(expected)")
                moved += 1
            } else {
                #expect(expected <= 1e-7, "seed \(seed): a move gaining \(expected) was missed")
                unmoved += 1
            }
        }
        #expect(moved >= 3 && unmoved >= 1, "\(moved) days moved a trip, \(unmoved) did not")
    }
}
