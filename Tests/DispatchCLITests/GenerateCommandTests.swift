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

    @Test func generatedFilesAreWrittenAtomicallyAndReadBack() throws {
        let folder = NSTemporaryDirectory() + "desk-generate-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/day.json"
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
    }
}
