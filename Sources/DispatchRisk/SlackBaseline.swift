import Foundation

/// The baseline a risk model must beat: P(late) from the plan's slack alone, a logistic curve
/// `1 / (1 + exp(-(intercept + slope · slack)))` fitted to observed outcomes.
public struct SlackBaseline: Sendable, Equatable {
    /// Intercept.
    public var intercept: Double
    /// Slope per minute of slack (negative: more slack, less risk).
    public var slopePerMinute: Double

    /// A baseline.
    public init(intercept: Double, slopePerMinute: Double) {
        self.intercept = intercept
        self.slopePerMinute = slopePerMinute
    }

    /// P(late) for `slack` minutes.
    public func probability(slack: Double) -> Double {
        let s = slack.isFinite ? slack : 1e6
        return 1 / (1 + exp(-(intercept + slopePerMinute * s)))
    }

    /// Maximum-likelihood fit by Newton's method (with a small ridge so separable data converge).
    public static func fit(slack: [Double], late: [Bool]) -> SlackBaseline {
        let xs = slack.map { $0.isFinite ? min(max($0, -600), 600) : 600 }
        let rate = Double(late.filter { $0 }.count + 1) / Double(late.count + 2)
        var a = log(rate / (1 - rate)), b = 0.0
        for _ in 0..<50 {
            var ga = 0.0, gb = 0.0, haa = 1e-6, hab = 0.0, hbb = 1e-4
            for (x, y) in zip(xs, late) {
                let p = 1 / (1 + exp(-(a + b * x)))
                let r = (y ? 1 : 0) - p
                ga += r; gb += r * x
                let w = p * (1 - p)
                haa += w; hab += w * x; hbb += w * x * x
            }
            gb -= 1e-4 * b
            let det = haa * hbb - hab * hab
            guard det > 0 else { break }
            let da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det
            a += da; b += db
            if abs(da) < 1e-9 && abs(db) < 1e-11 { break }
        }
        return SlackBaseline(intercept: a, slopePerMinute: b)
    }
}
