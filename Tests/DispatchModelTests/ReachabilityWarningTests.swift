import Testing
@testable import DispatchModel

@Suite struct ReachabilityWarningTests {
    func loaded(promise: TimeWindow?, windows: [TimeWindow], availableFrom: Int? = nil) -> LoadedScenario {
        let outlet = Outlet(id: "o", name: "o", location: .geographic(lat: 30.2791, lon: 120.1312))
        let courier = Courier(id: "c", name: "c", capacityKg: 100, shift: TimeWindow(start: 8 * 60, end: 19 * 60))
        // 2 km out: 2 × 1.3 km at 15 km/h is 10.4 minutes, so 08:10 at the earliest.
        let stop = Stop(id: "p", location: outlet.location.offset(kilometres: 2, bearing: 0), windows: windows, promise: promise,
                        availableFrom: availableFrom)
        let scenario = Scenario(name: "t", outlet: outlet, couriers: [courier], stops: [stop])
        return LoadedScenario(scenario: scenario, stopSources: [SourceLocation(file: "day.json", line: 7, fieldLines: ["promise": 9, "window": 8])],
                              courierSources: [], diagnostics: [])
    }

    @Test func aPromiseThatEndsBeforeAnyCourierCanArriveIsWarnedAbout() {
        let early = ScenarioValidator.validate(loaded(promise: TimeWindow(start: 7 * 60, end: 8 * 60), windows: [TimeWindow(start: 7 * 60, end: 10 * 60)]))
        #expect(early.map(\.description) == ["day.json:9: promise: warning: stop p: the promised slot 07:00-08:00 ends before any courier can get there (08:10 at the earliest)"])
        let fine = ScenarioValidator.validate(loaded(promise: TimeWindow(start: 8 * 60, end: 9 * 60), windows: [TimeWindow(start: 7 * 60, end: 10 * 60)]))
        #expect(fine.isEmpty)
    }

    @Test func aParcelOnTheSecondTruckCannotMakeAMorningWindow() {
        let late = ScenarioValidator.validate(loaded(promise: nil, windows: [TimeWindow(start: 7 * 60, end: 12 * 60)], availableFrom: 13 * 60))
        #expect(late.map(\.description) == ["day.json:8: window: warning: stop p: every window ends before any courier can get there (13:10 at the earliest)"])
    }
}
