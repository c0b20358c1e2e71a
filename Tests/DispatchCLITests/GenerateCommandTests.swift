import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel

@Suite struct GenerateCommandTests {
    @Test func sameSeedGivesByteIdenticalScenario() {
        let a = GenerateCommand.execute(stops: 300, couriers: 6, seed: 42, rain: false)
        let b = GenerateCommand.execute(stops: 300, couriers: 6, seed: 42, rain: false)
        let c = GenerateCommand.execute(stops: 300, couriers: 6, seed: 43, rain: false)
        #expect(a.output == b.output)
        #expect(a.output != c.output)
    }

    /// Runs `body` with a fresh folder and the path of `day.json` in it; the folder is removed after.
    static func inFolder(_ body: (_ folder: String, _ out: String) throws -> Void) throws {
        let folder = try OutputPathTests.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder, folder + "/day.json")
    }

    @Test func generatedFilesAreWrittenAtomicallyAndReadBack() throws { try Self.inFolder { folder, out throws in
        let result = GenerateCommand.execute(stops: 400, couriers: 5, seed: 9, rain: true, out: out, stopsCsv: "day-parcels.csv")
        #expect(result.status == .ok)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        let loaded = try ScenarioReader.load(path: out)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenario.stops.count == 400)
        #expect(loaded.scenario.weather == "rain")
        // Reading back gives exactly the scenario that was generated.
        let generated = OutletDayGenerator(stops: 400, couriers: 5, seed: 9, rain: true).scenario()
        #expect(loaded.scenario.stops == generated.stops)
        #expect(loaded.scenario.couriers == generated.couriers)
    } }

    @Test func theScenarioAndItsStopsCSVMustBeTwoFiles() throws { try Self.inFolder { folder, out throws in
        // --stops-csv is relative to --out's folder: "day.json" is --out itself.
        let same = GenerateCommand.execute(stops: 5, couriers: 2, seed: 1, rain: false, out: out, stopsCsv: "day.json")
        #expect(same.status == .usage)
        #expect(same.errors == "desk: --out and --stops-csv name the same file (\(out)): one would overwrite the other; give each its own path\n")
        let empty = GenerateCommand.execute(stops: 5, couriers: 2, seed: 1, rain: false, out: out, stopsCsv: "")
        #expect(empty.status == .usage)
        #expect(empty.errors == "desk: --stops-csv is empty: give the path of a file to write\n")
        #expect(GenerateCommand.execute(stops: 5, couriers: 2, seed: 1, rain: false, out: "").status == .usage)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    } }
}
