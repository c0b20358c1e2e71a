#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// The temporary files an atomic write has open, kept where a signal handler can remove them.
///
/// A handler may only call async-signal-safe functions, so the paths live in fixed C buffers (one
/// slot a file, up to ``slots`` files of one all-or-nothing write) that the handler reads without
/// locks (it runs once, just before the process exits).
public enum PendingTemporaryFile {
    private static let capacity = 4096
    /// How many temporary files can be recorded at once: more than every command has in flight
    /// (four outputs, each with its temporary file and the kept copy of the file it replaces).
    static let slots = 16
    nonisolated(unsafe) private static let buffer: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * slots)
        pointer.initialize(repeating: 0, count: capacity * slots)
        return pointer
    }()

    /// Records `paths` (the first ``slots`` of them) as the files to remove if the process is
    /// interrupted, in place of those recorded before.
    static func set(_ paths: [String]) {
        for (slot, path) in paths.prefix(slots).enumerated() {
            let start = buffer + slot * capacity
            let bytes = Array(path.utf8.prefix(capacity - 1))
            start[0] = 0 // empty while the rest is written, so a handler never sees half a path
            for (k, byte) in bytes.enumerated().dropFirst() { start[k] = CChar(bitPattern: byte) }
            start[bytes.count] = 0
            if let first = bytes.first { start[0] = CChar(bitPattern: first) }
        }
        for slot in min(paths.count, slots)..<slots { buffer[slot * capacity] = 0 }
    }

    /// Nothing is in flight any more.
    static func clear() { for slot in 0..<slots { buffer[slot * capacity] = 0 } }

    /// Makes the buffer exist before any handler can run (its lazy set-up is not signal-safe).
    public static func prepare() { clear() }

    /// Removes the in-flight temporary files, if any; async-signal-safe (for SIGINT/SIGTERM handlers).
    public static func removeFromSignalHandler() {
        for slot in 0..<slots where buffer[slot * capacity] != 0 { _ = unlink(buffer + slot * capacity) }
    }
}
