import DispatchModel

/// Routes the search starts from instead of building a first plan from scratch (a replan's kept
/// routes, VROOM's and PyVRP's warm start): each courier's trips as stop ids in order.
///
/// The first plan is these routes, each cut back to its longest feasible prefix-by-prefix
/// subsequence (a stop that no longer fits is left out), with every other stop inserted at its
/// cheapest place; ruin-and-recreate then improves it as usual. Ids the scenario does not route
/// are ignored.
///
/// ```swift
/// let start = InitialSolution(trips: ["c01": [["p1", "p2"], ["p7"]]], keepsCouriers: true)
/// RoutePlanner.plan(scenario, options: SearchOptions(iterations: 200, initialSolution: start))
/// ```
public struct InitialSolution: Sendable, Equatable {
    /// Each courier's trips (stop ids in order), by courier id.
    public var trips: [String: [[String]]]
    /// Whether each stop counts the courier it has here as its own: moving it to another costs the
    /// objective's `offTerritory` weight (a replan's stability), instead of the territory owner's.
    public var keepsCouriers: Bool

    /// An initial solution.
    public init(trips: [String: [[String]]], keepsCouriers: Bool = false) {
        self.trips = trips
        self.keepsCouriers = keepsCouriers
    }

    /// Stop id → courier id, when ``keepsCouriers``.
    var preferredCouriers: [String: String] {
        guard keepsCouriers else { return [:] }
        var owner: [String: String] = [:]
        for (courier, trips) in trips { for trip in trips { for id in trip { owner[id] = courier } } }
        return owner
    }
}

extension ProblemBuilder {
    /// The initial solution as one node sequence per vehicle (stops and reloads at the outlet).
    func vehicleSequences(_ initial: InitialSolution, scenario: Scenario) -> [[Int]] {
        var problemIndex: [String: Int] = [:]
        for (k, i) in stopIndex.enumerated() { problemIndex[scenario.stops[i].id] = k }
        return scenario.couriers.map { courier in
            var sequence: [Int] = []
            for trip in initial.trips[courier.id] ?? [] {
                let stops = trip.compactMap { problemIndex[$0] }
                guard !stops.isEmpty else { continue }
                if !sequence.isEmpty, problem.allowsReloads { sequence.append(problem.outletNode) }
                sequence += stops
            }
            return sequence
        }
    }
}

extension RoutingProblem {
    /// Seeds `state` with the given routes (one node sequence per vehicle), keeping each stop only
    /// where the route stays feasible, then inserts every stop left over.
    func warmStart(_ sequences: [[Int]], into state: inout SearchState, rng: inout SplitMix64) {
        var placed = [Bool](repeating: false, count: stopCount)
        for (v, sequence) in sequences.enumerated() where v < state.routes.count && !sequence.isEmpty {
            // Shipment halves come as pairs or not at all; a stop is placed once (a stop given
            // twice, to one courier or two, the first time).
            var given = Set<Int>()
            let usable = sequence.filter { n in
                if isReload(n) { return true }
                guard !placed[n], canServe(v, n), given.insert(n).inserted else { return false }
                return partner[n] < 0 || sequence.contains(partner[n])
            }
            var route = Route(vehicle: v)
            route.stops = usable
            route.update(self)
            if !(route.feasible && route.complete) {
                // Keep the longest prefix-by-prefix feasible subsequence, in the given order
                // (partners travel together: a delivery goes where it was given, not after the
                // stops kept so far).
                func marked(_ flags: [Bool]) -> [Int] { usable.indices.filter { flags[$0] }.map { usable[$0] } }
                var evaluator = SequenceEvaluator(self)
                var keeps = [Bool](repeating: false, count: usable.count)
                for (i, n) in usable.enumerated() where isReload(n) || partner[n] < 0 || isShipmentPickup[n] {
                    var trial = keeps
                    trial[i] = true
                    if !isReload(n), partner[n] >= 0, let k = usable.firstIndex(of: partner[n]) { trial[k] = true }
                    if evaluator.cost(marked(trial), vehicle: v, self) != nil { keeps = trial }
                }
                route.stops = marked(keeps)
            }
            route.dropIdleReloads(self)
            for n in route.stops where !isReload(n) { placed[n] = true }
            state.assign(v, stops: route.stops, self)
        }
        let rest = (0..<stopCount).filter { state.routeOf[$0] < 0 }
        recreate(recreateOrder(rest, rng: &rng), into: &state, rng: &rng, blinkRate: 0)
    }
}
