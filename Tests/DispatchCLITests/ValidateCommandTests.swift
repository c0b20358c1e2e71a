import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel

@Suite struct ValidateCommandTests {
    @Test func brokenDayListsEveryMistakeOnItsOwnLine() {
        let path = Fixture.path("broken-day.json")
        let result = ValidateCommand.execute(file: path, json: false)
        #expect(result.status == .dataError)
        let lines = result.output.split(separator: "\n").map(String.init)
        // Duplicate id: the second p001, on line 12, pointing back to line 10.
        #expect(lines.contains("\(path):12: id: duplicate stop id \"p001\" (first at \(path):10)"))
        // Bad phrase, quoted.
        #expect(lines.contains("\(path):13: window: stop p004: cannot read time window \"after 25:00\": 25:00 is not a time of day"))
        // Over-heavy parcel.
        #expect(lines.contains("\(path):15: weightKg: stop p006: 480 kg is more than any courier can carry (largest: 300 kg)"))
        // Out of zone: a warning that still appears in the report.
        #expect(lines.contains("\(path):14: lat: warning: stop p005: 4.0 km from the outlet, outside the 3.0 km zone; it will not be routed and is listed as unassigned"))
        #expect(lines.filter { $0.hasPrefix(path + ":") && $0.dropFirst(path.count + 1).first?.isNumber == true }.count == 4)
        #expect(lines.last == "\(path): 3 error(s), 1 warning(s); the scenario cannot be planned")
    }

    @Test func shippedOutletDayIsValid() {
        let result = ValidateCommand.execute(file: Fixture.scenarios + "/outlet-day.json", json: false)
        #expect(result.status == .ok)
        #expect(result.output.contains("stops: 2000"))
        #expect(result.output.contains("couriers: 22"))
    }

    @Test(arguments: ["small-day.json", "rainy-day.json", "peak-day.json"])
    func everyShippedScenarioIsValid(_ name: String) {
        let result = ValidateCommand.execute(file: Fixture.scenarios + "/" + name, json: false)
        #expect(result.status == .ok, "\(result.output)")
    }

    @Test func missingFileExits66() {
        let result = ValidateCommand.execute(file: Fixture.path("no-such-file.json"), json: false)
        #expect(result.status == .noInput)
        #expect(result.errors.contains("no-such-file.json: no such file"))
    }

    @Test func jsonOutputIsTheNormalisedScenario() throws {
        let result = ValidateCommand.execute(file: Fixture.path("csv-day.json"), json: true)
        #expect(result.status == .ok)
        let scenario = try JSONDecoder().decode(Scenario.self, from: Data(result.output.utf8))
        #expect(scenario.stops.map(\.id) == ["q1", "q2", "q3", "q4"])
        #expect(scenario.stops[0].windows == [TimeWindow(start: 600, end: 720), TimeWindow(start: 840, end: 960)])
        #expect(scenario.stops[3].windows == [TimeWindow(start: 1110, end: 1260)])
    }

    @Test func jsonOutputOfABrokenFileListsTheErrors() throws {
        let result = ValidateCommand.execute(file: Fixture.path("broken-day.json"), json: true)
        #expect(result.status == .dataError)
        let root = try JSONParser.parse(result.output)
        guard case .array(let errors)? = root.value["errors"]?.value else {
            Issue.record("no errors array")
            return
        }
        #expect(errors.count == 4)
    }

    /// The `"risk"` block is part of the scenario: a value `desk report` would refuse makes
    /// `desk validate` fail on its line, and `desk plan` stops before searching (it used to pass
    /// validation, plan for its whole budget and then fail writing the report).
    @Test func anInvalidRiskBlockIsAnErrorOfTheScenario() throws {
        let folder = NSTemporaryDirectory() + "desk-validate-risk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let day = try TextFile.read(Fixture.scenarios + "/small-day.json")
        guard let brace = day.lastIndex(of: "}") else { Issue.record("no closing brace"); return }
        let path = folder + "/risky.json"
        let lines = day[..<brace].split(separator: "\n", omittingEmptySubsequences: false).count
        try (String(day[..<brace]) + ",\n  \"risk\": {\"daySD\": 99}\n}\n").write(toFile: path, atomically: true, encoding: .utf8)

        let result = ValidateCommand.execute(file: path, json: false)
        #expect(result.status == .dataError)
        #expect(result.output.contains("\(path):\(lines + 1): daySD: expected a number in 0.0…3.0"), "\(result.output)")

        let plan = PlanCommand.execute(path: path, seconds: 600, iterations: 100_000, seed: 1, workers: 1, out: folder + "/plan.json")
        #expect(plan.status == .dataError)
        #expect(plan.errors.contains("daySD"), "\(plan.errors)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/plan.json"))

        // The same block with a value in range is read, and the day is valid.
        try (String(day[..<brace]) + ",\n  \"risk\": {\"daySD\": 0.1}\n}\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ValidateCommand.execute(file: path, json: false).status == .ok)
    }
}
