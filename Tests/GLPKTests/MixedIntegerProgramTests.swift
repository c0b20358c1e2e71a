import Testing
@testable import GLPK

@Suite struct MixedIntegerProgramTests {
    @Test func smallKnapsackIsSolvedOptimally() throws {
        // max 5a + 4b + 3c  s.t. 2a + 3b + c <= 5, 4a + b + 2c <= 11, 3a + 4b + 2c <= 8 (binary)
        var mip = MixedIntegerProgram(sense: .maximize)
        let a = mip.addBinary(objective: 5), b = mip.addBinary(objective: 4), c = mip.addBinary(objective: 3)
        mip.addConstraint([(a, 2), (b, 3), (c, 1)], upper: 5)
        mip.addConstraint([(a, 4), (b, 1), (c, 2)], upper: 11)
        mip.addConstraint([(a, 3), (b, 4), (c, 2)], upper: 8)
        let solution = try mip.solve(timeLimitSeconds: 2)
        #expect(solution.status == .optimal)
        #expect(solution.objective == 9)  // a + b: weights 5, 5, 7 fit; a + b + c does not
        #expect(solution[a] == 1 && solution[b] == 1 && solution[c] == 0)
    }

    @Test func setPartitioningPicksCheapestCover() throws {
        // Items 0..2; columns cover {0,1} cost 3, {2} cost 1, {0} 1, {1,2} 1.5, {1} 2.
        let columns: [([Int], Double)] = [([0, 1], 3), ([2], 1), ([0], 1), ([1, 2], 1.5), ([1], 2)]
        var mip = MixedIntegerProgram()
        let vars = columns.map { mip.addBinary(objective: $0.1) }
        for item in 0..<3 {
            let terms = columns.indices.filter { columns[$0].0.contains(item) }.map { (vars[$0], 1.0) }
            mip.addConstraint(terms, lower: 1, upper: 1)
        }
        let solution = try mip.solve()
        #expect(solution.objective == 2.5)
        #expect(solution[vars[2]] == 1 && solution[vars[3]] == 1)
    }

    @Test func infeasibleModelIsReportedNotAborted() {
        var mip = MixedIntegerProgram()
        let x = mip.addBinary(objective: 1)
        mip.addConstraint([(x, 1)], lower: 2)
        #expect(throws: MIPError.infeasible) { try mip.solve() }
    }

    @Test func invalidModelsAreRejectedBeforeGLPK() {
        var duplicate = MixedIntegerProgram()
        let x = duplicate.addBinary(objective: 1)
        duplicate.addConstraint([(x, 1), (x, 2)], lower: 1)
        #expect(throws: MIPError.self) { try duplicate.solve() }

        var outOfRange = MixedIntegerProgram()
        outOfRange.addConstraint([(MixedIntegerProgram.Variable(index: 3), 1)], lower: 1)
        #expect(throws: MIPError.self) { try outOfRange.solve() }

        var emptyBounds = MixedIntegerProgram()
        emptyBounds.addVariable(objective: 1, lower: 2, upper: 1)
        #expect(throws: MIPError.self) { try emptyBounds.solve() }

        var notFinite = MixedIntegerProgram()
        notFinite.addVariable(objective: .nan)
        #expect(throws: MIPError.self) { try notFinite.solve() }
    }

    @Test func errorHookKeepsTheProcessAlive() throws {
        #expect(GLPKEnvironment.errorHookRecovers())
        // GLPK still works on this thread after the recovery freed its environment.
        var mip = MixedIntegerProgram()
        let x = mip.addVariable(objective: 1, lower: 1, upper: 4, isInteger: true)
        mip.addConstraint([(x, 1)], lower: 2.5)
        let solution = try mip.solve()
        #expect(solution[x] == 3)
    }

    @Test func timeLimitReturnsIncumbentOrSaysSo() throws {
        // A 0/1 knapsack with many near-equal items: hard enough that 5 ms rarely proves optimality.
        var mip = MixedIntegerProgram(sense: .maximize)
        var terms: [(MixedIntegerProgram.Variable, Double)] = []
        for i in 0..<60 {
            let w = Double(1000 + (i * 7919) % 97)
            terms.append((mip.addBinary(objective: w + Double(i % 3)), w))
        }
        mip.addConstraint(terms, upper: 20_500.5)
        do {
            let solution = try mip.solve(timeLimitSeconds: 0.005)
            let weight = terms.reduce(0.0) { $0 + solution[$1.0] * $1.1 }
            #expect(weight <= 20_500.5)
        } catch {
            #expect(error == .timeLimitWithoutSolution)
        }
    }

    /// A set-partitioning MIP over `items` with a pricey singleton per item (so that all
    /// singletons are a feasible, poor start) and `extra` columns of two to four items each,
    /// their items and costs spread by a fixed formula of `variant`.
    static func partitioning(items: Int, extra: Int, variant: Int) -> (MixedIntegerProgram, singletons: [MixedIntegerProgram.Variable]) {
        var columns: [([Int], Double)] = (0..<items).map { ([$0], 10) }
        for c in 0..<extra {
            let size = 2 + (c * 7 + variant) % 3
            var members: [Int] = []
            for k in 0..<size {
                let item = (c * 31 + k * 17 + variant * 13 + (c * k * 5) % 11) % items
                if !members.contains(item) { members.append(item) }
            }
            let cost = Double(5 + (c * 37 + variant * 11) % 23) * Double(members.count) / 2
            columns.append((members, cost))
        }
        var mip = MixedIntegerProgram()
        let variables = columns.map { mip.addBinary(objective: $0.1) }
        for item in 0..<items {
            let terms = columns.indices.filter { columns[$0].0.contains(item) }.map { (variables[$0], 1.0) }
            mip.addConstraint(terms, lower: 1, upper: 1)
        }
        return (mip, Array(variables.prefix(items)))
    }

    @Test(arguments: 1...6)
    func aStartLeadsToTheSameOptimum(variant: Int) throws {
        let (mip, singletons) = Self.partitioning(items: 24, extra: 90, variant: variant)
        var start = [Double](repeating: 0, count: mip.variableCount)
        for v in singletons { start[v.index] = 1 }
        let plain = try mip.solve(timeLimitSeconds: 10)
        let started = try mip.solve(timeLimitSeconds: 10, start: start)
        #expect(plain.status == .optimal && started.status == .optimal)
        #expect(abs(plain.objective - started.objective) < 1e-9)
        #expect(started.objective < 240)  // better than the start: the singletons cost 24 × 10
        #expect(!plain.startTaken)
    }

    @Test(arguments: 1...3)
    func aStartGoodEnoughForTheGapIsReturnedAsItIs(variant: Int) throws {
        // All singletons cost 240, the optimum about 100: within a relative gap of 0.9 of the
        // root's bound, so branch-and-cut stops at the start it was given.
        let (mip, singletons) = Self.partitioning(items: 24, extra: 90, variant: variant)
        var start = [Double](repeating: 0, count: mip.variableCount)
        for v in singletons { start[v.index] = 1 }
        let solution = try mip.solve(timeLimitSeconds: 10, relativeGap: 0.9, start: start)
        #expect(solution.startTaken)
        #expect(solution.values == start)
    }

    @Test func aStartIsTakenAndTheAnswerIsNeverWorse() throws {
        // The knapsack of `timeLimitReturnsIncumbentOrSaysSo`, started from a greedy packing: the
        // answer is never worse than the start, whether or not GLPK's time runs out (the limits
        // leave the LP relaxation, a few microseconds, room on a loaded machine).
        var mip = MixedIntegerProgram(sense: .maximize)
        var terms: [(MixedIntegerProgram.Variable, Double)] = []
        var start: [Double] = []
        var load = 0.0, startValue = 0.0
        for i in 0..<60 {
            let w = Double(1000 + (i * 7919) % 97), value = w + Double(i % 3)
            terms.append((mip.addBinary(objective: value), w))
            let take = load + w <= 20_000
            start.append(take ? 1 : 0)
            if take { load += w; startValue += value }
        }
        mip.addConstraint(terms, upper: 20_500.5)
        for limit in [0.02, 0.5] {
            let solution = try mip.solve(timeLimitSeconds: limit, start: start)
            #expect(solution.startTaken)
            #expect(solution.objective >= startValue - 1e-9)
            #expect(terms.reduce(0.0) { $0 + solution[$1.0] * $1.1 } <= 20_500.5)
        }
    }

    @Test func aStartThatIsNotASolutionIsRejectedBeforeGLPK() {
        let (mip, singletons) = Self.partitioning(items: 6, extra: 8, variant: 1)
        var good = [Double](repeating: 0, count: mip.variableCount)
        for v in singletons { good[v.index] = 1 }
        #expect(throws: Never.self) { try mip.validate(start: good) }
        var uncovered = good
        uncovered[singletons[2].index] = 0
        var fractional = good
        fractional[singletons[0].index] = 0.5
        var outOfBounds = good
        outOfBounds[singletons[1].index] = 2
        for bad in [uncovered, fractional, outOfBounds, Array(good.dropLast())] {
            #expect(throws: MIPError.self) { try mip.solve(start: bad) }
        }
    }
}
