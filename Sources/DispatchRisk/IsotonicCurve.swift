/// A non-decreasing map from a predicted probability to a calibrated one, fitted by isotonic
/// regression (pool adjacent violators; Zadrozny & Elkan 2002) and applied by linear
/// interpolation between its knots.
public struct IsotonicCurve: Sendable, Equatable {
    /// Knot positions (predicted probabilities), increasing.
    public var predicted: [Double]
    /// Calibrated probability at each knot, non-decreasing.
    public var calibrated: [Double]

    /// A curve through the given knots.
    public init(predicted: [Double], calibrated: [Double]) {
        self.predicted = predicted
        self.calibrated = calibrated
    }

    /// Fits outcomes `y` (0 or 1) against predictions `x` by pool adjacent violators.
    public static func fit(x: [Double], y: [Double]) -> IsotonicCurve {
        let order = x.indices.sorted { x[$0] < x[$1] }
        // Blocks of (sum of y, weight, mean x).
        var sums: [Double] = [], weights: [Double] = [], xs: [Double] = []
        var i = 0
        while i < order.count {
            // Equal predictions form one block from the start.
            var j = i, sum = 0.0, xSum = 0.0
            while j < order.count, x[order[j]] == x[order[i]] { sum += y[order[j]]; xSum += x[order[j]]; j += 1 }
            sums.append(sum); weights.append(Double(j - i)); xs.append(xSum)
            while sums.count > 1, sums[sums.count - 2] / weights[weights.count - 2] >= sums[sums.count - 1] / weights[weights.count - 1] {
                let s = sums.removeLast(), w = weights.removeLast(), xx = xs.removeLast()
                sums[sums.count - 1] += s; weights[weights.count - 1] += w; xs[xs.count - 1] += xx
            }
            i = j
        }
        return IsotonicCurve(predicted: zip(xs, weights).map { $0 / $1 }, calibrated: zip(sums, weights).map { $0 / $1 })
    }

    /// The calibrated probability of prediction `p`.
    public func apply(_ p: Double) -> Double {
        guard let first = predicted.first, let last = predicted.last else { return p }
        if p <= first { return calibrated[0] }
        if p >= last { return calibrated[calibrated.count - 1] }
        var low = 0, high = predicted.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if predicted[mid] <= p { low = mid } else { high = mid }
        }
        let span = predicted[high] - predicted[low]
        let t = span > 0 ? (p - predicted[low]) / span : 0
        return calibrated[low] + t * (calibrated[high] - calibrated[low])
    }
}
