import DispatchModel
import DispatchRisk

/// Input formats `desk` reads.
public enum ScenarioFormat: String, Sendable, CaseIterable {
    /// Decide from the content.
    case auto
    /// DispatchDesk's scenario JSON.
    case scenario
    /// Solomon / Gehring–Homberger VRPTW text.
    case solomon
    /// Li & Lim pickup-and-delivery (PDPTW) text.
    case lilim

    /// The names, for help and error messages.
    public static let choices = allCases.map(\.rawValue).joined(separator: ", ")
}

/// Loads a scenario file in any supported format.
public enum ScenarioInput {
    /// Reads `path`; a missing, unreadable or non-UTF-8 file throws, everything else becomes
    /// diagnostics (a day above ``Scenario/maximumStops`` among them).
    public static func load(_ path: String, format: ScenarioFormat = .auto) throws(ScenarioFileError) -> LoadedScenario {
        var loaded = read(try TextFile.read(path), path: path, format: format)
        // The readers refuse such a day already; this keeps the promise for any reader added later.
        if loaded.scenario.stops.count > Scenario.maximumStops {
            loaded.diagnostics.append(Diagnostic(.error, file: path, line: 0, field: "stops",
                                                 message: Scenario.tooManyStopsMessage(count: loaded.scenario.stops.count)))
        }
        if let block = loaded.riskBlock, let problem = riskBlockProblem(block, path: path, weather: loaded.scenario.weather) {
            loaded.diagnostics.append(problem)
        }
        return loaded
    }

    /// The error in the scenario's `"risk"` block, which the risk report reads (`desk plan
    /// --report`, `desk report`, `desk simulate`): a block those commands would refuse makes the
    /// scenario itself invalid, found by `desk validate` and before `desk plan` searches.
    static func riskBlockProblem(_ block: JSONNode, path: String, weather: String?) -> Diagnostic? {
        do {
            _ = try RiskProfileFile.scenarioRisk(block: block, path: path, defaults: RiskModel.defaults(weather: weather))
            return nil
        } catch {
            switch error {
            case let .invalid(file, line, field, message): return Diagnostic(.error, file: file, line: line, field: field, message: message)
            case .missing(let file): return Diagnostic(.error, file: file, line: 0, field: "risk", message: "cannot be read")
            }
        }
    }

    static func read(_ text: String, path: String, format: ScenarioFormat) -> LoadedScenario {
        switch format {
        case .solomon: return SolomonReader.read(text: text, path: path)
        case .lilim: return LiLimReader.read(text: text, path: path)
        case .scenario: return ScenarioReader.read(text: text, path: path)
        case .auto:
            if SolomonReader.looksLikeSolomon(text) { return SolomonReader.read(text: text, path: path) }
            if LiLimReader.looksLikeLiLim(text) { return LiLimReader.read(text: text, path: path) }
            return ScenarioReader.read(text: text, path: path)
        }
    }
}
