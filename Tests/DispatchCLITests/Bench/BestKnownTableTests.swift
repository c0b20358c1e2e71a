import Foundation
import Testing
@testable import DispatchCLI

@Suite struct BestKnownTableTests {
    @Test func hierarchicalAndDistanceRowsAreToldApart() throws {
        let table = try BestKnownTable.parse("""
            instance,vehicles,distance,objective,source
            R101,19,1645.79,hierarchical,SINTEF
            R101,20,1642.88,distance,Braysy
            C1_4_2,36,7686.3789,hierarchical,"rogalski (VCGP; 2012)"
            """, path: "BKS.csv")
        #expect(table.lookup(["R101"], objective: "hierarchical") == BestKnown(instance: "R101", vehicles: 19, distance: 1645.79, objective: "hierarchical"))
        #expect(table.lookup(["R101"], objective: "distance")?.distance == 1642.88)
        #expect(table.lookup(["R101"], objective: "outlet") == nil)
        // Gehring–Homberger files name themselves in lower case.
        #expect(table.lookup(["C1_4_2.txt", "c1_4_2"], objective: "hierarchical")?.vehicles == 36)
    }
}

@Suite struct BestKnownTableFormatTests {
    @Test func distanceOnlyFileWithoutVehiclesOrObjectiveAppliesToEveryObjective() throws {
        let table = try BestKnownTable.parse("instance,distance\nC101,828.94\n", path: "d.csv")
        let row = try #require(table.lookup(["C101"], objective: "distance"))
        #expect(row.vehicles == nil)
        #expect(row.gapNeedsVehicles == false)
        #expect(table.lookup(["C101"], objective: "hierarchical")?.distance == 828.94)
    }

    @Test func emptyVehicleCellIsADistanceOnlyRow() throws {
        let table = try BestKnownTable.parse("instance,vehicles,distance,objective\nC101,,828.94,distance\nC101,10,828.94,\n", path: "d.csv")
        #expect(table.lookup(["C101"], objective: "distance")?.vehicles == nil)
        // The row with no objective serves the others.
        #expect(table.lookup(["C101"], objective: "hierarchical")?.vehicles == 10)
    }

    @Test(arguments: [
        ("name,distance\nC101,1\n", 1, "instance: no `instance` column"),
        ("instance,vehicles,distance\nC101,ten,828.94\n", 2, "vehicles: \"ten\" is not a positive whole number"),
        ("instance,vehicles,distance\nC101,10,\n", 2, "distance: \"\" is not a positive number"),
    ])
    func malformedRowsNameTheirLine(text: String, line: Int, message: String) {
        #expect(throws: BestKnownTable.ReadError(path: "b.csv", line: line, message: message)) {
            try BestKnownTable.parse(text, path: "b.csv")
        }
    }

    @Test func shippedSolomonTableReads() throws {
        let table = try BestKnownTable.parse(try String(contentsOfFile: Fixture.scenarios + "/solomon/BKS.csv", encoding: .utf8), path: "BKS.csv")
        #expect(table.lookup(["C101"], objective: "hierarchical") == BestKnown(instance: "C101", vehicles: 10, distance: 828.94, objective: "hierarchical"))
        #expect(table.lookup(["R211"], objective: "distance")?.vehicles == 4)
    }

    static var shared: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(5) // file, Bench, DispatchCLITests, Tests, the checkout folder
        return parts.joined(separator: "/") + "/shared/instances"
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared), "../shared/instances is absent: its BKS.csv files not checked"),
          arguments: ["solomon", "homberger400", "lilim200"])
    func sharedTablesRead(folder: String) throws {
        let path = Self.shared + "/" + folder + "/BKS.csv"
        try #require(FileManager.default.fileExists(atPath: path), "\(path) is absent")
        let table = try BestKnownTable.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
        let instances = try FileManager.default.contentsOfDirectory(atPath: Self.shared + "/" + folder)
            .filter { $0.lowercased().hasSuffix(".txt") }.map { BenchRun.stem(of: $0) }
        #expect(!instances.isEmpty)
        for name in instances {
            #expect(table.lookup([name], objective: "hierarchical")?.vehicles != nil, "\(folder)/\(name)")
        }
    }
}
