import Testing
@testable import DispatchSolver

@Suite struct SetPartitioningTests {
    static func column(_ stops: [Int], _ cost: Double, vehicleClass: Int = 0) -> PooledRoute {
        PooledRoute(vehicleClass: vehicleClass, stops: stops, cost: cost)
    }

    /// Stops 0, 1, 2. Covers: {0,1}+{2} = 15, {0}+{1}+{2} = 13, {0}+{1,2} = 11 (the optimum),
    /// {0,1,2} = 12 with one route. With two vehicles 11; with one, only the single route fits.
    @Test func cheapestExactCoverWithinTheFleet() throws {
        let columns = [Self.column([0, 1], 10), Self.column([2], 5), Self.column([0], 4), Self.column([1], 4),
                       Self.column([1, 2], 7), Self.column([0, 1, 2], 12)]
        let two = try #require(SetPartitioning.solve(columns: columns, stops: [0, 1, 2], classSizes: [2], timeLimitSeconds: 5))
        #expect(two.optimal && abs(two.cost - 11) < 1e-9 && Set(two.chosen) == [2, 4])
        let one = try #require(SetPartitioning.solve(columns: columns, stops: [0, 1, 2], classSizes: [1], timeLimitSeconds: 5))
        #expect(one.optimal && abs(one.cost - 12) < 1e-9 && one.chosen == [5])
    }

    /// Each vehicle class has its own limit: the cheap routes are all of class 0, which has one
    /// vehicle, so the second route must come from class 1.
    @Test func classLimitsHoldPerClass() throws {
        let columns = [Self.column([0], 1), Self.column([1], 1), Self.column([0], 5, vehicleClass: 1), Self.column([1], 6, vehicleClass: 1)]
        let result = try #require(SetPartitioning.solve(columns: columns, stops: [0, 1], classSizes: [1, 1], timeLimitSeconds: 5))
        #expect(result.optimal && abs(result.cost - 6) < 1e-9 && Set(result.chosen) == [1, 2])
    }

    /// A stop no column covers: no answer (GLPK is not called on an infeasible model), and no
    /// cover within the fleet: no answer either.
    @Test func noCoverNoAnswer() {
        #expect(SetPartitioning.solve(columns: [Self.column([0], 1)], stops: [0, 1], classSizes: [2], timeLimitSeconds: 5) == nil)
        let columns = [Self.column([0], 1), Self.column([1], 1)]
        #expect(SetPartitioning.solve(columns: columns, stops: [0, 1], classSizes: [1], timeLimitSeconds: 5) == nil)
    }
}
