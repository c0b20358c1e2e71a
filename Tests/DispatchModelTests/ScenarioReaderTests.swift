import Testing
@testable import DispatchModel

/// A one-courier scenario around `stops` (JSON object texts, one per line from line 6).
private func scenarioText(stops: [String], courier: String = #"{"id": "c1", "capacityKg": 100, "shift": "08:00-20:00"}"#) -> String {
    """
    {
      "format": "dispatchdesk.scenario/1",
      "outlet": {"id": "o1", "lat": 30.2791, "lon": 120.1312},
      "couriers": [\(courier)],
      "stops": [
    \(stops.joined(separator: ",\n"))
      ]
    }
    """
}

private func messages(_ loaded: LoadedScenario) -> [String] { loaded.diagnostics.map(\.description) }

@Suite struct ScenarioReaderTests {
    @Test func syntaxErrorNamesTheLine() {
        let loaded = ScenarioReader.read(text: "{\n  \"format\": \"dispatchdesk.scenario/1\",\n  \"outlet\": {,\n}", path: "bad.json")
        #expect(messages(loaded) == ["bad.json:3: json: expected a quoted key"])
    }

    @Test func wrongFormatVersionIsAnError() {
        let text = scenarioText(stops: [#"{"id": "a", "lat": 30.28, "lon": 120.13}"#]).replacing("scenario/1", with: "scenario/9")
        let loaded = ScenarioReader.read(text: text, path: "s.json")
        #expect(messages(loaded).contains { $0.hasPrefix("s.json:2: format:") && $0.contains("not supported") })
    }

    @Test func missingCoordinatesAndTyposAreReported() {
        let loaded = ScenarioReader.read(text: scenarioText(stops: [
            #"{"id": "a", "lat": 30.28}"#,
            #"{"id": "b", "lat": 30.28, "lon": 120.13, "widnow": "after 18:30"}"#,
            #"{"id": "c", "lat": 95, "lon": 120.13}"#,
            #"{"id": "d", "lat": 30.28, "lon": 120.13, "weightKg": "heavy"}"#,
            #"{"id": "e", "lat": 30.28, "lon": 120.13, "handover": "drone"}"#,
        ]), path: "s.json")
        let m = messages(loaded)
        #expect(m.contains("s.json:6: lon: stop a: is missing"))
        #expect(m.contains("s.json:7: widnow: warning: stop b: unknown field, ignored"))
        #expect(m.contains("s.json:8: lat: stop c: 95 is out of range (-90…90)"))
        // A string is never read as a number in JSON, whatever it says.
        #expect(m.contains("s.json:9: weightKg: stop d: expected a number, found a string"))
        #expect(m.contains { $0.hasPrefix("s.json:10: handover: stop e: \"drone\" is not one of") })
        #expect(loaded.scenario.stops.map(\.id) == ["b"])
    }

    @Test func planningChecksNameTheStop() {
        let loaded = ScenarioReader.read(text: scenarioText(stops: [
            #"{"id": "late", "lat": 30.28, "lon": 120.13, "window": "after 20:30"}"#,
            #"{"id": "cold", "lat": 30.28, "lon": 120.13, "skills": ["cold"]}"#,
            #"{"id": "bulky", "lat": 30.28, "lon": 120.13, "volumeLitres": 5000}"#,
            #"{"id": "half", "kind": "shipment_pickup", "shipment": "s1", "lat": 30.28, "lon": 120.13}"#,
        ], courier: #"{"id": "c1", "capacityKg": 100, "capacityLitres": 1500, "shift": "08:00-20:00"}"#), path: "s.json")
        let m = messages(loaded)
        #expect(m.contains("s.json:6: window: stop late: window \"after 20:30\" (20:30-21:00) lies outside every courier's shift (08:00-20:00)"))
        #expect(m.contains("s.json:7: skills: stop cold: needs skill \"cold\", which no courier has"))
        #expect(m.contains("s.json:8: volumeLitres: stop bulky: 5000 L is bulkier than any courier can carry (largest: 1500 L)"))
        #expect(m.contains("s.json:9: shipment: shipment \"s1\" has 1 pickup(s) and 0 delivery(ies); it needs exactly one of each"))
        #expect(loaded.errors.count == 4)
    }

    @Test func noCouriersIsAnError() {
        let text = scenarioText(stops: [#"{"id": "a", "lat": 30.28, "lon": 120.13}"#]).replacing(#"[{"id": "c1", "capacityKg": 100, "shift": "08:00-20:00"}]"#, with: "[]")
        let loaded = ScenarioReader.read(text: text, path: "s.json")
        // On the line of the empty list, once (it was also given at line 0, the whole file).
        #expect(messages(loaded).filter { $0.contains("no couriers") } == ["s.json:4: couriers: no couriers: nothing can be planned"])
        // Couriers that cannot be read are each their own error; no second one about the list.
        let unreadable = ScenarioReader.read(text: scenarioText(stops: [#"{"id": "a", "lat": 30.28, "lon": 120.13}"#],
                                                                courier: #"{"id": "c1", "capacityKg": 100, "speedKmh": 0.5}"#), path: "s.json")
        #expect(messages(unreadable) == ["s.json:4: speedKmh: courier c1: 0.5 must be at least 1"])
    }

    @Test func csvParcelsKeepTheirLines() throws {
        let csv = try CSVTable.parse("id,lat,lon,window,note\r\na,30.28,120.13,\"10:00-12:00, 14:00-16:00\",\"say \"\"hi\"\"\"\r\nb,30.28,120.13,after 25:00,\r\n")
        #expect(csv.rows.count == 2)
        #expect(csv.rows[0].cells[4] == "say \"hi\"")
        let log = DiagnosticLog()
        var loaded = LoadedScenario(scenario: Scenario(name: "", outlet: Outlet(id: "o", name: "", location: .geographic(lat: 30.28, lon: 120.13)), couriers: [], stops: []),
                                    stopSources: [], courierSources: [], diagnostics: [])
        ScenarioReader.readStops(csv, path: "p.csv", day: TimeWindow(start: 420, end: 1260), log: log, into: &loaded)
        #expect(loaded.scenario.stops.count == 1)
        #expect(loaded.scenario.stops[0].windows.count == 2)
        #expect(log.items.map(\.description) == ["p.csv:3: window: stop b: cannot read time window \"after 25:00\": 25:00 is not a time of day"])
    }

    @Test func csvWithAnOpenQuoteIsASyntaxError() {
        #expect(throws: CSVTable.SyntaxError(line: 2, message: "a quoted field is not closed")) {
            _ = try CSVTable.parse("id,lat\n\"a,1\n")
        }
    }

    @Test func jsonRoundTripsThroughTheWriter() throws {
        let value = JSONValue.object(["a": .number(1.5), "b": .array([.string("x\"y\n"), .bool(true), .null]), "c": .string("网点")])
        let parsed = try JSONParser.parse(JSONWriter.write(value))
        #expect(parsed.value == value)
    }

    /// A Solomon file missing its VEHICLE section is still read as Solomon, so that the error
    /// names what is missing instead of a JSON reader's "unexpected character".
    @Test func solomonInstanceWithoutItsVehicleSectionIsReportedAsSuch() {
        let text = "C101\n\n  25         200\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n    0      40         50          0          0       1236          0\n    1      45         68         10        912        967         90\n"
        #expect(SolomonReader.looksLikeSolomon(text))
        let loaded = SolomonReader.read(text: text, path: "C101.txt")
        #expect(!loaded.errors.isEmpty)
        #expect(!loaded.errors.contains { $0.field == "json" })
        #expect(!SolomonReader.looksLikeSolomon("{\"name\": \"CUSTOMER\"}"))
    }

    @Test func solomonInstanceIsRead() {
        let text = "C101\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  25         200\r\n\r\nCUSTOMER\r\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n \r\n    0      40         50          0          0       1236          0   \r\n    1      45         68         10        912        967         90   \r\n"
        #expect(SolomonReader.looksLikeSolomon(text))
        let loaded = SolomonReader.read(text: text, path: "C101.txt")
        #expect(loaded.errors.isEmpty)
        #expect(loaded.scenario.couriers.count == 25)
        #expect(loaded.scenario.stops.first?.id == "1")
        #expect(loaded.scenario.stops.first?.windows == [TimeWindow(start: 912, end: 967)])
        #expect(loaded.scenario.outlet.day == TimeWindow(start: 0, end: 1236))
    }
}
