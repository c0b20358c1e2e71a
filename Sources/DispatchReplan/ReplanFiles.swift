import Foundation

/// Where a replan writes: the next numbered plan beside the old one (`plan.json` → `plan.1.json`
/// → `plan.2.json` …; the old file is never changed), its scenario and its diff beside it.
public enum ReplanFiles {
    /// The next free numbered name after `planPath`: its number plus one (`plan.3.json` →
    /// `plan.4.json`), skipping names that exist.
    public static func nextPlanPath(after planPath: String, exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String {
        let (stem, number) = split(planPath)
        var n = number + 1
        while exists("\(stem).\(n).json") { n += 1 }
        return "\(stem).\(n).json"
    }

    /// The scenario written beside a new plan: `plan.1.json` → `plan.1.scenario.json`.
    public static func scenarioPath(for planPath: String) -> String { sibling(planPath, "scenario") }

    /// The diff written beside a new plan: `plan.1.json` → `plan.1.diff.json`.
    public static func diffPath(for planPath: String) -> String { sibling(planPath, "diff") }

    static func sibling(_ planPath: String, _ kind: String) -> String {
        let base = planPath.hasSuffix(".json") ? String(planPath.dropLast(5)) : planPath
        return "\(base).\(kind).json"
    }

    /// `plan.3.json` → (`plan`, 3); `plan.json` → (`plan`, 0).
    static func split(_ path: String) -> (stem: String, number: Int) {
        let base = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
        if let dot = base.lastIndex(of: "."), let n = Int(base[base.index(after: dot)...]), n >= 0,
           base[base.index(after: dot)...].allSatisfy(\.isASCII) {
            return (String(base[..<dot]), n)
        }
        return (base, 0)
    }
}
