/// The customer's standing with the outlet; decides who waits when not everything fits.
public enum CustomerTier: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// 5,000 or more parcels a month.
    case strategic
    /// 1,000–4,999 parcels a month.
    case key
    /// Everyday customers.
    case regular
    /// Walk-in senders with no account.
    case walkIn = "walk_in"

    /// Relative cost of leaving one of this tier's stops unserved.
    public var priorityWeight: Double {
        switch self {
        case .strategic: return 8
        case .key: return 4
        case .regular: return 2
        case .walkIn: return 1
        }
    }

    public static func < (a: CustomerTier, b: CustomerTier) -> Bool { a.priorityWeight > b.priorityWeight }
}
