import Foundation
import Testing
@testable import DispatchModel

/// Reads every Solomon instance in `../shared/instances/solomon` when the team's shared folder is
/// there (it is beside the checkout on the team's machines and in CI); skips with a message when not.
@Suite struct SharedInstancesTests {
    static var folder: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4) // file, DispatchModelTests, Tests, the checkout folder
        return parts.joined(separator: "/") + "/shared/instances/solomon"
    }

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

    @Test(.enabled(if: available, "../shared/instances/solomon is absent: BKS.csv not checked"))
    func bestKnownTableHasBothObjectivesForEveryInstance() throws {
        let table = try CSVTable.parse(try TextFile.read(Self.folder + "/BKS.csv"))
        #expect(table.header == ["instance", "vehicles", "distance", "objective", "source"])
        let objectives = Set(table.rows.map { $0.cells[3] })
        #expect(objectives == ["hierarchical", "distance"])
        #expect(Set(table.rows.map { $0.cells[0] }).count == 56)
    }
}
