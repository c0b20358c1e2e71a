/// A small, fast, seeded random number generator (Steele, Lea & Flood 2014).
///
/// All randomness in DispatchDesk flows through one of these — the generator, the solver's
/// search and the risk model — so the same seed gives the same scenario and the same plan.
/// The methods are `@inlinable`: the solver draws from it in its hot loop, in another module.
///
/// ```swift
/// var random = SplitMix64(seed: 1)
/// let index = random.below(10)   // 0..<10
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    @inlinable public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1).
    @inlinable public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform Int in `0..<bound`; 0 when `bound` ≤ 1 (a draw is consumed either way).
    @inlinable public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True with probability `p`.
    @inlinable public mutating func chance(_ p: Double) -> Bool { unit() < p }
}
