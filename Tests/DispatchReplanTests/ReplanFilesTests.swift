import Testing
@testable import DispatchReplan

@Suite struct ReplanFilesTests {
    @Test(arguments: [("d/plan.json", "d/plan.1.json"), ("d/plan.1.json", "d/plan.2.json"), ("plan.9.json", "plan.10.json"),
                      ("d/day.v2.json", "d/day.v2.1.json")])
    func theNextPlanTakesTheNextNumber(from: String, to: String) {
        #expect(ReplanFiles.nextPlanPath(after: from, exists: { _ in false }) == to)
    }

    @Test func existingNamesAreSkipped() {
        let taken: Set<String> = ["plan.1.json", "plan.2.json"]
        #expect(ReplanFiles.nextPlanPath(after: "plan.json", exists: taken.contains) == "plan.3.json")
        #expect(ReplanFiles.diffPath(for: "a/plan.3.json") == "a/plan.3.diff.json")
        #expect(ReplanFiles.scenarioPath(for: "a/plan.3.json") == "a/plan.3.scenario.json")
    }
}
