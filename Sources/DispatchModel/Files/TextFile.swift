import Foundation

/// Reading and atomically writing whole text files; every file `desk` writes goes through
/// ``writeAtomically(_:to:)``.
public enum TextFile {
    /// The UTF-8 text of `path`.
    /// - Throws: ``ScenarioFileError/missing(path:)`` when there is no such file,
    ///   ``ScenarioFileError/badEncoding(path:line:)`` when it is not UTF-8.
    public static func read(_ path: String) throws(ScenarioFileError) -> String {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        // A FIFO or a device (a "stopsFile" naming /dev/zero) would block or never end.
        var info = stat()
        if stat(path, &info) == 0, let kind = kindName(info.st_mode) {
            throw .unreadable(path: path, reason: "it is \(kind), not a regular file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "permission denied or not a regular file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .badEncoding(path: path, line: firstBadLine(data))
        }
        return text
    }

    /// The 1-based line of the first byte that is not UTF-8.
    static func firstBadLine(_ data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput, .error: return line
            }
        }
    }

    /// Writes `text` to `path` so that a reader never sees half a file and nothing else is harmed.
    ///
    /// A symlink is followed and its final target replaced (the link stays); a directory, device,
    /// FIFO or socket is refused, never replaced. The text goes to a temporary file in the target's
    /// folder, which is renamed over the target; on any failure, and on SIGINT/SIGTERM when the CLI's
    /// handler is installed, the temporary file is removed.
    public static func writeAtomically(_ text: String, to path: String) throws(OutputFileError) {
        try writeAllAtomically([(text: text, path: path)])
    }

    /// Writes every file of `files` or none: each text goes to its own temporary file in its
    /// target's folder (as ``writeAtomically(_:to:)`` does), and only when every one of them is
    /// written and synced are they renamed over their targets, in order.
    ///
    /// When a file cannot be written (a missing folder, a FIFO, a full disk), every temporary file
    /// is removed and no target is touched; the error names the first file that failed. A rename
    /// within one folder fails only when the target changes under the command (it became a
    /// directory); then the targets renamed before it are put back as they were (each one that
    /// existed is kept as a hard link beside it until every rename is done; one that did not
    /// exist is removed) and the rest are left unchanged. Where the file system cannot link, or
    /// the old file cannot be put back, the error names the files already replaced.
    public static func writeAllAtomically(_ files: [(text: String, path: String)]) throws(OutputFileError) {
        try writeAllAtomically(files, beforeRenaming: {})
    }

    /// ``writeAllAtomically(_:)`` with `beforeRenaming` run once every file is staged, before the
    /// first rename (tests change a target there, as another process could).
    static func writeAllAtomically(_ files: [(text: String, path: String)], beforeRenaming: () -> Void) throws(OutputFileError) {
        var staged: [(temporary: String, target: String, path: String, folder: String)] = []
        defer { PendingTemporaryFile.clear() }
        func discard() { for file in staged { unlink(file.temporary) } }
        for file in files {
            do {
                staged.append(try stage(file.text, to: file.path, recordingAfter: staged.map(\.temporary)))
            } catch {
                discard()
                throw error
            }
        }
        beforeRenaming()
        // What each target was: absent, or kept as a hard link beside it (nil where the file
        // system cannot link: that target cannot be put back).
        var existed: [Bool] = [], kept: [String?] = []
        for file in staged {
            var info = stat()
            let exists = lstat(file.target, &info) == 0
            existed.append(exists)
            let copy = file.temporary + ".old"
            kept.append(exists && link(file.target, copy) == 0 ? copy : nil)
        }
        PendingTemporaryFile.set(staged.map(\.temporary) + kept.compactMap { $0 })
        defer { for copy in kept { if let copy { unlink(copy) } } }
        for (k, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
            let failure = errno
            var notRestored: [String] = []
            for j in 0..<k {
                if let copy = kept[j] {
                    // Put back; should that fail too, the old file stays beside it under the copy's name.
                    if rename(copy, staged[j].target) != 0 { notRestored.append("\(staged[j].path) (its old text is in \(copy))") }
                    kept[j] = nil
                } else if !existed[j] {
                    unlink(staged[j].target)
                } else {
                    notRestored.append(staged[j].path)
                }
            }
            for rest in staged[k...] { unlink(rest.temporary) }
            let written = notRestored.isEmpty ? "" : "; already replaced: " + notRestored.joined(separator: ", ")
            throw .cannotWrite(path: file.path, reason: reason(failure, folder: file.folder) + written)
        }
    }

    /// Writes `text` to a new temporary file beside the file `path` lands in and syncs it; the
    /// temporary file is recorded, with `earlier` ones, for the interrupt handler to remove.
    private static func stage(_ text: String, to path: String,
                              recordingAfter earlier: [String]) throws(OutputFileError) -> (temporary: String, target: String, path: String, folder: String) {
        let target = try resolve(path)
        var existing = stat()
        var mode: mode_t = 0o666
        let replacing = lstat(target, &existing) == 0
        if replacing {
            if let kind = kindName(existing.st_mode) { throw .notRegularFile(path: path, kind: kind) }
            mode = existing.st_mode & 0o7777
        }
        let slash = target.lastIndex(of: "/")
        let folder = Self.folder(of: target)
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let temporary = (slash.map { String(target[...$0]) } ?? "") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        PendingTemporaryFile.set(earlier + [temporary])
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: reason(errno, folder: folder)) }
        var failure: Int32 = 0
        // A replaced file keeps its permissions; a new one gets 0666 less the umask, as `open` made it.
        if replacing, fchmod(descriptor, mode) != 0 { failure = errno }
        let bytes = Array(text.utf8)
        var written = 0
        while failure == 0, written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
            } else {
                written += count
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason(failure, folder: folder))
        }
        return (temporary, target, path, folder)
    }

    /// Throws what ``writeAtomically(_:to:)`` would meet before writing a byte: the path is (or
    /// its symlinks lead to) a directory, device, FIFO or socket, or the folder the file lands in
    /// does not exist or cannot take a new file. Lets a command refuse an output before its work.
    public static func checkWritable(_ path: String) throws(OutputFileError) {
        let target = try resolve(path)
        var existing = stat()
        if lstat(target, &existing) == 0, let kind = kindName(existing.st_mode) { throw .notRegularFile(path: path, kind: kind) }
        let folder = Self.folder(of: target)
        var info = stat()
        guard stat(folder, &info) == 0 else { throw .cannotWrite(path: path, reason: reason(errno, folder: folder)) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotWrite(path: path, reason: reason(ENOTDIR, folder: folder)) }
        // The temporary file is created in the folder: it must be writable and searchable.
        guard access(folder, W_OK | X_OK) == 0 else { throw .cannotWrite(path: path, reason: reason(errno, folder: folder)) }
    }

    /// The folder a file at `path` is in: "/" for a file at the root, "." for a bare name.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return path[..<slash].isEmpty ? "/" : String(path[..<slash])
    }

    /// The file a write to `path` lands in: `path` itself, or the end of its chain of symlinks.
    public static func resolve(_ path: String) throws(OutputFileError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return current } // a new file (also the target of a dangling link)
                // ENOTDIR: the folder the file would be in is a file.
                throw .cannotWrite(path: path, reason: reason(errno, folder: Self.folder(of: current)))
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw .cannotWrite(path: path, reason: reason(errno, folder: current)) }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                current = current.lastIndex(of: "/").map { String(current[...$0]) + link } ?? link
            }
        }
        throw .cannotWrite(path: path, reason: "it is a chain of more than 40 symbolic links (a loop?)")
    }

    /// "a directory", "a FIFO (named pipe)", …; `nil` for a regular file.
    public static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }

    /// A plain sentence for an `errno`.
    static func reason(_ code: Int32, folder: String) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "the folder \(folder) does not exist"
        case EACCES, EPERM: return "permission denied"
        case EROFS: return "the file system is read-only"
        case ENOSPC, EDQUOT: return "the disk is full"
        case EISDIR: return "it is a directory"
        default: return String(cString: strerror(code)).lowercased()
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
