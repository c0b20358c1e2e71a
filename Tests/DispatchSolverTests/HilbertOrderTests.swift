import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct HilbertOrderTests {
    /// The curve visits the 16 × 16 cells in its corner exactly once, as positions 0…255, each
    /// step to a cell next to the last (the property the memory layout relies on).
    @Test func theCurveVisitsEachCellOnceStepByStep() {
        var cellAt = [Int: (x: UInt32, y: UInt32)]()
        for x in UInt32(0)..<16 {
            for y in UInt32(0)..<16 {
                let d = Int(HilbertOrder.position(x: x, y: y))
                #expect(cellAt[d] == nil && d < 256, "(\(x), \(y)) at \(d)")
                cellAt[d] = (x, y)
            }
        }
        #expect(cellAt.count == 256)
        for d in 1..<256 {
            guard let a = cellAt[d - 1], let b = cellAt[d] else { continue }
            let step = abs(Int(a.x) - Int(b.x)) + abs(Int(a.y) - Int(b.y))
            #expect(step == 1, "step \(d): (\(a.x), \(a.y)) → (\(b.x), \(b.y))")
        }
    }

    /// Sorting keeps every index once, breaks ties by index, and goes round the quadrants as
    /// the curve does: lower left, upper left, upper right, lower right.
    @Test func sortingIsAPermutationAlongTheCurve() {
        let points: [Location] = [.planar(x: 9, y: 1), .planar(x: 1, y: 1), .planar(x: 9, y: 9), .planar(x: 1, y: 9), .planar(x: 1, y: 1)]
        let order = HilbertOrder.sorted(Array(0..<5)) { points[$0] }
        #expect(order == [1, 4, 3, 2, 0])
    }
}
