/// One finding about an input file: an error (the file cannot be planned) or a warning.
///
/// Printed as `file:line: field: message` (warnings: `file:line: field: warning: message`).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Codable {
    /// How serious it is.
    public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

    /// Error or warning.
    public var severity: Severity
    /// The file, as the user named it.
    public var file: String
    /// 1-based line, or 0 when the finding is about the file as a whole.
    public var line: Int
    /// The field, e.g. "window" or "couriers".
    public var field: String
    /// What is wrong, in words an outlet manager understands.
    public var message: String

    /// A finding.
    public init(_ severity: Severity, file: String, line: Int, field: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(file):\(line): \(field): " + (severity == .warning ? "warning: " : "") + message
    }
}

/// Where a stop or courier was read from: file, line, and the line of each field.
public struct SourceLocation: Sendable, Hashable {
    /// The file, as the user named it.
    public var file: String
    /// Line where the record starts.
    public var line: Int
    /// Line of each field that was present (JSON objects may span lines).
    public var fieldLines: [String: Int]

    /// A location.
    public init(file: String, line: Int, fieldLines: [String: Int] = [:]) {
        self.file = file
        self.line = line
        self.fieldLines = fieldLines
    }

    /// The line of `field`, or the record's line.
    public func line(of field: String) -> Int { fieldLines[field] ?? line }
}

/// Collects diagnostics while a file is read.
final class DiagnosticLog {
    var items: [Diagnostic] = []

    func error(_ file: String, _ line: Int, _ field: String, _ message: String) {
        items.append(Diagnostic(.error, file: file, line: line, field: field, message: message))
    }

    func warning(_ file: String, _ line: Int, _ field: String, _ message: String) {
        items.append(Diagnostic(.warning, file: file, line: line, field: field, message: message))
    }
}
