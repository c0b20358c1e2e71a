import DispatchPlan
import DispatchRisk
import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel

/// `desk replan` end to end: numbered plans beside the old one, a replan of a replan, and the
/// errors that exit 65 without writing anything.
@Suite(.serialized) struct ReplanCommandTests {
    /// A folder with a copy of the small day, planned.
    static func plannedFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "desk-replan-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try TextFile.writeAtomically(try TextFile.read(Fixture.scenarios + "/small-day.json"), to: folder + "/day.json")
        let result = PlanCommand.execute(path: folder + "/day.json", seconds: 600, iterations: 30, seed: 3, workers: 1, out: folder + "/plan.json")
        #expect(result.status == .ok, "\(result.errors)")
        return folder
    }

    /// An empty folder of its own for one test.
    static func emptyFolder(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "desk-replan-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func files(_ folder: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    @Test func replansAreNumberedBesideTheOldPlanWhichNeverChanges() throws {
        let folder = try Self.plannedFolder("chain")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try PlanReader.load(path: folder + "/plan.json")
        let oldBytes = try TextFile.read(folder + "/plan.json")
        // The first scan of the day: the earliest stop of any courier.
        let earliest = try #require(plan.routes.compactMap { route in route.stops.first.map { (route.courier, $0) } }
            .min { $0.1.departure < $1.1.departure })
        let (courier, first) = earliest
        let time = Clock.format(first.departure.rounded(.up))
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon\n\(time),\(courier),\(first.id),done,,\n", to: folder + "/events.csv")
        try TextFile.writeAtomically("id,kind,lat,lon,weightKg,window\nr1,pickup,30.28,120.125,2,\n", to: folder + "/new.csv")
        let one = ReplanCommand.execute(plan: folder + "/plan.json", now: 10 * 60, events: folder + "/events.csv", newStops: folder + "/new.csv",
                                        iterations: 10, workers: 1)
        #expect(one.status == .ok, "\(one.errors)")
        #expect(one.output.contains("new r1: c"))
        #expect(Self.files(folder).contains("plan.1.json") && Self.files(folder).contains("plan.1.scenario.json")
            && Self.files(folder).contains("plan.1.diff.json"))
        #expect(try TextFile.read(folder + "/plan.json") == oldBytes)
        let replanned = try PlanReader.load(path: folder + "/plan.1.json")
        #expect(replanned.routes.first { $0.courier == courier }?.stops.first { $0.id == first.id }?.status == .done)
        #expect(replanned.scenario?.path == "plan.1.scenario.json")
        // A replan of the replan: the next number, with the new stop still there.
        let two = ReplanCommand.execute(plan: folder + "/plan.1.json", now: 11 * 60, newStops: nil, iterations: 10, workers: 1)
        #expect(two.status == .ok, "\(two.errors)")
        let again = try PlanReader.load(path: folder + "/plan.2.json")
        #expect(again == replanned.withScenario(again.scenario))
        #expect(again.scenario?.path == "plan.1.scenario.json")
    }

    /// The new scenario a replan writes (with new stops) keeps the day's risk block, a model
    /// calibrated on the outlet's scans: it was dropped, and reports on the replanned day used the
    /// defaults.
    @Test func theNewScenarioKeepsTheDaysRiskBlock() throws {
        let folder = try Self.emptyFolder("risk")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let day = try TextFile.read(Fixture.scenarios + "/small-day.json")
        guard let brace = day.lastIndex(of: "}") else { Issue.record("no closing brace"); return }
        let block = #"{"rideLogMean": 0.05, "daySD": 0.2, "courierSD": 0.1, "rideSD": 0.3, "serviceLogMean": 0.1, "serviceSD": 0.4}"#
        try TextFile.writeAtomically(String(day[..<brace]) + ",\n  \"risk\": \(block)\n}\n", to: folder + "/day.json")
        let planned = PlanCommand.execute(path: folder + "/day.json", seconds: 600, iterations: 30, seed: 3, workers: 1, out: folder + "/plan.json")
        #expect(planned.status == .ok, "\(planned.errors)")
        try TextFile.writeAtomically("id,kind,lat,lon,weightKg,window\nr1,pickup,30.28,120.125,2,\n", to: folder + "/new.csv")
        let replanned = ReplanCommand.execute(plan: folder + "/plan.json", now: 10 * 60, newStops: folder + "/new.csv", iterations: 10, workers: 1)
        #expect(replanned.status == .ok, "\(replanned.errors)")
        let defaults = RiskModel.defaults(weather: nil)
        let before = try RiskProfileFile.scenarioRisk(path: folder + "/day.json", defaults: defaults)
        let after = try RiskProfileFile.scenarioRisk(path: folder + "/plan.1.scenario.json", defaults: defaults)
        #expect(before != nil && after == before)
        #expect(after?.model.daySD == 0.2)
    }

    @Test func aSlottedStopThatFailsOnARetryOutletIsReplannedWithItsSlotAsAPromise() throws {
        let folder = try Self.emptyFolder("slot-retry")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let day = try TextFile.read(Fixture.scenarios + "/small-day.json")
            .replacingOccurrences(of: #""reloadMinutes": 10"#, with: #""reloadMinutes": 10, "failedDelivery": "retry""#)
        try TextFile.writeAtomically(day, to: folder + "/day.json")
        let planned = PlanCommand.execute(path: folder + "/day.json", seconds: 600, iterations: 30, seed: 3, workers: 1, slotWidth: 60,
                                          out: folder + "/plan.json")
        try #require(planned.status == .ok, "\(planned.errors)")
        let plan = try PlanReader.load(path: folder + "/plan.json")
        // The day's first stop fails: retried after its courier is back, well past the slot its customer was told.
        let (courier, first) = try #require(plan.routes.compactMap { route in route.stops.first.map { (route.courier, $0) } }
            .min { $0.1.departure < $1.1.departure })
        let slot = try #require(first.slot)
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon,reason\n\(Clock.format(first.departure.rounded(.up))),\(courier),\(first.id),failed,,,not_home\n",
                                     to: folder + "/events.csv")
        let replanned = ReplanCommand.execute(plan: folder + "/plan.json", now: first.departure + 1, events: folder + "/events.csv",
                                              iterations: 30, workers: 1, out: folder + "/plan.1.json")
        #expect(replanned.status == .ok, "\(replanned.errors)")
        let retried = try #require(PlanReader.load(path: folder + "/plan.1.json").routes.flatMap(\.stops).first { $0.id == first.id })
        #expect(retried.status == .planned && retried.slot == slot && retried.promise == slot)
        #expect(retried.start > Double(slot.end) && retried.late > 0 && replanned.output.contains("about \(first.id)"))
    }

    @Test func badInputsExit65NamingTheLineAndWriteNothing() throws {
        let folder = try Self.plannedFolder("bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = Self.files(folder)
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon\n09:00,c01,nosuch,done,,\n", to: folder + "/unknown.csv")
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon\n06:00,c01,p00001,done,,\n", to: folder + "/early.csv")
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon\n10:30,c01,p00001,done,,\n", to: folder + "/late.csv")
        try TextFile.writeAtomically("id,kind,lat,lon,weightKg\nr1,pickup,30.28,120.125,2\nr2,pickup,30.28,north,1\n", to: folder + "/new.csv")
        let written = Self.files(folder)
        for (events, new, needle) in [("unknown.csv", nil, "unknown.csv:2: stop:"), ("early.csv", nil, "early.csv:2: time:"),
                                      ("late.csv", nil, "late.csv:2: time:"), (nil, "new.csv", "new.csv:3: lon:")] as [(String?, String?, String)] {
            let result = ReplanCommand.execute(plan: folder + "/plan.json", now: 10 * 60, events: events.map { folder + "/" + $0 },
                                               newStops: new.map { folder + "/" + $0 }, iterations: 5, workers: 1)
            #expect(result.status == .dataError, "\(result.output)")
            #expect(result.errors.contains(needle), "\(result.errors)")
            #expect(Self.files(folder) == written)
        }
        #expect(ReplanCommand.execute(plan: folder + "/plan.json", now: 600, events: folder + "/missing.csv").status == .noInput)
        // A scenario that changed since the plan was made.
        try TextFile.writeAtomically(try TextFile.read(folder + "/day.json") + "\n", to: folder + "/day.json")
        let changed = ReplanCommand.execute(plan: folder + "/plan.json", now: 600, iterations: 5, workers: 1)
        #expect(changed.status == .dataError)
        #expect(changed.errors.contains("changed since this plan was made"))
        #expect(Self.files(folder) == written)
        #expect(before.count + 4 == written.count)
    }

    @Test func aGPSGlitchOnATripUnderWayIsBadInputNotABug() throws {
        let folder = try Self.plannedFolder("glitch")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plan = try PlanReader.load(path: folder + "/plan.json")
        // A courier out on a trip: seen half-way through it, before its first scan.
        let route = try #require(plan.routes.first { $0.trips.count > 0 && $0.trips[0].stops.count > 1 })
        let trip = route.trips[0]
        let seen = Clock.format(((trip.departure + (trip.stops.first?.arrival ?? trip.departure)) / 2).rounded(.up))
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon\n\(seen),\(route.courier),,position,0,0\n", to: folder + "/null-island.csv")
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon\n\(seen),\(route.courier),,position,32.08,120.13\n", to: folder + "/far.csv")
        let written = Self.files(folder)
        for name in ["null-island.csv", "far.csv"] {
            let result = ReplanCommand.execute(plan: folder + "/plan.json", now: trip.departure + 60, events: folder + "/" + name,
                                               iterations: 5, workers: 1)
            #expect(result.status == .dataError, "\(result.errors)")
            #expect(result.errors.contains("\(name):2: lat: ") && result.errors.contains("km from the outlet"), "\(result.errors)")
            #expect(Self.files(folder) == written)
        }
    }

    @Test func aPositionOnADayTimedByAMatrixIsNotUsed() throws {
        let folder = NSTemporaryDirectory() + "desk-replan-matrix-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["matrix-day.json", "matrix-day.csv"] {
            try TextFile.writeAtomically(try TextFile.read(Fixture.path(name)), to: folder + "/" + name)
        }
        let planned = PlanCommand.execute(path: folder + "/matrix-day.json", seconds: 600, iterations: 10, seed: 1, workers: 1, out: folder + "/plan.json")
        #expect(planned.status == .ok, "\(planned.errors)")
        // The matrix has no rides from where the handheld was: the courier is taken to be on plan.
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon\n08:05,c1,,position,30.2801,120.1322\n", to: folder + "/events.csv")
        let result = ReplanCommand.execute(plan: folder + "/plan.json", now: 8 * 60 + 10, events: folder + "/events.csv", iterations: 5, workers: 1)
        #expect(result.status == .ok, "\(result.errors)")
        let replanned = try PlanReader.load(path: folder + "/plan.1.json")
        #expect(replanned.routes.flatMap(\.trips).allSatisfy { $0.resume == nil })
    }

    @Test func aFailedStopRetriedOnADayTimedByAMatrixRestartsTheTripAtThatStop() throws {
        let folder = NSTemporaryDirectory() + "desk-replan-matrix-retry-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TextFile.writeAtomically(try TextFile.read(Fixture.path("matrix-day.csv")), to: folder + "/matrix-day.csv")
        let day = try TextFile.read(Fixture.path("matrix-day.json"))
            .replacingOccurrences(of: #""day": "08:00-12:00"}"#, with: #""day": "08:00-12:00", "failedDelivery": "retry"}"#)
        #expect(day.contains("retry"))
        try TextFile.writeAtomically(day, to: folder + "/matrix-day.json")
        let planned = PlanCommand.execute(path: folder + "/matrix-day.json", seconds: 600, iterations: 10, seed: 1, workers: 1, out: folder + "/plan.json")
        #expect(planned.status == .ok, "\(planned.errors)")
        let plan = try PlanReader.load(path: folder + "/plan.json")
        // The plan rides o → b → c → a → o: b is done at 08:08, c fails at 08:11 and is tried again later.
        #expect(plan.routes.first?.stops.map(\.id) == ["b", "c", "a"])
        try TextFile.writeAtomically("time,courier,stop,event,lat,lon,reason\n08:08,c1,b,done,,,\n08:11,c1,c,failed,,,not_home\n",
                                     to: folder + "/events.csv")
        let result = ReplanCommand.execute(plan: folder + "/plan.json", now: 8 * 60 + 12, events: folder + "/events.csv", iterations: 5, workers: 1)
        #expect(result.status == .ok, "\(result.errors)")
        let replanned = try PlanReader.load(path: folder + "/plan.1.json")
        let trips = try #require(replanned.routes.first?.trips)
        // From c (left at 08:11) to a (4 min), a done at 08:16, back in 5 min: 08:21; c again after the reload.
        #expect(trips.first?.resume == Plan.Resume(afterStops: 1, time: 491, location: .geographic(lat: 30.2821, lon: 120.1342), stop: "c"))
        #expect(trips.first?.returnTime == 501)
        #expect(trips.count == 2 && trips.last?.stops.map(\.id) == ["c"] && (trips.last?.departure ?? 0) >= 511)
        // The plan written is read back and replanned again.
        let again = ReplanCommand.execute(plan: folder + "/plan.1.json", now: 8 * 60 + 30, events: nil, iterations: 5, workers: 1)
        #expect(again.status == .ok, "\(again.errors)")
    }

    @Test func newStopsTheDayCannotTakeExit65AtTheirLineAndWriteNothing() throws {
        let folder = try Self.plannedFolder("new-invalid")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(name: String, text: String, now: Double, needle: String)] = [
            ("heavy.csv", "id,lat,lon,kind,window,weightKg\nr1,30.28,120.13,pickup,after 14:00,5000\n", 11 * 60,
             "heavy.csv:2: weightKg: stop r1: 5000 kg is more than any courier can carry (largest: 350 kg)"),
            ("skill.csv", "id,lat,lon,kind,window,skills\nr1,30.28,120.13,pickup,after 14:00,teleporter\n", 11 * 60,
             "skill.csv:2: skills: stop r1: needs skill \"teleporter\", which no courier has"),
            ("half.csv", "id,lat,lon,kind,shipment\nr0,30.28,120.13,pickup,\nr1,30.28,120.13,shipment_pickup,s9\n", 11 * 60,
             "half.csv:3: shipment: shipment \"s9\" has 1 pickup(s) and 0 delivery(ies)"),
            ("shared.csv", "id,lat,lon,kind,shipment\nr1,30.28,120.13,shipment_pickup,s0001\n", 11 * 60,
             "shared.csv:2: shipment: stop r1: shipment \"s0001\" is already in the day"),
            // Asked at 19:10, answered at 19:40: the window the day would keep starts after every shift.
            ("late.csv", "id,lat,lon,kind,window\nr1,30.28,120.13,pickup,19:00-21:00\n", 19 * 60 + 10,
             "late.csv:2: window: stop r1: window \"19:40-21:00\" (19:40-21:00) lies outside every courier's shift"),
            // A scenario JSON read with its own (large) courier: the day's couriers decide, at the field's line.
            ("heavy.json", """
             {"format": "dispatchdesk.scenario/1", "outlet": {"lat": 30.2791, "lon": 120.1312},
              "couriers": [{"id": "big", "capacityKg": 6000}],
              "stops": [
                {"id": "r1", "lat": 30.28, "lon": 120.13,
                 "weightKg": 5000}
              ]}
             """, 11 * 60, "heavy.json:5: weightKg: stop r1: 5000 kg"),
        ]
        for item in cases { try TextFile.writeAtomically(item.text, to: folder + "/" + item.name) }
        let written = Self.files(folder)
        for item in cases {
            let result = ReplanCommand.execute(plan: folder + "/plan.json", now: item.now, newStops: folder + "/" + item.name, iterations: 5, workers: 1)
            #expect(result.status == .dataError, "\(item.name): \(result.output)")
            #expect(result.errors.contains(item.needle), "\(result.errors)")
            #expect(Self.files(folder) == written)
        }
    }

    @Test func aReplanWithNothingNewWritesTheSamePlan() throws {
        let folder = try Self.plannedFolder("same")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = ReplanCommand.execute(plan: folder + "/plan.json", now: 12 * 60, iterations: 5, workers: 1)
        #expect(result.status == .ok, "\(result.errors)")
        // The same routes, times, statuses and scenario (the summary's total km may differ in the
        // last digit: it is summed from the routes' rounded km when read back).
        #expect(try PlanReader.load(path: folder + "/plan.1.json") == PlanReader.load(path: folder + "/plan.json"))
        #expect(result.output.contains("0 stops moved between couriers, 0 ETAs changed"))
        #expect(result.output.contains("written again unchanged"))
    }
}

extension Plan {
    /// The plan with another scenario reference.
    func withScenario(_ reference: ScenarioReference?) -> Plan {
        var plan = self
        plan.scenario = reference
        return plan
    }
}
