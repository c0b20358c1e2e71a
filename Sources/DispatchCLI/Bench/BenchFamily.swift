/// The instance families the literature reports averages for.
///
/// Solomon `C101` → `C1`, `RC208` → `RC2`; Gehring–Homberger `C1_4_2` → `C1_4`; Li & Lim
/// `lc101` → `lc1`, `lrc2_2_6` → `lrc2_2`. Any other name (an outlet day) is its own family.
public enum BenchFamily {
    /// The family of the instance called `name` (a file name without extension).
    public static func of(_ name: String) -> String {
        let lower = name.lowercased()
        let isLiLim = lower.hasPrefix("l")
        let body = isLiLim ? lower.dropFirst() : Substring(lower)
        let prefix = ["rc", "r", "c"].first { body.hasPrefix($0) }
        guard let prefix else { return name }
        let rest = body.dropFirst(prefix.count)
        guard let kind = rest.first, kind == "1" || kind == "2" else { return name }
        let tail = rest.dropFirst()
        let parts = tail.split(separator: "_", omittingEmptySubsequences: false)
        let family: String
        if tail.count == 2, tail.allSatisfy(\.isNumber) {
            family = prefix + String(kind) // Solomon, Li & Lim 100: two digits after the kind
        } else if parts.count == 3, parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty,
                  parts[1].allSatisfy(\.isNumber), parts[2].allSatisfy(\.isNumber) {
            family = prefix + String(kind) + "_" + parts[1] // Gehring–Homberger, Li & Lim 200+: _size_number
        } else {
            return name
        }
        return isLiLim ? "l" + family : family.uppercased()
    }
}
