import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct RouteTests {
    /// A cost-only update prices every sequence as the full one does: the routes of random days
    /// (with reloads and shipments, or literature-like), and the same stops shuffled, which
    /// breaks windows, capacities and shipment order.
    @Test(arguments: [false, true])
    func costOnlyUpdateAgreesWithTheFullOne(_ plain: Bool) {
        var random = SplitMix64(seed: 77)
        var compared = 0, infeasible = 0
        for seed in 0..<UInt64(20) {
            let (problem, state) = OperatorFixture.randomDay(seed: seed, plain: plain)
            for route in state.routes {
                for shuffle in 0..<4 {
                    var stops = route.stops
                    if shuffle > 0 { stops.shuffle(using: &random) }
                    var full = Route(vehicle: route.vehicle), costOnly = Route(vehicle: route.vehicle)
                    full.stops = stops
                    costOnly.stops = stops
                    full.update(problem)
                    costOnly.update(problem, scope: .costOnly)
                    #expect(costOnly.stops == full.stops && costOnly.feasible == full.feasible && costOnly.complete == full.complete)
                    #expect(costOnly.cost(problem) == full.cost(problem))
                    #expect(costOnly.distance == full.distance && costOnly.duration == full.duration && costOnly.lateness == full.lateness)
                    compared += 1
                    if !full.feasible { infeasible += 1 }
                }
            }
        }
        #expect(compared >= 100 && infeasible >= 20, "\(compared) compared, \(infeasible) infeasible")
    }
}
