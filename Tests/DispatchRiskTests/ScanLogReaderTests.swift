import Testing
@testable import DispatchRisk

@Suite struct ScanLogReaderTests {
    static let header = "date,courier,stop,arrived,departed,status\n"

    @Test func readsBothTimeFormsAndStatuses() throws {
        let text = Self.header + "2026-12-01,c01,p1,08:10,08:12:30,done\n2026-12-01,c01,p2,8:20:05,08:25,failed\n"
        let entries = try ScanLogReader.read(text: text, path: "log.csv", knownStops: ["p1", "p2"])
        #expect(entries.count == 2)
        #expect(entries[0].arrived == 490 && entries[0].departed == 492.5)
        #expect(abs(entries[1].arrived - (500 + 5.0 / 60)) < 1e-12)
        #expect(entries[1].status == .failed)
        #expect(entries[1].line == 3)
    }

    @Test(arguments: [
        ("2026-12-01,c01,p9,08:10,08:12,done\n", 2, "stop"),
        ("2026-12-01,c01,p1,8:1,08:12,done\n", 2, "arrived"),
        ("2026-12-01,c01,p1,08:10,08:61,done\n", 2, "departed"),
        ("2026-12-01,c01,p1,08:10,08:09,done\n", 2, "departed"),
        ("2026-13-01,c01,p1,08:10,08:12,done\n", 2, "date"),
        ("2026-12-01,c01,p1,08:10,08:12,lost\n", 2, "status"),
        ("2026-12-01,c01,p1,08:10,08:12,done\n2026-12-01,c01,p1,08:20,08:22,done\n", 3, "stop"),
        ("2026-12-01,c01,p1,08:10,08:12:7,done\n", 2, "departed"),
    ])
    func errorsNameTheFileLineAndField(body: String, line: Int, field: String) {
        #expect {
            _ = try ScanLogReader.read(text: Self.header + body, path: "log.csv", knownStops: ["p1", "p2"])
        } throws: { error in
            guard case let .invalid(path, errorLine, errorField, _) = error as? RiskDataError else { return false }
            return path == "log.csv" && errorLine == line && errorField == field
        }
    }

    @Test func aWrongHeaderIsRefused() {
        #expect(throws: RiskDataError.invalid(path: "l.csv", line: 1, field: "when", message: "unknown column (expected date,courier,stop,arrived,departed,status)")) {
            try ScanLogReader.read(text: "date,courier,stop,when,departed,status\n", path: "l.csv")
        }
    }

    @Test func writtenLogsReadBack() throws {
        let entries = [ScanLogEntry(date: "2026-12-31", courier: "c1", stop: "s,1", arrived: 600.5, departed: 610, status: .failed)]
        let back = try ScanLogReader.read(text: ScanLogReader.csv(entries), path: "x")
        #expect(back.map(\.stop) == ["s,1"])
        #expect(back[0].arrived == 600.5 && back[0].departed == 610 && back[0].status == .failed)
        #expect(ScanDate.adding(1, to: "2026-12-31") == "2027-01-01")
        #expect(ScanDate.adding(1, to: "2028-02-28") == "2028-02-29")
    }

    /// Simulated days are dated as the reader reads them: four-digit years, zero-padded; past
    /// 9999 the date is one the reader refuses (so `desk simulate` refuses such a day count).
    @Test func datesCountedForwardKeepFourDigitYears() {
        #expect(ScanDate.adding(1, to: "0000-01-01") == "0000-01-02")
        #expect(ScanDate.isValid(ScanDate.adding(1, to: "0000-01-01")))
        #expect(ScanDate.adding(1, to: "0999-12-31") == "1000-01-01")
        #expect(ScanDate.isValid(ScanDate.adding(1, to: "9999-12-30")))
        #expect(!ScanDate.isValid(ScanDate.adding(2, to: "9999-12-30")))
    }
}
