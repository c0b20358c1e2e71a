/// A file `desk` was asked to write and did not; the description is one plain sentence.
public enum OutputFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path (after following symlinks) is a directory, device, FIFO or socket: never replaced.
    case notRegularFile(path: String, kind: String)
    /// The operating system refused (no such folder, no permission, disk full, a symlink loop).
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notRegularFile(let path, let kind):
            return "cannot write \(path): it is \(kind), not a regular file; give the path of a file to create or replace"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
