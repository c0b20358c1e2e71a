/// Paths of the fixture files beside these tests.
enum Fixture {
    static var folder: String {
        let file = #filePath
        return String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) + "/Fixtures"
    }

    static func path(_ name: String) -> String { folder + "/" + name }

    /// The repository's `scenarios/` folder.
    static var scenarios: String {
        var parts = folder.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // Fixtures, DispatchCLITests, Tests
        return parts.joined(separator: "/") + "/scenarios"
    }
}
