/// What happens to a delivery the courier could not hand over (not home, refused, wrong address):
/// the outlet's rule, which `desk replan` follows.
public enum FailedDeliveryRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The parcel goes back to the outlet with the courier and waits for tomorrow (the default).
    case returnToOutlet = "return"
    /// The parcel is tried again later today, on a trip that leaves after the courier is back.
    case retry
}
