/// How well predicted probabilities match what happened: a reliability table over fixed bins,
/// the Brier score, and recall and precision of the flagged stops at a threshold.
public struct Reliability: Sendable {
    /// One bin of predicted probability.
    public struct Bin: Sendable {
        /// Lower edge (inclusive).
        public var low: Double
        /// Upper edge (exclusive, except the last bin).
        public var high: Double
        /// Predictions in the bin.
        public var count: Int
        /// Mean prediction.
        public var meanPredicted: Double
        /// Observed frequency.
        public var observed: Double
        /// Whether the bin has enough stops (30) to be judged.
        public var judged: Bool { count >= 30 }
        /// Observed minus predicted.
        public var gap: Double { observed - meanPredicted }
    }

    /// The bins: 0–0.1, 0.1–0.3, 0.3–0.6, 0.6–1.
    public static let edges = [0, 0.1, 0.3, 0.6, 1]

    /// The bins.
    public var bins: [Bin]
    /// Mean squared error of the predictions.
    public var brier: Double
    /// Predictions.
    public var count: Int
    /// Observed events.
    public var events: Int
    /// Flagged (prediction ≥ threshold) among events, over events.
    public var recall: Double
    /// Events among the flagged, over flagged.
    public var precision: Double
    /// Predictions at or above the threshold.
    public var flagged: Int

    /// Scores `predicted` against `observed` with `threshold`.
    public init(predicted: [Double], observed: [Bool], threshold: Double, edges: [Double] = Reliability.edges) {
        var bins: [Bin] = []
        for k in 0..<(edges.count - 1) {
            let low = edges[k], high = edges[k + 1], last = k == edges.count - 2
            var n = 0, sumP = 0.0, hits = 0
            for (p, y) in zip(predicted, observed) where p >= low && (p < high || (last && p <= high)) {
                n += 1; sumP += p; hits += y ? 1 : 0
            }
            bins.append(Bin(low: low, high: high, count: n, meanPredicted: n > 0 ? sumP / Double(n) : 0,
                            observed: n > 0 ? Double(hits) / Double(n) : 0))
        }
        self.bins = bins
        self.count = predicted.count
        var brier = 0.0, events = 0, flagged = 0, caught = 0
        for (p, y) in zip(predicted, observed) {
            brier += (p - (y ? 1 : 0)) * (p - (y ? 1 : 0))
            if y { events += 1 }
            if p >= threshold { flagged += 1; if y { caught += 1 } }
        }
        self.brier = predicted.isEmpty ? 0 : brier / Double(predicted.count)
        self.events = events
        self.flagged = flagged
        self.recall = events > 0 ? Double(caught) / Double(events) : 1
        self.precision = flagged > 0 ? Double(caught) / Double(flagged) : 1
    }
}
