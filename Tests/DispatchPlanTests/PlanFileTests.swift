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
