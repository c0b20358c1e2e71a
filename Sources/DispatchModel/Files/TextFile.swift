import Foundation

/// Reading and atomically writing whole text files.
public enum TextFile {
    /// The UTF-8 text of `path`.
    public static func read(_ path: String) throws(ScenarioFileError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        return text
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`, so a
    /// reader never sees half a file.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(ProcessInfo.processInfo.processIdentifier).tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, "errno": code])
        }
    }

    /// `relative` resolved against the folder of `base` (absolute paths are kept).
    public static func sibling(_ relative: String, of base: String) -> String {
        if relative.hasPrefix("/") { return relative }
        guard let slash = base.lastIndex(of: "/") else { return relative }
        let baseFolder = String(base[..<slash])
        return baseFolder.isEmpty ? relative : baseFolder + "/" + relative
    }
}
