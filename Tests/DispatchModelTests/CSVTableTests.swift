import Testing
@testable import DispatchModel

/// RFC 4180: every line ending, exact field counts, unique header names, quotes that close.
@Suite struct CSVTableTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingEndsARecord(_ end: String) throws {
        let table = try CSVTable.parse(["id,weightKg", "a,1", "b,2", ""].joined(separator: end))
        #expect(table.rows.map(\.cells) == [["a", "1"], ["b", "2"]])
        #expect(table.rows.map(\.line) == [2, 3])
    }

    @Test func aShortRowIsAnErrorNotPadded() {
        #expect(throws: CSVTable.SyntaxError(line: 3, message: "2 field(s), but the header has 3")) {
            try CSVTable.parse("id,weightKg,window\na,1,after 18:30\nb,2\n")
        }
    }

    @Test func aLongRowIsAnError() {
        #expect(throws: CSVTable.SyntaxError(line: 2, message: "3 field(s), but the header has 2")) {
            try CSVTable.parse("id,weightKg\na,1,x\n")
        }
    }

    @Test func aDuplicatedHeaderNameIsAnError() {
        #expect(throws: CSVTable.SyntaxError(line: 1, message: #"the header names "lat" twice (columns 2 and 3)"#)) {
            try CSVTable.parse("id,lat,lat\na,1,2\n")
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect(throws: CSVTable.SyntaxError.self) { try CSVTable.parse("id,note\na,\"a\"x\n") }
        #expect(throws: CSVTable.SyntaxError.self) { try CSVTable.parse("id,note\na,b\"c\n") }
        #expect(throws: CSVTable.SyntaxError(line: 2, message: "a quoted field is not closed")) { try CSVTable.parse("id,note\na,\"open\n") }
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaksAndCountTheirLines() throws {
        let table = try CSVTable.parse("id,note\na,\"one, \"\"two\"\"\r\nthree\"\nb,\"\"\n")
        #expect(table.rows.map(\.cells) == [["a", "one, \"two\"\r\nthree"], ["b", ""]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func crOnlyParcelsFileReadsEveryParcel() throws {
        // Old spreadsheet exports end lines with CR alone: this read as zero parcels before.
        let csv = "id,lat,lon,weightKg\r" + (1...5).map { "p\($0),30.28,120.13,\($0)" }.joined(separator: "\r") + "\r"
        var loaded = LoadedScenario(scenario: Scenario(name: "", outlet: Outlet(id: "o", name: "", location: .geographic(lat: 30.28, lon: 120.13)),
                                                       couriers: [], stops: []), stopSources: [], courierSources: [], diagnostics: [])
        let log = DiagnosticLog()
        ScenarioReader.readStops(try CSVTable.parse(csv), path: "p.csv", day: .wholeDay, log: log, into: &loaded)
        #expect(loaded.scenario.stops.map(\.weightKg) == [1, 2, 3, 4, 5])
        #expect(loaded.stopSources.map(\.line) == [2, 3, 4, 5, 6])
        #expect(log.items.isEmpty)
    }
}
