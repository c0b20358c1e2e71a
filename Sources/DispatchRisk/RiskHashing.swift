/// Stable 64-bit keys for common random numbers: the same stop, courier and draw get the same
/// random numbers in any plan, so two plans of one day are compared on the same luck.
enum RiskHashing {
    /// FNV-1a of the UTF-8 bytes of `text`.
    static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// The SplitMix64 finaliser of a combination of seed, key and draw: a seed for one stream.
    @inline(__always)
    static func stream(seed: UInt64, key: UInt64, draw: UInt64) -> UInt64 {
        var z = seed ^ (key &* 0x9E37_79B9_7F4A_7C15) ^ (draw &* 0xD1B5_4A32_D192_ED03)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
