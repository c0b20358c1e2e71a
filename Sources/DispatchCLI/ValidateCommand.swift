import ArgumentParser
import DispatchModel
import Foundation

/// `desk validate FILE [--json]`: checks a scenario and summarises it.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and summarise it.",
        discussion: "Exits 0 when the scenario can be planned, 65 when it has errors (each printed as file:line: field: message), 66 when the file is missing.")

    @Argument(help: "The scenario JSON (or a Solomon instance).")
    var file: String

    @Flag(help: "Print the normalised scenario (windows in minutes) as JSON.")
    var json = false

    @Option(help: "Input format: auto, scenario, solomon or lilim.")
    var format: String = "auto"

    public init() {}

    public func validate() throws {
        guard ScenarioFormat(rawValue: format) != nil else { throw ValidationError("--format must be one of \(ScenarioFormat.choices)") }
    }

    public func run() throws {
        let result = Self.execute(file: file, json: json, format: ScenarioFormat(rawValue: format) ?? .auto)
        emit(result)
    }

    /// Runs the command without touching the process (for tests).
    public static func execute(file: String, json: Bool, format: ScenarioFormat = .auto) -> CommandResult {
        let loaded: LoadedScenario
        do {
            loaded = try ScenarioInput.load(file, format: format)
        } catch {
            return CommandResult(errors: "desk: \(error.description)\n", status: error.isBadData ? .dataError : .noInput)
        }
        let errors = loaded.errors
        if json {
            if !errors.isEmpty {
                let value = JSONValue.object(["errors": .array(loaded.diagnostics.map(diagnosticJSON))])
                return CommandResult(output: JSONWriter.write(value), status: .dataError)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                let data = try encoder.encode(loaded.scenario)
                return CommandResult(output: String(decoding: data, as: UTF8.self) + "\n")
            } catch {
                return CommandResult(errors: "desk: internal error encoding the scenario: \(error)\n", status: .internalError)
            }
        }
        var out = ""
        for diagnostic in loaded.diagnostics { out += diagnostic.description + "\n" }
        if errors.isEmpty {
            out += "\(file): ok — \(loaded.scenario.name)\n"
            for line in ScenarioSummary(loaded).lines { out += "  " + line + "\n" }
            out += "\(loaded.warnings.count) warning(s)\n"
            return CommandResult(output: out)
        }
        out += "\(file): \(errors.count) error(s), \(loaded.warnings.count) warning(s); the scenario cannot be planned\n"
        return CommandResult(output: out, status: .dataError)
    }

    static func diagnosticJSON(_ d: Diagnostic) -> JSONValue {
        .object(["severity": .string(d.severity.rawValue), "file": .string(d.file), "line": .number(Double(d.line)),
                 "field": .string(d.field), "message": .string(d.message)])
    }
}

/// Prints a result and ends the process with its status when it is not 0.
func emit(_ result: CommandResult) {
    if !result.output.isEmpty { FileHandle.standardOutput.write(Data(result.output.utf8)) }
    if !result.errors.isEmpty { FileHandle.standardError.write(Data(result.errors.utf8)) }
    if result.status != .ok { Foundation.exit(result.status.rawValue) }
}
