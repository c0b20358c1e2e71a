/// A scenario that could not be read at all (as opposed to one read with diagnostics).
public enum ScenarioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist.
    case missing(path: String)
    /// The file exists but cannot be opened or read (permissions, a directory).
    case unreadable(path: String, reason: String)
    /// The file is not UTF-8 text: bad data, not a missing file. `line` is where the first bad byte is.
    case badEncoding(path: String, line: Int)

    /// Whether the data itself is wrong (exit 65) rather than the file absent or unopenable (exit 66).
    public var isBadData: Bool {
        if case .badEncoding = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .badEncoding(let path, let line): return "\(path):\(line): encoding: the file is not UTF-8 text (save it as UTF-8 and try again)"
        }
    }
}
