/// A risk model as used for a report: the model's parameters, the isotonic recalibration of
/// its probabilities (when calibration found that it helps), the slack-only baseline it was
/// compared with, and how the fit went. Stored as `dispatchdesk.risk/1` (docs/formats.md).
public struct RiskProfile: Sendable, Equatable {
    /// The file format.
    public static let format = "dispatchdesk.risk/1"

    /// The Monte Carlo model.
    public var model: RiskModel
    /// Maps the Monte Carlo P(late) to a calibrated one.
    public var recalibration: IsotonicCurve?
    /// The slack-only baseline fitted on the same days.
    public var baseline: SlackBaseline?
    /// Fit statistics by name (days, rides, meanLogRatio, …), for the record.
    public var fit: [(key: String, value: Double)]

    /// A profile.
    public init(model: RiskModel, recalibration: IsotonicCurve? = nil, baseline: SlackBaseline? = nil,
                fit: [(key: String, value: Double)] = []) {
        self.model = model
        self.recalibration = recalibration
        self.baseline = baseline
        self.fit = fit
    }

    /// The calibrated probability of a Monte Carlo P(late).
    public func calibrated(_ p: Double) -> Double { recalibration?.apply(p) ?? p }

    public static func == (a: RiskProfile, b: RiskProfile) -> Bool {
        a.model == b.model && a.recalibration == b.recalibration && a.baseline == b.baseline
            && a.fit.map(\.key) == b.fit.map(\.key) && a.fit.map(\.value) == b.fit.map(\.value)
    }
}
