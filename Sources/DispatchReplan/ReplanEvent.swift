import DispatchModel

/// One report from a courier's handheld: a stop done or failed, or where the courier is.
public struct ReplanEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Handed over or picked up.
        case done
        /// Visited, not handed over.
        case failed
        /// Where the courier is (no stop).
        case position
    }

    /// Why a stop failed, as the handheld says it.
    public enum FailureReason: String, Sendable, Equatable, CaseIterable {
        /// Nobody answered.
        case notHome = "not_home"
        /// The customer refused the parcel.
        case refused
        /// The address is wrong.
        case wrongAddress = "wrong_address"

        /// In words, for the diff and the unassigned reasons.
        public var words: String {
            switch self {
            case .notHome: return "not home"
            case .refused: return "refused"
            case .wrongAddress: return "wrong address"
            }
        }
    }

    /// When, minutes since midnight (seconds as fractions).
    public var time: Double
    /// Courier id.
    public var courier: String
    /// Stop id (`nil` for a position).
    public var stop: String?
    /// What happened.
    public var kind: Kind
    /// Where the handheld was, when it said.
    public var location: Location?
    /// Why a stop failed, when given.
    public var reason: FailureReason?
    /// Line in the events file (0 when built in memory).
    public var line: Int

    /// An event.
    public init(time: Double, courier: String, stop: String? = nil, kind: Kind, location: Location? = nil,
                reason: FailureReason? = nil, line: Int = 0) {
        self.time = time
        self.courier = courier
        self.stop = stop
        self.kind = kind
        self.location = location
        self.reason = reason
        self.line = line
    }
}
