import CGLPK

/// A mixed-integer linear programme, built in Swift and validated before GLPK ever sees it.
///
/// GLPK aborts the process on invalid calls, so every index, bound and coefficient is checked
/// here first; the solve itself runs inside one guarded C call that owns the whole `glp_prob`.
///
/// ```swift
/// var mip = MixedIntegerProgram(sense: .minimize)
/// let x = mip.addVariable(objective: 3, lower: 0, upper: 1, isInteger: true)
/// let y = mip.addVariable(objective: 2, lower: 0, upper: 1, isInteger: true)
/// mip.addConstraint([(x, 1), (y, 1)], lower: 1, upper: 1)
/// let solution = try mip.solve(timeLimitSeconds: 1)
/// ```
public struct MixedIntegerProgram: Sendable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: Sendable { case minimize, maximize }

    /// A handle on a variable (a column).
    public struct Variable: Hashable, Sendable {
        /// Zero-based column index.
        public let index: Int
    }

    struct Column: Sendable {
        var objective: Double
        var lower: Double
        var upper: Double
        var isInteger: Bool
    }

    struct Row: Sendable {
        var terms: [(column: Int, coefficient: Double)]
        var lower: Double
        var upper: Double
    }

    /// The optimisation direction.
    public let sense: Sense
    var columns: [Column] = []
    var rows: [Row] = []

    /// An empty programme.
    public init(sense: Sense = .minimize) {
        self.sense = sense
    }

    /// Number of variables added so far.
    public var variableCount: Int { columns.count }
    /// Number of constraints added so far.
    public var constraintCount: Int { rows.count }

    /// Adds a variable; `lower`/`upper` may be infinite for a free side.
    @discardableResult
    public mutating func addVariable(objective: Double, lower: Double = 0, upper: Double = .infinity,
                                     isInteger: Bool = false) -> Variable {
        columns.append(Column(objective: objective, lower: lower, upper: upper, isInteger: isInteger))
        return Variable(index: columns.count - 1)
    }

    /// Adds a binary (0/1) variable.
    @discardableResult
    public mutating func addBinary(objective: Double) -> Variable {
        addVariable(objective: objective, lower: 0, upper: 1, isInteger: true)
    }

    /// Adds `lower ≤ Σ coefficient·variable ≤ upper`; either side may be infinite.
    public mutating func addConstraint(_ terms: [(Variable, Double)], lower: Double = -.infinity,
                                       upper: Double = .infinity) {
        rows.append(Row(terms: terms.map { ($0.0.index, $0.1) }, lower: lower, upper: upper))
    }

    /// Checks everything GLPK would abort on, and a few things it would silently misread.
    public func validate() throws(MIPError) {
        for (j, column) in columns.enumerated() {
            guard column.objective.isFinite else { throw .invalidModel("variable \(j): objective is not finite") }
            guard !column.lower.isNaN, !column.upper.isNaN, column.lower <= column.upper,
                  column.lower < .infinity, column.upper > -.infinity else {
                throw .invalidModel("variable \(j): bounds [\(column.lower), \(column.upper)] are empty")
            }
        }
        for (i, row) in rows.enumerated() {
            guard !row.lower.isNaN, !row.upper.isNaN, row.lower <= row.upper,
                  row.lower < .infinity, row.upper > -.infinity else {
                throw .invalidModel("constraint \(i): bounds [\(row.lower), \(row.upper)] are empty")
            }
            var seen = Set<Int>()
            for term in row.terms {
                guard term.column >= 0, term.column < columns.count else {
                    throw .invalidModel("constraint \(i): variable \(term.column) does not exist")
                }
                guard term.coefficient.isFinite else {
                    throw .invalidModel("constraint \(i): coefficient of variable \(term.column) is not finite")
                }
                guard seen.insert(term.column).inserted else {
                    throw .invalidModel("constraint \(i): variable \(term.column) appears twice")
                }
            }
        }
        guard columns.count < Int(Int32.max), rows.count < Int(Int32.max) else {
            throw .invalidModel("model too large for GLPK")
        }
    }

    /// Solves the programme with GLPK's branch-and-cut.
    ///
    /// - Parameters:
    ///   - timeLimitSeconds: wall-clock limit; on expiry the best incumbent is returned with
    ///     ``MIPSolution/Status/feasible``.
    ///   - relativeGap: stop once the incumbent is within this relative gap of the bound.
    ///   - start: a feasible value for every variable, in the order they were added, to start
    ///     from. GLPK's branch-and-cut then cuts off every node no better than it from the first
    ///     node on (it runs on the model as it is, after the LP relaxation, instead of on the
    ///     presolved model), and returns at least as good a solution, optimal when proved in time.
    /// - Throws: ``MIPError`` for an invalid model or start, an infeasible model with no
    ///   incumbent, or a GLPK error (from which the process has recovered).
    public func solve(timeLimitSeconds: Double = 10, relativeGap: Double = 0, start: [Double]? = nil) throws(MIPError) -> MIPSolution {
        try validate()
        if let start { try validate(start: start) }
        let n = columns.count
        let m = rows.count
        if n == 0 {
            return MIPSolution(status: .optimal, objective: 0, values: [])
        }
        var objective = [Double](), colInteger = [Int32](), colType = [Int32](), colLower = [Double](), colUpper = [Double]()
        objective.reserveCapacity(n)
        for column in columns {
            objective.append(column.objective)
            colInteger.append(column.isInteger ? 1 : 0)
            let (type, lo, hi) = Self.boundType(column.lower, column.upper)
            colType.append(type); colLower.append(lo); colUpper.append(hi)
        }
        var rowType = [Int32](), rowLower = [Double](), rowUpper = [Double]()
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (i, row) in rows.enumerated() {
            let (type, lo, hi) = Self.boundType(row.lower, row.upper)
            rowType.append(type); rowLower.append(lo); rowUpper.append(hi)
            for term in row.terms where term.coefficient != 0 {
                ia.append(Int32(i + 1)); ja.append(Int32(term.column + 1)); ar.append(term.coefficient)
            }
        }
        let limitMs = Int32(clamping: Int((max(timeLimitSeconds, 0.001) * 1000).rounded(.up)))
        var values = [Double](repeating: 0, count: n)
        // GLPK reads the start 1-based (element 0 unused).
        let startValues: [Double] = start.map { [0] + $0 } ?? []
        let result: dd_mip_result = startValues.withUnsafeBufferPointer { startPointer in
            objective.withUnsafeBufferPointer { obj in
                colInteger.withUnsafeBufferPointer { cInt in
                    colType.withUnsafeBufferPointer { cType in
                        colLower.withUnsafeBufferPointer { cLo in
                            colUpper.withUnsafeBufferPointer { cHi in
                                rowType.withUnsafeBufferPointer { rType in
                                    rowLower.withUnsafeBufferPointer { rLo in
                                        rowUpper.withUnsafeBufferPointer { rHi in
                                            ia.withUnsafeBufferPointer { pia in
                                                ja.withUnsafeBufferPointer { pja in
                                                    ar.withUnsafeBufferPointer { par in
                                                        values.withUnsafeMutableBufferPointer { out in
                                                            var model = dd_mip_model(
                                                                rows: Int32(m), cols: Int32(n),
                                                                maximize: sense == .maximize ? 1 : 0,
                                                                objective: obj.baseAddress, col_integer: cInt.baseAddress,
                                                                col_bound_type: cType.baseAddress,
                                                                col_lower: cLo.baseAddress, col_upper: cHi.baseAddress,
                                                                row_bound_type: rType.baseAddress,
                                                                row_lower: rLo.baseAddress, row_upper: rHi.baseAddress,
                                                                nonzeros: Int32(ia.count - 1),
                                                                ia: pia.baseAddress, ja: pja.baseAddress, ar: par.baseAddress,
                                                                time_limit_ms: limitMs, relative_gap: max(relativeGap, 0),
                                                                start: startValues.isEmpty ? nil : startPointer.baseAddress)
                                                            return dd_glpk_solve_mip(&model, out.baseAddress)
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if result.recovered_from_error != 0 {
            throw .solverError(Self.message(result))
        }
        let status: MIPSolution.Status
        switch Int32(result.mip_status) {
        case GLP_OPT: status = .optimal
        case GLP_FEAS: status = .feasible
        case GLP_NOFEAS: throw .infeasible
        default:
            if result.solve_return == GLP_ENOPFS { throw .infeasible }
            if result.solve_return == GLP_ETMLIM { throw .timeLimitWithoutSolution }
            throw .solverError("glp_intopt returned \(result.solve_return), status \(result.mip_status)")
        }
        for j in 0..<n where columns[j].isInteger { values[j] = values[j].rounded() }
        var solution = MIPSolution(status: status, objective: result.objective, values: values)
        solution.startTaken = result.start_taken != 0
        return solution
    }

    /// Checks that `start` gives every variable a value within its bounds (a whole number for an
    /// integer variable) and meets every constraint: GLPK would take an infeasible start as its
    /// incumbent without checking it.
    public func validate(start: [Double]) throws(MIPError) {
        let tolerance = 1e-9
        guard start.count == columns.count else {
            throw .invalidModel("start: \(start.count) values for \(columns.count) variables")
        }
        for (j, column) in columns.enumerated() {
            let value = start[j]
            guard value.isFinite, value >= column.lower - tolerance, value <= column.upper + tolerance else {
                throw .invalidModel("start: variable \(j) = \(value) is outside [\(column.lower), \(column.upper)]")
            }
            guard !column.isInteger || value == value.rounded() else {
                throw .invalidModel("start: integer variable \(j) = \(value)")
            }
        }
        for (i, row) in rows.enumerated() {
            let activity = row.terms.reduce(0) { $0 + $1.coefficient * start[$1.column] }
            let slack = tolerance * max(1, abs(activity))
            guard activity >= row.lower - slack, activity <= row.upper + slack else {
                throw .invalidModel("start: constraint \(i) = \(activity) is outside [\(row.lower), \(row.upper)]")
            }
        }
    }

    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    static func message(_ result: dd_mip_result) -> String {
        var copy = result.message
        let text = withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "GLPK raised an error" : text.trimmingCharacters(in: [" ", "\n"])
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
