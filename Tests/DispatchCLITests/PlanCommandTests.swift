import Foundation
import Testing
@testable import DispatchCLI
@testable import DispatchModel

@Suite struct PlanCommandTests {
    @Test func smallDayIsPlannedCheckedAndWritten() throws {
        let folder = NSTemporaryDirectory() + "desk-plan-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/plan.json"
        let result = PlanCommand.execute(path: Fixture.scenarios + "/small-day.json", seconds: 600, iterations: 300, seed: 3, out: out)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("unassigned: 0"))
        let root = try JSONParser.parse(try TextFile.read(out))
        guard case .array(let routes)? = root.value["routes"]?.value else { Issue.record("no routes"); return }
        let ids = routes.flatMap { route -> [String] in
            guard case .array(let stops)? = route.value["stops"]?.value else { return [] }
            return stops.compactMap { if case .string(let id)? = $0.value["id"]?.value { return id }; return nil }
        }
        #expect(ids.count == 60)
        #expect(Set(ids).count == 60)
    }

    @Test func solomonInstanceIsPlannedWithCustomerNumbersAsIds() {
        let result = PlanCommand.execute(path: Fixture.scenarios + "/solomon/C101.txt", seconds: 600, iterations: 200, seed: 1)
        #expect(result.status == .ok, "\(result.errors)")
        #expect(result.output.contains("unassigned: 0"))
    }

    @Test func brokenScenarioIsRefusedWith65() {
        let result = PlanCommand.execute(path: Fixture.path("broken-day.json"), seconds: 1, iterations: 10, seed: 1)
        #expect(result.status == .dataError)
        #expect(result.errors.contains("duplicate stop id \"p001\""))
    }
}
