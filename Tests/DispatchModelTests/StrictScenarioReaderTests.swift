import Foundation
import Testing
@testable import DispatchModel

/// JSON values of another type than documented are errors, never coerced; duplicates are errors.
@Suite struct StrictScenarioReaderTests {
    static func scenario(stop: String, travel: String = "") -> String {
        """
        {
          "format": "dispatchdesk.scenario/1",\(travel)
          "outlet": {"id": "o", "lat": 30.2791, "lon": 120.1312},
          "couriers": [{"id": "c1", "capacityKg": 100, "shift": "08:00-20:00"}],
          "stops": [
            \(stop)
          ]
        }
        """
    }

    @Test(arguments: [
        (#"{"id": 7, "lat": 30.28, "lon": 120.13}"#, "id: stop #1: expected text, found a number"),
        (#"{"id": "a", "lat": "30.28", "lon": 120.13}"#, "lat: stop a: expected a number, found a string"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "weightKg": "5"}"#, "weightKg: stop a: expected a number, found a string"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "skills": "cold"}"#, "skills: stop a: expected a list, found a string"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "window": 18}"#, "window: stop a: expected text, found a number"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "serviceMinutes": true}"#, "serviceMinutes: stop a: expected a number, found a boolean"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "weightKg": ""}"#, "weightKg: stop a: expected a number, found a string"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "lat": 31}"#, "json: key \"lat\" appears twice in one object"),
        (#"{"id": "a", "lat": 030.28, "lon": 120.13}"#, "json: a number must not start with 0"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13,}"#, "json: expected a quoted key"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "window": "25:00-26:00"}"#, "window: stop a: cannot read time window"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "window": "after 13pm"}"#, "window: stop a: cannot read time window \"after 13pm\": 13pm is not a time of day"),
        (#"{"id": "a", "lat": 30.28, "lon": 120.13, "window": "10点75分以后"}"#, "window: stop a: cannot read time window"),
    ])
    func aValueOfTheWrongTypeIsAnErrorOnItsLine(_ stop: String, _ message: String) {
        let loaded = ScenarioReader.read(text: Self.scenario(stop: stop), path: "s.json")
        #expect(loaded.errors.contains { $0.description.hasPrefix("s.json:6: " + message) }, "\(loaded.errors.map(\.description))")
        #expect(loaded.scenario.stops.isEmpty)
    }

    @Test func csvCellsAreReadAsDecimalNumbersOnly() throws {
        let table = try CSVTable.parse("id,lat,lon,weightKg\na,30.28,120.13,0x10\nb,30.28,120.13,inf\nc,30.28,120.13,2.5\n")
        var loaded = LoadedScenario(scenario: Scenario(name: "", outlet: Outlet(id: "o", name: "", location: .geographic(lat: 30.28, lon: 120.13)),
                                                       couriers: [], stops: []), stopSources: [], courierSources: [], diagnostics: [])
        let log = DiagnosticLog()
        ScenarioReader.readStops(table, path: "p.csv", day: .wholeDay, log: log, into: &loaded)
        #expect(log.items.map(\.description) == [#"p.csv:2: weightKg: stop a: "0x10" is not a number"#,
                                                 #"p.csv:3: weightKg: stop b: "inf" is not a number"#])
        #expect(loaded.scenario.stops.map(\.id) == ["c"])
    }

    @Test func aDayAboveTheCeilingIsRefusedBeforeAnyStopIsRead() throws {
        let folder = NSTemporaryDirectory() + "desk-ceiling-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 100,000 parcels in a small generated CSV (every row the same place: size, not realism).
        var csv = "id,lat,lon\n"
        csv.reserveCapacity(2_500_000)
        for k in 0..<100_000 { csv += "p\(k),30.28,120.13\n" }
        try csv.write(toFile: folder + "/parcels.csv", atomically: true, encoding: .utf8)
        let json = Self.scenario(stop: "").replacing(#""stops": ["#, with: #""stopsFile": "parcels.csv", "stops": ["#)
        try json.write(toFile: folder + "/day.json", atomically: true, encoding: .utf8)
        let loaded = try ScenarioReader.load(path: folder + "/day.json")
        #expect(loaded.errors.count == 1)
        #expect(loaded.errors.first?.message.hasPrefix("100000 stops is more than one plan can hold (at most 12000); split the day") == true,
                "\(loaded.errors)")
        #expect(loaded.scenario.stops.isEmpty)
    }

    @Test func matrixIsReadOnlyForTheScenarioPlaces() throws {
        // 200,000 ids the scenario does not have: an error naming the first lines, and a summary,
        // with memory sized by the scenario's four places (this crashed `desk validate` before).
        var csv = "from,to,minutes,km\n"
        csv.reserveCapacity(6_000_000)
        for a in ["o", "a", "b", "c"] { for b in ["o", "a", "b", "c"] where a != b { csv += "\(a),\(b),1,1\n" } }
        for k in 0..<200_000 { csv += "x\(k),y\(k),1,1\n" }
        let log = DiagnosticLog()
        let matrix = TravelMatrixReader.read(try CSVTable.parse(csv), path: "m.csv", places: ["o", "a", "b", "c"], log: log)
        #expect(matrix == nil)
        #expect(log.items.count == TravelMatrixReader.listedErrors + 1)
        #expect(log.items.first?.description == #"m.csv:14: from: travel matrix: "x0" is neither the outlet nor a stop of the scenario"#)
        #expect(log.items.last?.description == "m.csv:0: from: travel matrix: 199980 more row(s) name places the scenario does not have")
    }

    @Test func matrixPairGivenTwiceIsAnError() throws {
        let csv = "from,to,minutes,km\no,a,1,1\na,o,1,1\no,a,2,2\n"
        let log = DiagnosticLog()
        let matrix = TravelMatrixReader.read(try CSVTable.parse(csv), path: "m.csv", places: ["o", "a"], log: log)
        #expect(matrix == nil)
        #expect(log.items.map(\.description) == ["m.csv:4: from: travel matrix: o → a is given twice"])
    }

    @Test func matrixOverExactlyThePlacesIsRead() throws {
        let csv = "from,to,minutes,km\no,a,1,2\na,o,3,4\n"
        let log = DiagnosticLog()
        let matrix = TravelMatrixReader.read(try CSVTable.parse(csv), path: "m.csv", places: ["o", "a"], log: log)
        #expect(log.items.isEmpty)
        #expect(matrix == TravelMatrix(ids: ["o", "a"], minutes: [0, 1, 3, 0], kilometres: [0, 2, 4, 0]))
    }
}
