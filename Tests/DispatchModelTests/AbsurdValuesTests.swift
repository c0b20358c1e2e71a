import Testing
@testable import DispatchModel

/// Values inside a field's type but far outside any real day (a speed of 1e-17 km/h, a weight of
/// 1e308) are errors on their own line, and a time no clock can show prints as "--:--": before,
/// such values trapped converting a time to an `Int` (exit 132) or wrote a plan `desk` could not
/// read back.
@Suite struct AbsurdValuesTests {
    static func scenario(courier: String = #""speedKmh": 15"#, travel: String = "", objective: String = "",
                         stop: String = #""serviceMinutes": 3"#, outlet: String = #""lat": 30.2791, "lon": 120.1312"#,
                         place: String = #""lat": 30.28, "lon": 120.13"#) -> String {
        """
        {
          "format": "dispatchdesk.scenario/1",\(travel)\(objective)
          "outlet": {"id": "o", \(outlet)},
          "couriers": [{"id": "c1", "capacityKg": 100, "shift": "08:00-20:00", \(courier)}],
          "stops": [
            {"id": "a", \(place), \(stop)}
          ]
        }
        """
    }

    @Test(arguments: [
        (scenario(courier: #""speedKmh": 1e-17"#), "s.json:4: speedKmh: courier c1: 1e-17 must be at least 1"),
        (scenario(courier: #""speedKmh": 900"#), "s.json:4: speedKmh: courier c1: 900 must be at most 200"),
        (scenario(travel: #"\#n  "travel": {"model": "haversine", "speedFactor": 1e-308},"#), "s.json:3: speedFactor: travel: 1e-308 must be at least 0.05"),
        (scenario(travel: #"\#n  "travel": {"model": "haversine", "detourFactor": 1e308},"#), "s.json:3: detourFactor: travel: 1e+308 must be at most 10"),
        (scenario(objective: #"\#n  "objective": {"perKm": 1e308},"#), "s.json:3: perKm: objective: 1e+308 must be at most 1000000000"),
        (scenario(stop: #""serviceMinutes": 1e300"#), "s.json:6: serviceMinutes: stop a: 1e+300 must be at most 1440"),
        (scenario(objective: #"\#n  "objective": {"promiseMargin": 0.7},"#), "s.json:3: promiseMargin: objective: 0.7 must be at most 0.5"),
    ])
    func anAbsurdValueIsAnErrorOnItsLine(_ text: String, _ message: String) {
        let loaded = ScenarioReader.read(text: text, path: "s.json")
        #expect(loaded.errors.contains { $0.description.hasPrefix(message) }, "\(loaded.errors.map(\.description))")
    }

    @Test func realValuesAtTheBoundsAreRead() {
        let text = Self.scenario(courier: #""speedKmh": 1"#,
                                 travel: #"\#n  "travel": {"model": "haversine", "detourFactor": 10, "speedFactor": 0.05},"#,
                                 objective: #"\#n  "objective": {"unassigned": 1000000000, "promiseMargin": 0.5},"#, stop: #""serviceMinutes": 1440"#)
        let loaded = ScenarioReader.read(text: text, path: "s.json")
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))")
        #expect(loaded.scenario.couriers.first?.speedKmh == 1)
        #expect(loaded.scenario.objectiveWeights["unassigned"] == 1e9 && loaded.scenario.objectiveWeights["promiseMargin"] == 0.5)
    }

    /// A planar day whose scale makes every ride last for ages: one error naming the travel model
    /// (the validator used to crash formatting the arrival time of its warning).
    @Test func aRideLongerThanAWeekIsAnError() {
        let text = Self.scenario(travel: #"\#n  "travel": {"model": "euclidean", "unitsPerMinute": 1e-16},"#,
                                 outlet: #""x": 0, "y": 0"#, place: #""x": 1, "y": 1"#)
        let loaded = ScenarioReader.read(text: text, path: "s.json")
        let all = loaded.diagnostics + ScenarioValidator.validate(loaded)
        let errors = all.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("s.json:7: travel: stop a: the fastest ride from the outlet takes more than a million days") }, "\(errors)")
        // A ride of an hour at the same scale's sane value is no error.
        let sane = Self.scenario(travel: #"\#n  "travel": {"model": "euclidean", "unitsPerMinute": 1},"#,
                                 outlet: #""x": 0, "y": 0"#, place: #""x": 30, "y": 40"#)
        let saneLoaded = ScenarioReader.read(text: sane, path: "s.json")
        #expect((saneLoaded.diagnostics + ScenarioValidator.validate(saneLoaded)).filter { $0.severity == .error }.isEmpty)
    }

    @Test(arguments: [
        (Double.infinity, "--:--"), (-Double.infinity, "--:--"), (Double.nan, "--:--"), (1e300, "--:--"),
        (Double(Int.max), "--:--"), (Clock.latestPrintableMinute + 1, "--:--"),
        (600.4, "10:00"), (1440, "24:00"), (1_739 * 60 + 51, "1739:51"), (-5, "00:00"),
    ] as [(Double, String)])
    func clockTimesPrintWithoutTrapping(_ minute: Double, _ text: String) {
        #expect(Clock.format(minute) == text)
    }
}
