import Foundation
import Testing
@testable import DispatchModel

/// Reads every instance in `../shared/instances` (Solomon, Gehring–Homberger 400, Li & Lim 200) when
/// the team's shared folder is there (beside the checkout on the team's machines and in CI); skips
/// with a message when not.
@Suite struct SharedInstancesTests {
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4) // file, DispatchModelTests, Tests, the checkout folder
        return parts.joined(separator: "/") + "/shared/instances"
    }

    static var folder: String { root + "/solomon" }

    static var available: Bool { FileManager.default.fileExists(atPath: folder + "/BKS.csv") }

    @Test(.enabled(if: available, "../shared/instances/solomon is absent: shared Solomon instances not checked"))
    func everySolomonInstanceReadsCleanly() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 56)
        for name in names {
            let path = Self.folder + "/" + name
            let loaded = SolomonReader.read(text: try TextFile.read(path), path: path)
            #expect(loaded.errors.isEmpty, "\(name): \(loaded.errors.prefix(2))")
            #expect(loaded.scenario.stops.count == 100, "\(name)")
            #expect(loaded.scenario.couriers.count == 25, "\(name)")
            #expect(loaded.scenario.name + ".txt" == name)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root + "/homberger400/BKS.csv"),
                   "../shared/instances/homberger400 is absent: Gehring–Homberger instances not checked"))
    func everyGehringHombergerInstanceReadsCleanly() throws {
        let folder = Self.root + "/homberger400"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.lowercased().hasSuffix(".txt") }.sorted()
        #expect(names.count == 12)
        for name in names {
            let path = folder + "/" + name
            let text = try TextFile.read(path)
            #expect(SolomonReader.looksLikeSolomon(text))
            let loaded = SolomonReader.read(text: text, path: path)
            // Before, every one failed: "coordinates (137.0, 10.0) are out of range".
            #expect(loaded.errors.isEmpty, "\(name): \(loaded.errors.prefix(2))")
            #expect(loaded.scenario.stops.count == 400, "\(name)")
            if case .planar = loaded.scenario.outlet.location {} else { Issue.record("\(name): the depot is not planar") }
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: root + "/lilim200/BKS.csv"),
                   "../shared/instances/lilim200 is absent: Li & Lim instances not checked"))
    func everyLiLimInstanceReadsCleanly() throws {
        let folder = Self.root + "/lilim200"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.lowercased().hasSuffix(".txt") }.sorted()
        #expect(names.count == 12)
        for name in names {
            let path = folder + "/" + name
            let text = try TextFile.read(path)
            #expect(LiLimReader.looksLikeLiLim(text))
            let loaded = LiLimReader.read(text: text, path: path)
            #expect(loaded.errors.isEmpty, "\(name): \(loaded.errors.prefix(2))")
            #expect(loaded.scenario.stops.count >= 200 && loaded.scenario.stops.count % 2 == 0, "\(name)")
        }
    }

    @Test(.enabled(if: available, "../shared/instances/solomon is absent: BKS.csv not checked"))
    func bestKnownTableHasBothObjectivesForEveryInstance() throws {
        let table = try CSVTable.parse(try TextFile.read(Self.folder + "/BKS.csv"))
        #expect(table.header == ["instance", "vehicles", "distance", "objective", "source"])
        let objectives = Set(table.rows.map { $0.cells[3] })
        #expect(objectives == ["hierarchical", "distance"])
        #expect(Set(table.rows.map { $0.cells[0] }).count == 56)
    }
}
