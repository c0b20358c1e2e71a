/// How the customer is told the courier is coming.
public enum ContactMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// A text message (the default).
    case sms
    /// A phone call: elderly customers, and those who asked to be called first.
    case call
}
