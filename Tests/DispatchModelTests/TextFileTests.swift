import Foundation
import Testing
@testable import DispatchModel

/// Every file desk writes: symlinks followed, special files refused, no temporary file left.
@Suite struct TextFileTests {
    static func makeFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "desk-textfile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func leftovers(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
    }

    @Test func notUTF8IsBadDataNamingTheLine() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("id,lat\n\"a\",1\nb\u{0},2\n".utf8 + [0xC3, 0x28] + Array("\n".utf8)).write(to: URL(fileURLWithPath: folder + "/p.csv"))
        #expect(throws: ScenarioFileError.badEncoding(path: folder + "/p.csv", line: 4)) { try TextFile.read(folder + "/p.csv") }
        #expect(ScenarioFileError.badEncoding(path: "p", line: 4).isBadData)
        #expect(!ScenarioFileError.missing(path: "p").isBadData)
    }

    @Test func aSymlinkIsFollowedAndItsTargetReplaced() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/real/plan.json", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: "real/plan.json")
        try TextFile.writeAtomically("new", to: folder + "/link.json")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder + "/link.json") == "real/plan.json")
        #expect(try String(contentsOfFile: folder + "/real/plan.json", encoding: .utf8) == "new")
        #expect(try Self.leftovers(folder).isEmpty)
        #expect(try Self.leftovers(folder + "/real").isEmpty)
        // A dangling link: its target is created.
        try FileManager.default.createSymbolicLink(atPath: folder + "/dangling.json", withDestinationPath: "real/new.json")
        try TextFile.writeAtomically("fresh", to: folder + "/dangling.json")
        #expect(try String(contentsOfFile: folder + "/real/new.json", encoding: .utf8) == "fresh")
    }

    @Test func specialFilesAreRefusedAndLeftAlone() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-fifo", withDestinationPath: folder + "/fifo")
        let cases = [(folder + "/fifo", "a FIFO (named pipe)"), (folder + "/to-fifo", "a FIFO (named pipe)"),
                     ("/dev/null", "a character device"), (folder, "a directory")]
        for (path, kind) in cases {
            #expect(throws: OutputFileError.notRegularFile(path: path, kind: kind)) { try TextFile.writeAtomically("x", to: path) }
        }
        var info = stat()
        #expect(lstat(folder + "/fifo", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(try Self.leftovers(folder).isEmpty)
        #expect(OutputFileError.notRegularFile(path: "/dev/null", kind: "a character device").description
                == "cannot write /dev/null: it is a character device, not a regular file; give the path of a file to create or replace")
    }

    @Test func aMissingFolderIsOnePlainSentence() {
        #expect(throws: OutputFileError.cannotWrite(path: "/nonexistent-desk/plan.json", reason: "the folder /nonexistent-desk does not exist")) {
            try TextFile.writeAtomically("x", to: "/nonexistent-desk/plan.json")
        }
    }

    @Test func replacingKeepsTheFilesPermissions() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old".write(toFile: folder + "/plan.json", atomically: true, encoding: .utf8)
        #expect(chmod(folder + "/plan.json", 0o600) == 0)
        try TextFile.writeAtomically("new", to: folder + "/plan.json")
        var info = stat()
        #expect(stat(folder + "/plan.json", &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: folder + "/plan.json", encoding: .utf8) == "new")
    }

    /// A rename that fails half-way (a target became a folder after every file was staged) puts
    /// back the targets renamed before it: the one that existed as it was, the new one removed;
    /// no temporary file or kept copy is left.
    @Test func aRenameFailingHalfWayPutsTheEarlierTargetsBack() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old plan".write(toFile: folder + "/plan.json", atomically: true, encoding: .utf8)
        try "old report".write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        let files = [(text: "new plan", path: folder + "/plan.json"), (text: "new sheets", path: folder + "/sheets.txt"),
                     (text: "new report", path: folder + "/report.html")]
        #expect(throws: OutputFileError.self) {
            try TextFile.writeAllAtomically(files) {
                try? FileManager.default.removeItem(atPath: folder + "/report.html")
                try? FileManager.default.createDirectory(atPath: folder + "/report.html", withIntermediateDirectories: false)
            }
        }
        #expect(try String(contentsOfFile: folder + "/plan.json", encoding: .utf8) == "old plan")
        #expect(!FileManager.default.fileExists(atPath: folder + "/sheets.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["plan.json", "report.html"])
        // When every rename succeeds, no kept copy stays behind either.
        try FileManager.default.removeItem(atPath: folder + "/report.html")
        try TextFile.writeAllAtomically(files)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["plan.json", "report.html", "sheets.txt"])
        #expect(try String(contentsOfFile: folder + "/plan.json", encoding: .utf8) == "new plan")
    }
}
