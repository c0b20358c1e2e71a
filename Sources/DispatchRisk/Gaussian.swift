import DispatchModel
import Foundation

/// Normal and exponential variates from a ``SplitMix64``, and the normal distribution function.
public enum Gaussian {
    /// Two independent standard normal variates (Marsaglia's polar method: no sine or cosine,
    /// 1.27 tries on average).
    @inline(__always)
    public static func pair(_ random: inout SplitMix64) -> (Double, Double) {
        while true {
            let u = 2 * random.unit() - 1, v = 2 * random.unit() - 1
            let s = u * u + v * v
            if s < 1 && s > 0 {
                let factor = (-2 * log(s) / s).squareRoot()
                return (u * factor, v * factor)
            }
        }
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
