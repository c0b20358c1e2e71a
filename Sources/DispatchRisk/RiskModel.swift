import DispatchModel

/// How much a courier's day varies from the plan: the parameters of the Monte Carlo risk model.
///
/// A ride of planned length `t` takes `t · exp(rideLogMean + day + courier + ε)` with
/// `day ~ N(0, daySD)` shared by every ride of the day, `courier ~ N(0, courierSD)` shared by
/// one courier's rides, and `ε ~ N(0, rideSD)` per ride. A handover of planned length `s` takes
/// `s · exp(serviceLogMean + N(0, serviceSD))`, plus, with the handover kind's tail probability,
/// an exponential delay with the tail's mean (nobody answers, the guard room is slow).
public struct RiskModel: Sendable, Equatable {
    /// The heavy tail of one handover kind.
    public struct ServiceTail: Sendable, Equatable {
        /// Probability that a handover of this kind takes a long extra delay.
        public var probability: Double
        /// Mean of that delay in minutes (exponentially distributed).
        public var meanMinutes: Double

        /// A tail.
        public init(probability: Double, meanMinutes: Double) {
            self.probability = probability
            self.meanMinutes = meanMinutes
        }
    }

    /// Mean of log(observed ride / planned ride): above 0 when rides take longer than planned.
    public var rideLogMean: Double
    /// Standard deviation of the day factor (log scale), shared by all rides of a day.
    public var daySD: Double
    /// Standard deviation of a courier's factor for the day (log scale).
    public var courierSD: Double
    /// Standard deviation of one ride's own noise (log scale).
    public var rideSD: Double
    /// Mean of log(observed handover / planned handover), tails excluded.
    public var serviceLogMean: Double
    /// Standard deviation of a handover's log noise, tails excluded.
    public var serviceSD: Double
    /// The tail per handover kind, indexed like `Handover.allCases`.
    public var tails: [ServiceTail]

    /// A model from its parameters; `tails` must have one entry per `Handover.allCases`.
    public init(rideLogMean: Double, daySD: Double, courierSD: Double, rideSD: Double,
                serviceLogMean: Double, serviceSD: Double, tails: [ServiceTail]) {
        precondition(tails.count == Handover.allCases.count, "one tail per handover kind")
        self.rideLogMean = rideLogMean
        self.daySD = daySD
        self.courierSD = courierSD
        self.rideSD = rideSD
        self.serviceLogMean = serviceLogMean
        self.serviceSD = serviceSD
        self.tails = tails
    }

    /// The tail of `handover`.
    public func tail(_ handover: Handover) -> ServiceTail { tails[Self.index(of: handover)] }

    /// Sets the tail of `handover`.
    public mutating func setTail(_ tail: ServiceTail, for handover: Handover) { tails[Self.index(of: handover)] = tail }

    /// Position of `handover` in `Handover.allCases` (the index of `tails`).
    public static func index(of handover: Handover) -> Int { Handover.allCases.firstIndex(of: handover) ?? 0 }

    /// A dry working day in town: rides as planned on average, a quarter of log-sd per ride;
    /// door and face-to-face handovers wait for the customer now and then.
    public static let dry = RiskModel(
        rideLogMean: 0, daySD: 0.08, courierSD: 0.06, rideSD: 0.25, serviceLogMean: 0, serviceSD: 0.3,
        tails: Handover.allCases.map { handover in
            switch handover {
            case .door: return ServiceTail(probability: 0.05, meanMinutes: 8)
            case .locker: return ServiceTail(probability: 0.01, meanMinutes: 4)
            case .guardRoom: return ServiceTail(probability: 0.03, meanMinutes: 5)
            case .faceToFace: return ServiceTail(probability: 0.08, meanMinutes: 10)
            case .noLocker: return ServiceTail(probability: 0.06, meanMinutes: 8)
            }
        })

    /// A rainy day: rides 15 % slower than planned on average (on top of the scenario's rain
    /// speed factor), more spread from day to day and ride to ride, longer handovers.
    public static let rainy = RiskModel(
        rideLogMean: 0.15, daySD: 0.12, courierSD: 0.07, rideSD: 0.3, serviceLogMean: 0.1, serviceSD: 0.35,
        tails: Handover.allCases.map { handover in
            switch handover {
            case .door: return ServiceTail(probability: 0.075, meanMinutes: 10)
            case .locker: return ServiceTail(probability: 0.015, meanMinutes: 5)
            case .guardRoom: return ServiceTail(probability: 0.045, meanMinutes: 6.25)
            case .faceToFace: return ServiceTail(probability: 0.12, meanMinutes: 12.5)
            case .noLocker: return ServiceTail(probability: 0.09, meanMinutes: 10)
            }
        })

    /// No noise at all: every ride and handover as planned (for tests and what-ifs).
    public static let deterministic = RiskModel(
        rideLogMean: 0, daySD: 0, courierSD: 0, rideSD: 0, serviceLogMean: 0, serviceSD: 0,
        tails: Handover.allCases.map { _ in ServiceTail(probability: 0, meanMinutes: 0) })

    /// The documented default for a scenario: rainy when its weather mentions rain or snow.
    public static func defaults(weather: String?) -> RiskModel {
        Scenario.isWet(weather: weather) ? rainy : dry
    }
}
