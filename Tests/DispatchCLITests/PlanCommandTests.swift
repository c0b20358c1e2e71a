import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel
import DispatchPlan

@Suite struct PlanCommandTests {
    /// A promised stop the plan leaves out (here: outside the zone) is a promise not kept today,
    /// and the summary counts it instead of reporting every promise kept.
    @Test func aPromisedStopLeftOutCountsAsAPromiseNotKept() throws {
        let folder = NSTemporaryDirectory() + "desk-plan-unserved-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let day = try TextFile.read(Fixture.scenarios + "/small-day.json")
        // p00060, promised 08:30-09:30, moved 11 km north: outside the 3 km zone.
        #expect(day.contains(#""id": "p00060", "kind": "delivery", "lat": 30.300903"#))
        let far = day.replacing(#""id": "p00060", "kind": "delivery", "lat": 30.300903"#, with: #""id": "p00060", "kind": "delivery", "lat": 30.400903"#)
        try far.write(toFile: folder + "/far.json", atomically: true, encoding: .utf8)
        let result = PlanCommand.execute(path: folder + "/far.json", seconds: 600, iterations: 300, seed: 3, workers: 1)
        #expect(result.status == .ok, "\(result.errors)")
        let line = result.output.split(separator: "\n").first { $0.hasPrefix("promises: ") }.map(String.init) ?? ""
        #expect(line.hasSuffix(", 1 not served today"), "\(line)")
        let counts = line.dropFirst("promises: ".count).split(separator: " ")
        #expect(counts.count > 2 && Int(counts[0]) ?? 0 < Int(counts[2]) ?? 0, "\(line)")
    }

    @Test func smallDayIsPlannedCheckedAndWritten() throws {
        let folder = NSTemporaryDirectory() + "desk-plan-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/plan.json"
        let result = PlanCommand.execute(path: Fixture.scenarios + "/small-day.json", seconds: 600, iterations: 300, seed: 3, out: out,
                                         sheets: folder + "/sheets.txt")
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("unassigned: 0"))
        let root = try JSONParser.parse(try TextFile.read(out))
        guard case .array(let routes)? = root.value["routes"]?.value else { Issue.record("no routes"); return }
        let ids = routes.flatMap { route -> [String] in
            guard case .array(let trips)? = route.value["trips"]?.value else { return [] }
            return trips.flatMap { trip -> [String] in
                guard case .array(let stops)? = trip.value["stops"]?.value else { return [] }
                return stops.compactMap { if case .string(let id)? = $0.value["id"]?.value { return id }; return nil }
            }
        }
        // Every stop of the scenario, once, by its own id.
        let scenario = try ScenarioInput.load(Fixture.scenarios + "/small-day.json").scenario
        #expect(ids.count == 60)
        #expect(Set(ids) == Set(scenario.stops.map(\.id)))
        // The plan names its scenario by a path relative to the plan and the bytes' SHA-256.
        guard case .string(let sha)? = root.value["scenario"]?.value["sha256"]?.value,
              case .string(let relative)? = root.value["scenario"]?.value["path"]?.value else { Issue.record("no scenario reference"); return }
        #expect(sha == SHA256.hex(try #require(FileManager.default.contents(atPath: Fixture.scenarios + "/small-day.json"))))
        #expect(FileManager.default.fileExists(atPath: folder + "/" + relative))
        // One sheet per courier who goes out, a line for each of its trips, each stop on its own
        // numbered line.
        let sheetLines = try TextFile.read(folder + "/sheets.txt").split(separator: "\n")
        #expect(sheetLines.filter { $0.contains(" stops in ") && $0.contains(", leave ") }.count == routes.count)
        let tripsWithStops = routes.reduce(0) { count, route in
            guard case .array(let trips)? = route.value["trips"]?.value else { return count }
            return count + trips.filter { trip in
                if case .array(let stops)? = trip.value["stops"]?.value { return !stops.isEmpty }
                return false
            }.count
        }
        #expect(tripsWithStops >= routes.count)
        #expect(sheetLines.filter { $0.hasPrefix("Trip ") }.count == tripsWithStops)
        #expect(sheetLines.filter { $0.first?.isNumber == true }.count == 60)
    }

    @Test func solomonInstanceIsPlannedWithCustomerNumbersAsIds() {
        let result = PlanCommand.execute(path: Fixture.scenarios + "/solomon/C101.txt", seconds: 600, iterations: 200, seed: 1)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("unassigned: 0"))
    }

    @Test func bothLimitsBindWhicheverComesFirst() {
        // Ten million iterations cannot run in half a second: the time limit stops the search.
        let result = PlanCommand.execute(path: Fixture.scenarios + "/small-day.json", seconds: 0.5, iterations: 10_000_000, seed: 1)
        #expect(result.status == .ok, "\(result.errors)")
        let iterations = result.output.split(separator: "\n").first { $0.hasPrefix("search: ") }
            .flatMap { Int($0.dropFirst("search: ".count).prefix { $0.isNumber }) }
        #expect(iterations.map { $0 < 10_000_000 } == true, "\(result.output)")
    }

    @Test func aPublishedPlanTellsEveryCustomerASlotHoldingTheETA() throws {
        let folder = NSTemporaryDirectory() + "desk-plan-slots-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/plan.json"
        let result = PlanCommand.execute(path: Fixture.scenarios + "/small-day.json", seconds: 600, iterations: 100, seed: 3, slotWidth: 60, out: out)
        #expect(result.status == .ok, "\(result.errors)")
        let plan = try PlanReader.read(text: try TextFile.read(out), path: out)
        let visits = plan.routes.flatMap(\.stops)
        #expect(visits.count == 60)
        for visit in visits {
            let slot = try #require(visit.slot, "\(visit.id) has no slot")
            if let promise = visit.promise {
                // The promise is the slot; a locker or guard handover may come before it.
                #expect(slot == promise)
                #expect(visit.start <= Double(slot.end) + 1e-6, "\(visit.id): ETA \(visit.start) after \(slot)")
            } else {
                #expect(slot.end - slot.start <= 60)
                #expect(Double(slot.start) <= visit.start + 1e-6 && visit.start <= Double(slot.end) + 1e-6, "\(visit.id): ETA \(visit.start) outside \(slot)")
            }
        }
    }

    @Test func weightFromTheCommandLineChangesThePlan() throws {
        // A km costing a million dwarfs every other term: the plan's distance cannot grow, and
        // the cost printed moves with the weight.
        let plain = PlanCommand.execute(path: Fixture.scenarios + "/small-day.json", seconds: 600, iterations: 200, seed: 3)
        let heavy = PlanCommand.execute(path: Fixture.scenarios + "/small-day.json", seconds: 600, iterations: 200, seed: 3,
                                        weights: ["perKm": 1_000_000])
        #expect(plain.status == .ok && heavy.status == .ok, "\(plain.errors)\(heavy.errors)")
        func km(_ output: String) -> Double? {
            output.split(separator: "\n").first { $0.hasPrefix("distance: ") }
                .flatMap { Double($0.dropFirst("distance: ".count).prefix { $0.isNumber || $0 == "." }) }
        }
        let plainKm = try #require(km(plain.output)), heavyKm = try #require(km(heavy.output))
        #expect(heavyKm <= plainKm + 1e-9, "km \(heavyKm) with perKm=1e6 against \(plainKm)")
        #expect(throws: (any Error).self) { try PlanCommand.parseWeights(["offTerritory=-1"]) }
        #expect(throws: (any Error).self) { try PlanCommand.parseWeights(["speed=3"]) }
        // A weight that would make the day's cost infinite (a plan file cannot hold it).
        #expect(throws: (any Error).self) { try PlanCommand.parseWeights(["perKm=1e308"]) }
        #expect(try PlanCommand.parseWeights(["unassigned=1e9"]) == ["unassigned": 1e9])
        #expect(try PlanCommand.parseWeights(["offTerritory=100", "perKm=2"]) == ["offTerritory": 100, "perKm": 2])
        // The promise margin is a share of the day, from 0 to 0.5.
        #expect(try PlanCommand.parseWeights(["promiseMargin=0.25"]) == ["promiseMargin": 0.25])
        #expect(throws: (any Error).self) { try PlanCommand.parseWeights(["promiseMargin=0.6"]) }
    }

    @Test func brokenScenarioIsRefusedWith65() {
        let result = PlanCommand.execute(path: Fixture.path("broken-day.json"), seconds: 1, iterations: 10, seed: 1)
        #expect(result.status == .dataError)
        #expect(result.errors.contains("duplicate stop id \"p001\""))
    }
}

@Suite struct LiLimInputTests {
    @Test func liLimInstanceBecomesShipmentsAndIsPlannedPickupFirst() throws {
        let path = Fixture.path("lilim-tiny.txt")
        let loaded = try ScenarioInput.load(path)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenario.stops.map(\.kind) == [.shipmentPickup, .shipmentDelivery, .shipmentPickup, .shipmentDelivery])
        #expect(loaded.scenario.stops.map(\.shipment) == ["s1", "s1", "s3", "s3"])
        #expect(loaded.scenario.couriers.count == 4)
        let result = PlanCommand.execute(path: path, seconds: 600, iterations: 200, seed: 1)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("unassigned: 0"))
    }

    @Test func brokenLiLimRowIsReportedWithItsLine() throws {
        let loaded = LiLimReader.read(text: "2\t50\t1\n0\t0\t0\t0\t0\t100\t0\t0\t0\n1\t1\t1\t5\t0\t50\t1\t0\t9\n", path: "bad.txt")
        #expect(loaded.diagnostics.map(\.description) == ["bad.txt:3: delivery: task 1 names no existing delivery partner that names it back"])
    }
}

@Suite struct TravelMatrixInputTests {
    @Test func measuredMatrixIsUsedForPlanningAndChecking() throws {
        let path = Fixture.path("matrix-day.json")
        let loaded = try ScenarioInput.load(path)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        guard case .matrix(let matrix) = loaded.scenario.travel else {
            Issue.record("travel model is not the matrix")
            return
        }
        #expect(Set(matrix.ids) == ["o", "a", "b", "c"])
        let folder = NSTemporaryDirectory() + "desk-matrix-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = PlanCommand.execute(path: path, seconds: 600, iterations: 100, seed: 1, out: folder + "/plan.json")
        #expect(result.status == .ok, "\(result.errors)")
        // The matrix's kilometres, not great-circle ones (the stops are ~150 m apart): of the six
        // tours, o-a-c-b-o and o-b-c-a-o are shortest at 1.0 + 0.8 + 0.4 + 1.5 = 3.7 km, and the
        // matrix's minutes give 5+1 + 4+1 + 2+1 + 7 = 21 minutes.
        #expect(result.output.contains("distance: 3.70 km"), "\(result.output)")
        #expect(result.output.contains("working day longest 21 min"), "\(result.output)")
    }

    @Test func missingMatrixPairIsAnError() throws {
        let text = try TextFile.read(Fixture.path("matrix-day.csv")).split(separator: "\n").filter { !$0.hasPrefix("b,c,") }.joined(separator: "\n")
        let table = try CSVTable.parse(text)
        let folder = NSTemporaryDirectory() + "desk-matrix-missing-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TextFile.writeAtomically(CSVTable.write(header: table.header, rows: table.rows.map(\.cells)), to: folder + "/matrix-day.csv")
        try TextFile.writeAtomically(try TextFile.read(Fixture.path("matrix-day.json")), to: folder + "/matrix-day.json")
        let loaded = try ScenarioInput.load(folder + "/matrix-day.json")
        #expect(loaded.errors.contains { $0.message.contains("1 ordered pairs have no row, e.g. b → c") }, "\(loaded.diagnostics)")
    }
}

/// `--slot-width`: one range for `desk plan` and `desk replan`, stated in their help.
@Suite struct PlanCommandSlotWidthTests {
    @Test func planAndReplanAcceptTheSameSlotWidthsAndSayWhichInTheirHelp() {
        for minutes in [10, 19, 20, 60, 600, 700, 720, 721] {
            let plan = (try? PlanCommand.parse(["day.json", "--slot-width", "\(minutes)"])) != nil
            let replan = (try? ReplanCommand.parse(["plan.json", "--now", "10:00", "--slot-width", "\(minutes)"])) != nil
            #expect(plan == (20...720).contains(minutes), "desk plan --slot-width \(minutes)")
            #expect(replan == (20...720).contains(minutes), "desk replan --slot-width \(minutes)")
        }
        let flat = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(flat(PlanCommand.helpMessage(columns: 200)).contains("(20–720)"))
        #expect(flat(ReplanCommand.helpMessage(columns: 200)).contains("(20–720)"))
    }
}
