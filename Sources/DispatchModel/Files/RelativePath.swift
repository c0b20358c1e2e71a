import Foundation

/// Paths written into one file that point at another (a plan naming its scenario).
public enum RelativePath {
    /// `target` as seen from the folder that holds `file`: `../scenarios/day.json` for a plan
    /// in `out/` made from `scenarios/day.json`. Both may be relative to the working folder.
    public static func of(_ target: String, fromFolderOf file: String) -> String {
        let fromParts = components(absolute(file)).dropLast()
        let toParts = components(absolute(target))
        var common = 0
        while common < fromParts.count, common < toParts.count, fromParts[fromParts.startIndex + common] == toParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromParts.count - common)
        return (ups + toParts[common...]).joined(separator: "/")
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Components with `.` and `..` resolved.
    static func components(_ path: String) -> [String] {
        var parts: [String] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        return parts
    }
}
