#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// The temporary file an atomic write has open, kept where a signal handler can remove it.
///
/// A handler may only call async-signal-safe functions, so the path lives in a fixed C buffer that
/// the handler reads without locks (it runs once, just before the process exits).
public enum PendingTemporaryFile {
    private static let capacity = 4096
    nonisolated(unsafe) private static let buffer: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        pointer.initialize(repeating: 0, count: capacity)
        return pointer
    }()

    /// Records `path` as the file to remove if the process is interrupted.
    static func set(_ path: String) {
        let bytes = Array(path.utf8.prefix(capacity - 1))
        buffer[0] = 0 // empty while the rest is written, so a handler never sees half a path
        for (k, byte) in bytes.enumerated().dropFirst() { buffer[k] = CChar(bitPattern: byte) }
        buffer[bytes.count] = 0
        if let first = bytes.first { buffer[0] = CChar(bitPattern: first) }
    }

    /// Nothing is in flight any more.
    static func clear() { buffer[0] = 0 }

    /// Makes the buffer exist before any handler can run (its lazy set-up is not signal-safe).
    public static func prepare() { clear() }

    /// Removes the in-flight temporary file, if any; async-signal-safe (for SIGINT/SIGTERM handlers).
    public static func removeFromSignalHandler() {
        if buffer[0] != 0 { _ = unlink(buffer) }
    }
}
