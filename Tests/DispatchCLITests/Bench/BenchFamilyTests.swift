import Testing
@testable import DispatchCLI

@Suite struct BenchFamilyTests {
    @Test(arguments: [
        ("C101", "C1"), ("C208", "C2"), ("R112", "R1"), ("R211", "R2"), ("RC105", "RC1"), ("RC208", "RC2"),
        ("C1_4_2", "C1_4"), ("c1_4_2", "C1_4"), ("RC2_4_6", "RC2_4"), ("R1_10_1", "R1_10"),
        ("lc101", "lc1"), ("lrc207", "lrc2"), ("lc1_2_2", "lc1_2"), ("lr2_2_6", "lr2_2"), ("lrc1_4_1", "lrc1_4"),
        ("outlet-day", "outlet-day"), ("C3", "C3"), ("R301", "R301"), ("C1_4", "C1_4"),
    ])
    func familyOfInstance(name: String, family: String) {
        #expect(BenchFamily.of(name) == family)
    }
}
