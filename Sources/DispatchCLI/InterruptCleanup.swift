#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif
import DispatchModel

/// Ctrl-C (SIGINT) or a `kill` (SIGTERM) while `desk` writes a file must not leave its temporary
/// file behind: the handler removes it and exits 130 or 143, as a shell reports those signals.
public enum InterruptCleanup {
    /// Installs the handlers; call once, before any command runs.
    public static func install() {
        PendingTemporaryFile.prepare()
        for signalNumber in [SIGINT, SIGTERM] {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = handle
            #else
            action.__sigaction_handler.sa_handler = handle
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
    }
}

/// Only async-signal-safe calls here: unlink and _exit.
private func handle(_ signalNumber: Int32) {
    PendingTemporaryFile.removeFromSignalHandler()
    _exit(128 + signalNumber)
}
