/// The answer GLPK gave to a ``MixedIntegerProgram``.
public struct MIPSolution: Sendable {
    /// How good the answer is known to be.
    public enum Status: Sendable, Equatable {
        /// Proven optimal (within the requested gap).
        case optimal
        /// An incumbent found before the time limit; not proven optimal.
        case feasible
    }

    /// Optimality status.
    public let status: Status
    /// Objective value of the incumbent.
    public let objective: Double
    /// Column values, indexed by ``MixedIntegerProgram/Variable/index``; integers are rounded.
    public let values: [Double]
    /// Whether branch-and-cut took the solution passed as `start` as its first incumbent (not
    /// when the LP relaxation did not solve within the time limit, nor when the relaxation's
    /// own answer was already whole).
    public internal(set) var startTaken = false

    /// The value of one variable.
    public subscript(variable: MixedIntegerProgram.Variable) -> Double { values[variable.index] }
}

/// Why a MIP solve produced no answer.
public enum MIPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model failed validation and was never handed to GLPK.
    case invalidModel(String)
    /// GLPK proved there is no integer-feasible solution.
    case infeasible
    /// The time limit expired before any integer-feasible solution was found.
    case timeLimitWithoutSolution
    /// GLPK raised an internal error; the process recovered through the error hook.
    case solverError(String)

    public var description: String {
        switch self {
        case .invalidModel(let why): return "invalid MIP model: \(why)"
        case .infeasible: return "the MIP has no feasible solution"
        case .timeLimitWithoutSolution: return "the MIP time limit expired before a feasible solution was found"
        case .solverError(let why): return "GLPK error: \(why)"
        }
    }
}
