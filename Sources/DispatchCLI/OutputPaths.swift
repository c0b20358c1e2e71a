import DispatchModel
import Foundation

/// The files one run of a command is to write, checked before any work is done: an empty path, an
/// output that is one of the run's input files, or a file two outputs share would lose data
/// (a scenario replaced by its plan, a report overwritten by the plan), so each is refused with
/// exit 64. An output that cannot be written (its folder is missing or not writable, or it is a
/// directory, device, FIFO or socket) is refused with exit 73, also before any work, so a command
/// never searches for minutes to fail at the end.
///
/// Two paths are the same file when, made absolute and standardised, with symlinks resolved
/// where the file exists (and a final symlink followed as a write would follow it), they name the
/// same place; two existing paths are also the same file when they are hard links to it.
struct OutputPaths {
    /// Each output: the option that names it (`--out`) and its path.
    var outputs: [(option: String, path: String)]

    /// The outputs among `named`; options that were not given (`nil`) are left out.
    init(_ named: [(option: String, path: String?)]) {
        outputs = named.compactMap { item in item.path.map { (item.option, $0) } }
    }

    /// The refusal of this run (exit 64, one sentence naming the option and the file; exit 73,
    /// `cannot write X: <reason>`, for an output that cannot be written), or `nil` when every
    /// output is a writable path of its own. `inputs` are the files the run reads, each with what
    /// it is ("the scenario being planned").
    func refusal(inputs: [(what: String, path: String)]) -> CommandResult? {
        if let empty = outputs.first(where: { $0.path.isEmpty }) {
            return Self.refused("\(empty.option) is empty: give the path of a file to write")
        }
        var seen: [(option: String, path: String, identity: String)] = []
        for output in outputs {
            let identity = Self.identity(output.path)
            if let input = inputs.first(where: { !$0.path.isEmpty && Self.identity($0.path) == identity }) {
                return Self.refused("\(output.option) \(output.path) is \(input.what): an output must not replace an input; give another path")
            }
            if let earlier = seen.first(where: { $0.identity == identity }) {
                return Self.refused("\(earlier.option) and \(output.option) name the same file (\(output.path)): one would overwrite the other; give each its own path")
            }
            seen.append((output.option, output.path, identity))
        }
        for output in outputs {
            do { try TextFile.checkWritable(output.path) } catch { return CommandResult(errors: "desk: \(error.description)\n", status: .cannotCreate) }
        }
        return nil
    }

    static func refused(_ message: String) -> CommandResult {
        CommandResult(errors: "desk: \(message)\n", status: .usage)
    }

    /// What names one file: its device and inode when it exists, else its absolute path with the
    /// folder's symlinks resolved (where the folder exists) and `.` and `..` taken out.
    static func identity(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let target = (try? TextFile.resolve(absolute)) ?? absolute
        var info = stat()
        if stat(target, &info) == 0 { return "inode \(info.st_dev):\(info.st_ino)" }
        // A new file: its folder's real path and its name.
        let slash = target.lastIndex(of: "/") ?? target.startIndex
        let folder = String(target[..<slash]), name = String(target[target.index(after: slash)...])
        if let real = realpath(folder.isEmpty ? "/" : folder, nil) {
            defer { free(real) }
            return "path " + lexicallyNormal(String(cString: real) + "/" + name)
        }
        return "path " + lexicallyNormal(target)
    }

    /// An absolute path without empty, `.` and `..` components (`..` taken lexically).
    static func lexicallyNormal(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
