import Testing
@testable import DispatchModel

/// The one generator: its sequence is the reference SplitMix64's (Steele, Lea & Flood 2014), so
/// a seed fixes scenarios and plans across versions; a change here changes every seeded result.
@Suite struct SplitMix64Tests {
    @Test func seedZeroGivesTheReferenceSequence() {
        var random = SplitMix64(seed: 0)
        #expect([random.next(), random.next(), random.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func drawsStayInTheirRanges() {
        var random = SplitMix64(seed: 42)
        for bound in [1, 2, 7, 1_000] {
            for _ in 0..<200 { #expect((0..<bound).contains(random.below(bound))) }
        }
        for _ in 0..<200 { #expect((0.0..<1.0).contains(random.unit())) }
        #expect(random.below(0) == 0 && random.below(-3) == 0)
    }
}
