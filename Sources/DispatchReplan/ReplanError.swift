/// Why a replan cannot be made from its inputs: each case names the file and, where it applies,
/// the line and field. The CLI maps ``isBadData`` to exit 65, the rest to 66.
public enum ReplanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input file does not exist or cannot be opened.
    case missing(path: String)
    /// Something in an input file is wrong (events, new stops, the plan against its scenario).
    case invalid(path: String, line: Int, field: String, message: String)
    /// The replan cannot be expressed in the files (e.g. new stops on a measured travel matrix).
    case unsupported(path: String, message: String)

    /// Whether the error is about the data (exit 65) rather than a missing file (66).
    public var isBadData: Bool {
        if case .missing = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case let .invalid(path, line, field, message): return "\(path):\(line): \(field): \(message)"
        case let .unsupported(path, message): return "\(path): \(message)"
        }
    }
}
