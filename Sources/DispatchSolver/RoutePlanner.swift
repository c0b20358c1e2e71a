import DispatchModel
import DispatchPlan
import Dispatch
import Foundation

/// Plans a scenario: builds the problem, runs the search (two independent workers by default),
/// improves the result by set partitioning over the routes seen, and returns a ``Plan``.
///
/// ```swift
/// let plan = RoutePlanner.plan(scenario, objective: .outlet, options: SearchOptions(seconds: 5, seed: 7))
/// ```
public enum RoutePlanner {
    /// Plans `scenario`. With an iteration limit and a seed the plan is the same on every run.
    public static func plan(_ scenario: Scenario, objective: Objective = .outlet, options: SearchOptions = SearchOptions(),
                            setPartitioning: Bool = true) -> Plan {
        let clock = ContinuousClock()
        let began = options.startedAt ?? clock.now
        let end = began.advanced(by: .milliseconds(Int(options.seconds * 1000)))
        let builder = ProblemBuilder(scenario: scenario, objective: objective,
                                     preferredCourier: options.initialSolution?.preferredCouriers ?? [:])
        let problem = builder.problem
        let partitioning = setPartitioning && SetPartitioning.pays(for: problem)
        let initial = options.initialSolution.map { builder.vehicleSequences($0, scenario: scenario) }
        // The search stops early enough for set partitioning (5 % of the budget, at most 2 s), the
        // plan and its check to fit the budget. It had 10 %: the A/B of docs/benchmarks.md found
        // that time better spent searching (Solomon-56 at 10 s, homberger400 at 30 s, seeds 1–3).
        let deadline = began.advanced(by: .milliseconds(Int(options.seconds * 1000 * (partitioning ? 0.92 : 0.97))))
        var searchOptions = options
        searchOptions.partitionsDuringSearch = partitioning && problem.partitionsDuringSearch
        let workerOptions = searchOptions
        let workers = max(1, options.workers)
        let results = ResultSlots(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let seed = options.seed &+ UInt64(w) &* 0x9E37_79B9_7F4A_7C15
            // A replan starts from its kept routes and searches once.
            results.set(w, initial == nil ? problem.searchTwice(workerOptions, seed: seed, deadline: deadline)
                                          : problem.search(workerOptions, seed: seed, deadline: deadline, initial: initial))
        }
        let all = results.values
        guard var best = all.min(by: { $0.cost < $1.cost }) else {
            return Plan(name: scenario.name, routes: [], unassigned: [], cost: 0, statistics: [:])
        }
        var statistics: [String: Double] = [
            "iterations": Double(all.reduce(0) { $0 + $1.iterations }),
            "firstSolutionSeconds": all.map(\.firstSolutionSeconds).min() ?? 0,
            "heuristicCost": best.cost,
        ]
        let twice = all.filter(\.handedOver).count
        if twice > 0 { statistics["secondSearches"] = Double(twice) }
        if setPartitioning, !partitioning { statistics["setPartitioningSkipped"] = 1 }
        if best.partitionGain > 0 { statistics["setPartitioningGain"] = best.partitionGain }
        if partitioning, problem.stopCount > 0 {
            let pool = Array(Set(all.flatMap(\.pool))).sorted { a, b in
                if a.vehicleClass != b.vehicleClass { return a.vehicleClass < b.vehicleClass }
                if a.cost != b.cost { return a.cost < b.cost }
                return a.stops.lexicographicallyPrecedes(b.stops)
            }
            let spStart = clock.now
            // A reproducible run adopts only a proven optimum: an incumbent cut off by the clock
            // would depend on the machine's speed.
            if let (state, cost) = problem.partition(pool, incumbent: best.state, incumbentCost: best.cost,
                                                     timeLimitSeconds: max(0.05, min(options.seconds * 0.05, 2, clock.now.duration(to: end).inSeconds - options.seconds * 0.03)),
                                                     requireOptimal: options.isReproducible) {
                statistics["setPartitioningGain", default: 0] += best.cost - cost
                best.state = state
                best.cost = cost
            }
            statistics["setPartitioningSeconds"] = spStart.duration(to: clock.now).inSeconds
            statistics["poolSize"] = Double(pool.count)
        }
        statistics["seconds"] = began.duration(to: clock.now).inSeconds
        return makePlan(best.state, cost: best.cost, problem: problem, builder: builder, scenario: scenario, statistics: statistics)
    }

    static func makePlan(_ state: SearchState, cost: Double, problem: RoutingProblem, builder: ProblemBuilder,
                         scenario: Scenario, statistics: [String: Double]) -> Plan {
        var routes: [Plan.CourierRoute] = []
        for route in state.routes where !route.isEmpty {
            let vehicle = problem.vehicles[route.vehicle]
            var trips: [Plan.Trip] = []
            var visits: [Plan.Visit] = []
            var tripDeparture = route.firstDeparture
            var origin = vehicle.startNode
            var tripFirstArc = 0
            func closeTrip(returning time: Double, lastArc: Int) {
                var peakKg = 0.0, peakLitres = 0.0
                for a in tripFirstArc...lastArc { peakKg = max(peakKg, route.loadKg[a]); peakLitres = max(peakLitres, route.loadLitres[a]) }
                trips.append(Plan.Trip(departure: tripDeparture, returnTime: time, stops: visits, loadKg: route.loadKg[tripFirstArc],
                                       peakKg: peakKg, peakLitres: peakLitres))
                visits = []
            }
            for (k, s) in route.stops.enumerated() {
                if problem.isReload(s) {
                    closeTrip(returning: route.arrival[k], lastArc: k)
                    tripDeparture = route.departure[k]
                    origin = s
                    tripFirstArc = k + 1
                    continue
                }
                let stop = scenario.stops[builder.stopIndex[s]]
                let start = route.start[k]
                var arrival = route.arrival[k]
                if visits.isEmpty {
                    // The courier leaves just in time for the trip's first stop.
                    tripDeparture = Route.leave(earliest: tripDeparture, origin: origin, first: s, firstStart: start, vehicle: route.vehicle, problem)
                    arrival = tripDeparture + problem.travel(origin, s, route.vehicle)
                }
                let early = stop.needsCustomerPresent ? stop.promise.map { max(0, Double($0.start) - start) } ?? 0 : 0
                visits.append(Plan.Visit(id: stop.id, arrival: arrival, start: start, departure: route.departure[k], early: early,
                                         late: stop.promise.map { max(0, start - Double($0.end)) } ?? 0, windows: stop.windows, promise: stop.promise))
            }
            closeTrip(returning: route.endTime, lastArc: route.stops.count)
            routes.append(Plan.CourierRoute(courier: scenario.couriers[vehicle.courier].id, trips: trips,
                                            distance: route.distance, shiftStart: vehicle.shiftStart,
                                            reloadMinutes: problem.reloadMinutes ?? 0))
        }
        var unassigned = builder.excluded.map { Plan.Unassigned(id: scenario.stops[$0.stop].id, reason: $0.reason.description) }
        // In the scenario's order (a large day numbers its stops along a curve, see ``HilbertOrder``).
        for s in state.unassigned.sorted(by: { builder.stopIndex[$0] < builder.stopIndex[$1] }) {
            unassigned.append(Plan.Unassigned(id: scenario.stops[builder.stopIndex[s]].id,
                                              reason: unassignedReason(s, problem).description))
        }
        return Plan(name: scenario.name, routes: routes, unassigned: unassigned, cost: cost, statistics: statistics)
    }

    /// Why a stop the search could not place stays out: alone on an empty route it either fits
    /// (so the day is simply full) or it does not (its window cannot be reached in any shift).
    static func unassignedReason(_ s: Int, _ p: RoutingProblem) -> UnassignedReason {
        for v in p.vehicles.indices where p.canServe(v, s) {
            var alone = Route(vehicle: v)
            alone.update(p)
            if p.partner[s] >= 0 {
                if p.pairInsertion(p.isShipmentPickup[s] ? s : p.partner[s], p.isShipmentPickup[s] ? p.partner[s] : s, into: alone) != nil {
                    return .noCapacityLeft
                }
            } else if p.insertionCost(s, into: alone, at: 0) != nil {
                return .noCapacityLeft
            } else if p.release[s] > p.vehicles[v].shiftStart, p.serviceStart(s, arrival: p.release[s]) == nil {
                return .arrivesTooLate
            }
        }
        return .unreachableInWindow
    }
}

/// Thread-safe slots for the workers' results.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SearchResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: SearchResult) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    var values: [SearchResult] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
