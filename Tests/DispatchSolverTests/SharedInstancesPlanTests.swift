import Foundation
import Testing
@testable import DispatchModel
@testable import DispatchSolver
import DispatchPlan
import DispatchCheck

/// Every shared instance (Solomon 56, Gehring–Homberger 400, Li & Lim 200) reads and plans, and the
/// plan passes the independent checker. A short search: this is about reading and planning at all,
/// not about quality. Skips with a message when `../shared/instances` is absent.
@Suite struct SharedInstancesPlanTests {
    static var root: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4) // file, DispatchSolverTests, Tests, the checkout folder
        return parts.joined(separator: "/") + "/shared/instances"
    }

    static var available: Bool { FileManager.default.fileExists(atPath: root + "/solomon/BKS.csv") }

    static var instances: [String] {
        ["solomon", "homberger400", "lilim200"].flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
            return names.filter { $0.lowercased().hasSuffix(".txt") }.sorted().map { folder + "/" + $0 }
        }
    }

    @Test func theSharedFolderHoldsEightyInstances() {
        guard Self.available else { return } // absent: the test below is skipped with its message
        #expect(Self.instances.count == 80)
    }

    @Test(.enabled(if: available, "../shared/instances is absent: shared instances not planned"), arguments: instances)
    func everySharedInstancePlansAndPassesTheChecker(_ name: String) throws {
        let options = SearchOptions(iterations: 20, seconds: 5, seed: 1, workers: 1, localSearch: false)
        let path = Self.root + "/" + name
        let text = try TextFile.read(path)
        let loaded = name.hasPrefix("lilim") ? LiLimReader.read(text: text, path: path) : SolomonReader.read(text: text, path: path)
        #expect(loaded.errors.isEmpty, "\(name): \(loaded.errors.prefix(2))")
        guard loaded.errors.isEmpty else { return }
        let plan = RoutePlanner.plan(loaded.scenario, objective: .hierarchical, options: options, setPartitioning: false)
        #expect(PlanChecker.violations(plan, scenario: loaded.scenario) == [], "\(name)")
        #expect(plan.routes.reduce(0) { $0 + $1.stops.count } + plan.unassigned.count == loaded.scenario.stops.count, "\(name)")
    }
}
