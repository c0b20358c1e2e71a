import Foundation
import Testing
import DispatchModel
@testable import DispatchPlan

@Suite struct PlanFileTests {
    var sample: Plan {
        let a = Plan.Visit(id: "p1", arrival: 487.3125, start: 490, departure: 492, early: 0, late: 4,
                           windows: [TimeWindow(start: 480, end: 600), TimeWindow(start: 840, end: 900)],
                           promise: TimeWindow(start: 450, end: 486), status: .planned)
        let b = Plan.Visit(id: "p2", arrival: 800, start: 800, departure: 802.25, slot: TimeWindow(start: 780, end: 840), status: .done)
        let route = Plan.CourierRoute(courier: "c01", trips: [
            Plan.Trip(departure: 480, returnTime: 530.5, stops: [a], loadKg: 6.7, peakKg: 6.7, peakLitres: 40),
            Plan.Trip(departure: 780, returnTime: 820, stops: [b], loadKg: 1, peakKg: 1, peakLitres: 2),
        ], distance: 12.345, shiftStart: 480)
        return Plan(name: "day", scenario: Plan.ScenarioReference(path: "day.json", sha256: String(repeating: "ab", count: 32)),
                    objective: "outlet", routes: [route], unassigned: [Plan.Unassigned(id: "p3", reason: "outside the zone")],
                    cost: 123.5, statistics: ["iterations": 10])
    }

    @Test func version2RoundTrips() throws {
        let text = PlanWriter.json(sample)
        #expect(text.contains("\"format\": \"dispatchdesk.plan/2\""))
        #expect(text.contains("\"eta\": \"08:10\""))
        let back = try PlanReader.read(text: text, path: "plan.json")
        #expect(back == sample)
        #expect(back.routes[0].trips.count == 2)
        #expect(back.promisesBroken == 1)
        #expect(back.latestReturn == 820)
    }

    @Test func summaryFiguresAreWritten() throws {
        let text = PlanWriter.json(sample)
        let root = try JSONParser.parse(text)
        guard case .number(let broken)? = root.value["summary"]?.value["promisesBroken"]?.value else { Issue.record("no summary"); return }
        #expect(broken == 1)
        guard case .number(let working)? = root.value["routes"]?.value else { return }
        _ = working
    }

    @Test func version1IsStillRead() throws {
        let v1 = """
        {
          "format": "dispatchdesk.plan/1",
          "summary": {"scenario": "old day", "couriersUsed": 1, "distance": 5.5, "duration": 60, "lateness": 2, "unassigned": 1, "cost": 99},
          "routes": [
            {"courier": "c01", "departure": 480, "return": 540, "distance": 5.5,
             "stops": [{"id": "p00017", "arrival": 487.31, "start": 487.31, "departure": 489.31, "eta": "08:07", "lateness": 2}]}
          ],
          "unassigned": [{"id": "p01999", "reason": "outside the zone"}]
        }
        """
        let plan = try PlanReader.read(text: v1, path: "old.json")
        #expect(plan.name == "old day")
        #expect(plan.scenario == nil)
        #expect(plan.routes.count == 1)
        #expect(plan.routes[0].trips.count == 1)
        #expect(plan.routes[0].stops.map(\.id) == ["p00017"])
        #expect(plan.routes[0].stops[0].late == 2)
        #expect(plan.routes[0].returnTime == 540)
        #expect(plan.unassigned == [Plan.Unassigned(id: "p01999", reason: "outside the zone")])
    }

    @Test func truncatedOrForeignFilesAreClearErrors() {
        let text = PlanWriter.json(sample)
        let truncated = String(text.prefix(text.count / 2))
        #expect(throws: PlanFileError.self) { try PlanReader.read(text: truncated, path: "cut.json") }
        do {
            _ = try PlanReader.read(text: "{\"format\": \"dispatchdesk.scenario/1\"}", path: "s.json")
            Issue.record("a scenario was read as a plan")
        } catch {
            #expect(error.description.hasPrefix("s.json:1: format: "))
        }
        do {
            _ = try PlanReader.read(text: "{\"format\": \"dispatchdesk.plan/2\",\n \"routes\": [{\"courier\": 7}], \"unassigned\": []}", path: "t.json")
            Issue.record("a number courier was accepted")
        } catch {
            #expect(error.description.contains("t.json:2: "))
        }
    }

    /// A plan whose routes read `routes` (one JSON line a route) and whose unassigned list reads
    /// `unassigned`, in format v2.
    static func planText(routes: [String], unassigned: String = "[]") -> String {
        "{\"format\": \"dispatchdesk.plan/2\",\n \"routes\": [\n" + routes.joined(separator: ",\n") + "\n ],\n \"unassigned\": " + unassigned + "\n}"
    }

    static func route(_ courier: String, _ stops: [String]) -> String {
        let visits = stops.map { "{\"id\": \"\($0)\", \"arrival\": 1, \"start\": 1, \"departure\": 2}" }
        return "  {\"courier\": \"\(courier)\", \"km\": 1, \"trips\": [{\"departure\": 0, \"return\": 9, \"stops\": [" + visits.joined(separator: ", ") + "]}]}"
    }

    /// Times outside a week are refused on their line: `desk report` trapped turning a time of
    /// 1e300 into a whole minute.
    @Test(arguments: [("\"arrival\": 487.3125", "\"arrival\": 1e300", "arrival"),
                      ("\"departure\": 480", "\"departure\": -5", "departure"),
                      ("\"late\": 4", "\"late\": 99999", "late")])
    func aTimeOutsideAWeekIsAClearError(_ written: String, _ edited: String, _ field: String) throws {
        let text = PlanWriter.json(sample)
        #expect(text.contains(written))
        let broken = text.replacing(written, with: edited, maxReplacements: 1)
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(edited) }.map { $0 + 1 }
        do {
            _ = try PlanReader.read(text: broken, path: "plan.json")
            Issue.record("accepted \(edited)")
        } catch {
            #expect(error.description.hasPrefix("plan.json:\(line ?? 0): \(field): "), "\(error.description)")
            #expect(error.description.contains("is not a minute from 0 to 10080"))
        }
    }

    @Test func aStopPlannedTwiceOrACourierWithTwoRoutesIsAClearError() throws {
        // Lines: 1 format, 2 "routes", 3 and 4 the routes, 5 "]", 6 unassigned.
        let cases: [(text: String, expected: String)] = [
            (Self.planText(routes: [Self.route("c01", ["p1", "p2"]), Self.route("c02", ["p3", "p1"])]),
             "day.json:4: stops[].id: stop \"p1\" appears twice in the plan (first at line 3)"),
            (Self.planText(routes: [Self.route("c01", ["p1", "p1"]), Self.route("c02", ["p3"])]),
             "day.json:3: stops[].id: stop \"p1\" appears twice in the plan (first at line 3)"),
            (Self.planText(routes: [Self.route("c01", ["p1"]), Self.route("c01", ["p2"])]),
             "day.json:4: routes[].courier: courier \"c01\" appears twice in the plan (first at line 3)"),
            (Self.planText(routes: [Self.route("c01", ["p1"]), Self.route("c02", ["p2"])],
                           unassigned: "[{\"id\": \"p2\", \"reason\": \"outside the zone\"}]"),
             "day.json:6: unassigned[].id: stop \"p2\" appears twice in the plan (first at line 4)"),
        ]
        for (text, expected) in cases {
            do {
                _ = try PlanReader.read(text: text, path: "day.json")
                Issue.record("accepted: \(expected)")
            } catch {
                #expect(error.description == expected)
            }
        }
        // The same stops once each read.
        let plan = try PlanReader.read(text: Self.planText(routes: [Self.route("c01", ["p1", "p2"]), Self.route("c02", ["p3"])],
                                                           unassigned: "[{\"id\": \"p4\", \"reason\": \"outside the zone\"}]"), path: "day.json")
        #expect(plan.routes.flatMap { $0.stops.map(\.id) } == ["p1", "p2", "p3"])
        #expect(plan.unassigned.map(\.id) == ["p4"])
    }

    @Test func aRouteWithoutTripsIsRefusedOnItsLine() throws {
        // Lines: 1 format, 2 "routes", 3 a route, 4 the empty route, 5 "]", 6 unassigned.
        let empty = "  {\"courier\": \"c02\", \"km\": 0, \"trips\": []}"
        do {
            _ = try PlanReader.read(text: Self.planText(routes: [Self.route("c01", ["p1"]), empty]), path: "day.json")
            Issue.record("a route without trips was accepted")
        } catch {
            #expect(error.description == "day.json:4: trips: courier \"c02\" has no trips: a route has at least one (a courier who does not go out has no route)")
        }
    }

    /// The day `PlanFileTests.route` plans: couriers c01 and c02, stops p1…p4.
    static var day: Scenario {
        let here = Location.geographic(lat: 30, lon: 120)
        let couriers = ["c01", "c02"].map { Courier(id: $0, name: $0, capacityKg: 100, shift: TimeWindow(start: 480, end: 1200)) }
        return Scenario(name: "day", outlet: Outlet(id: "o", name: "o", location: here), couriers: couriers,
                        stops: ["p1", "p2", "p3", "p4"].map { Stop(id: $0, location: here) })
    }

    @Test func aPlanMustAccountForItsScenarioDayAndNothingElse() throws {
        // Lines: 1 format, 2 "routes", 3 and 4 the routes, 5 "]", 6 unassigned.
        let fourthUnassigned = "[{\"id\": \"p4\", \"reason\": \"outside the zone\"}]"
        let cases: [(text: String, expected: String)] = [
            (Self.planText(routes: [Self.route("c01", ["p1", "p2"]), Self.route("c99", ["p3"])], unassigned: fourthUnassigned),
             "day.plan.json:4: routes[].courier: courier \"c99\" is not in the scenario day.json"),
            (Self.planText(routes: [Self.route("c01", ["p1", "p2"]), Self.route("c02", ["p3", "p5"])], unassigned: fourthUnassigned),
             "day.plan.json:4: stops[].id: stop \"p5\" is not in the scenario day.json"),
            (Self.planText(routes: [Self.route("c01", ["p1", "p2"]), Self.route("c02", ["p3"])],
                           unassigned: "[{\"id\": \"p4\", \"reason\": \"x\"}, {\"id\": \"p6\", \"reason\": \"x\"}]"),
             "day.plan.json:6: unassigned[].id: stop \"p6\" is not in the scenario day.json"),
            // A stop dropped from its trip and not unassigned: the parcel would be lost.
            (Self.planText(routes: [Self.route("c01", ["p1", "p2"]), Self.route("c02", ["p3"])]),
             "day.plan.json:6: unassigned: stop \"p4\" of the scenario day.json is neither in a route nor unassigned: a plan lists every stop of its day once"),
            (Self.planText(routes: [Self.route("c01", ["p1"])]), // one route: "unassigned" on line 5
             "day.plan.json:5: unassigned: 3 stops of the scenario day.json (\"p2\", \"p3\", \"p4\") are neither in a route nor unassigned: a plan lists every stop of its day once"),
        ]
        for (text, expected) in cases {
            let file = try PlanReader.readFile(text: text, path: "day.plan.json")
            do {
                try file.check(against: Self.day, scenarioPath: "day.json")
                Issue.record("accepted: \(expected)")
            } catch {
                #expect(error.description == expected)
            }
        }
        // Every stop once, by the scenario's couriers: accepted.
        let whole = try PlanReader.readFile(text: Self.planText(routes: [Self.route("c01", ["p1", "p2"]), Self.route("c02", ["p3"])],
                                                                unassigned: fourthUnassigned), path: "day.plan.json")
        try whole.check(against: Self.day, scenarioPath: "day.json")
        #expect(whole.stopLines == ["p1": 3, "p2": 3, "p3": 4, "p4": 6])
        #expect(whole.routeLines == ["c01": 3, "c02": 4])
        #expect(whole.unassignedLine == 6)
    }

    @Test func aPlanThatIsNotUTF8IsBadDataOnItsLineAndAFolderCannotBeOpened() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-read-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([0x7B, 0x0A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: folder + "/plan.json"))
        #expect(throws: PlanFileError.invalid(path: folder + "/plan.json", line: 2, field: "encoding",
                                              message: "the file is not UTF-8 text (save it as UTF-8 and try again)")) {
            try PlanReader.load(path: folder + "/plan.json")
        }
        var plan = sample
        plan.scenario = Plan.ScenarioReference(path: ".", sha256: String(repeating: "0", count: 64))
        #expect(throws: PlanFileError.unreadable(path: folder + "/.", reason: "the scenario the plan names is a directory, not a regular file")) {
            try PlanReader.scenarioPath(of: plan, planPath: folder + "/plan.json")
        }
    }

    @Test func aChangedScenarioIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-sha-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenarioText = "{\"format\": \"dispatchdesk.scenario/1\"}\n"
        try scenarioText.write(toFile: folder + "/day.json", atomically: true, encoding: .utf8)
        var plan = sample
        plan.scenario = Plan.ScenarioReference(path: "day.json", sha256: SHA256.hex(Array(scenarioText.utf8)))
        #expect(try PlanReader.scenarioPath(of: plan, planPath: folder + "/plan.json") == folder + "/day.json")
        try (scenarioText + " ").write(toFile: folder + "/day.json", atomically: true, encoding: .utf8)
        do {
            _ = try PlanReader.scenarioPath(of: plan, planPath: folder + "/plan.json")
            Issue.record("a changed scenario was accepted")
        } catch {
            #expect(error.description.contains("changed since this plan was made"))
        }
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(long) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
