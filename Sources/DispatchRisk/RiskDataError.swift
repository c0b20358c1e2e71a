/// Why risk data (a plan against its scenario, a scan log, a risk model file) cannot be used:
/// each case names the file, line and field where it applies. The CLI maps these to exit 65.
public enum RiskDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case missing(path: String)
    /// The file is read but something in it is wrong.
    case invalid(path: String, line: Int, field: String, message: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case let .invalid(path, line, field, message): return "\(path):\(line): \(field): \(message)"
        }
    }
}
