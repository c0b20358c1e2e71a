/// Why a plan file cannot be used: each case names the file and, where it applies, the line and field.
public enum PlanFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case missing(path: String)
    /// The file cannot be read or is not UTF-8 text.
    case unreadable(path: String, reason: String)
    /// The file is read but something in it is wrong.
    case invalid(path: String, line: Int, field: String, message: String)
    /// The scenario the plan names changed since the plan was made.
    case scenarioChanged(plan: String, scenario: String, expected: String, found: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        case let .invalid(path, line, field, message): return "\(path):\(line): \(field): \(message)"
        case let .scenarioChanged(plan, scenario, expected, found):
            return "\(plan): the scenario \(scenario) changed since this plan was made (SHA-256 \(found.prefix(12))…, the plan expects \(expected.prefix(12))…); plan the day again"
        }
    }
}
