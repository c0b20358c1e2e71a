/// Exit codes of `desk`, after BSD sysexits.
public enum ExitStatus: Int32, Sendable {
    /// Done.
    case ok = 0
    /// The command line is wrong (EX_USAGE): a bad option, or output paths that would replace an
    /// input or each other.
    case usage = 64
    /// The input data is wrong (EX_DATAERR).
    case dataError = 65
    /// An input file is missing (EX_NOINPUT).
    case noInput = 66
    /// A bug in DispatchDesk (EX_SOFTWARE).
    case internalError = 70
    /// An output file could not be written (EX_CANTCREAT).
    case cannotCreate = 73
}

/// What a command printed and how it ended; commands return this so tests can run them in-process.
public struct CommandResult: Sendable {
    /// Standard output.
    public var output: String
    /// Standard error.
    public var errors: String
    /// Exit status.
    public var status: ExitStatus

    /// A result.
    public init(output: String = "", errors: String = "", status: ExitStatus = .ok) {
        self.output = output
        self.errors = errors
        self.status = status
    }
}
