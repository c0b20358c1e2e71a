/// A scenario that could not be read at all (as opposed to one read with diagnostics).
public enum ScenarioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be opened.
    case missing(path: String)
    /// The file is not text (UTF-8).
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        }
    }
}
