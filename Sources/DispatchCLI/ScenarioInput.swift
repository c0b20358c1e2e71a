import DispatchModel

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
    /// Reads `path`; a missing or unreadable file throws, everything else becomes diagnostics.
    public static func load(_ path: String, format: ScenarioFormat = .auto) throws(ScenarioFileError) -> LoadedScenario {
        let text = try TextFile.read(path)
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
