import DispatchModel
import Foundation

/// Normal and exponential variates from a ``SplitMix64``, and the normal distribution function.
public enum Gaussian {
    /// Two independent standard normal variates (Box–Muller).
    @inline(__always)
    public static func pair(_ random: inout SplitMix64) -> (Double, Double) {
        let u1 = 1 - random.unit() // (0, 1]: log is finite
        let u2 = random.unit()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return (radius * cos(angle), radius * sin(angle))
    }

    /// One standard normal variate.
    @inline(__always)
    public static func next(_ random: inout SplitMix64) -> Double { pair(&random).0 }

    /// An exponential variate with mean `mean`.
    @inline(__always)
    public static func exponential(mean: Double, _ random: inout SplitMix64) -> Double {
        -mean * log(1 - random.unit())
    }

    /// The standard normal distribution function Φ(x).
    public static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
}
