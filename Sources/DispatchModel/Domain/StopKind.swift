/// What happens at a stop.
public enum StopKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A parcel loaded at the outlet and handed over here.
    case delivery
    /// A parcel collected here and brought back to the outlet.
    case pickup
    /// The collecting half of a same-city shipment: its delivery must follow on the same route.
    case shipmentPickup = "shipment_pickup"
    /// The delivering half of a same-city shipment.
    case shipmentDelivery = "shipment_delivery"

    /// Whether the parcel is on board when the courier leaves the outlet.
    public var isLoadedAtOutlet: Bool { self == .delivery }
}
