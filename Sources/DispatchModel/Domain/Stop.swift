/// A place a courier must visit: a delivery, a pickup, or one half of a shipment.
public struct Stop: Sendable, Hashable, Codable {
    /// Identifier, unique in the scenario (a parcel or request number).
    public var id: String
    /// What happens here.
    public var kind: StopKind
    /// For shipment halves: the shipment id both halves share.
    public var shipment: String?
    /// Where.
    public var location: Location
    /// Parcel weight in kg.
    public var weightKg: Double
    /// Parcel volume in litres.
    public var volumeLitres: Double
    /// When service may start, as the customer said it; the windows are sorted and disjoint.
    public var windows: [TimeWindow]
    /// The phrase the windows came from, if any ("after 18:30").
    public var windowPhrase: String?
    /// Minutes spent at the stop (parking, stairs, handover).
    public var serviceMinutes: Double
    /// Skills the courier needs, e.g. "cold".
    public var requiredSkills: [String]
    /// How the parcel changes hands.
    public var handover: Handover
    /// How the customer is told.
    public var contact: ContactMethod
    /// Customer id, when known.
    public var customer: String?
    /// Customer tier.
    public var tier: CustomerTier
    /// A slot already promised to the customer (soft: lateness is costed, not forbidden).
    public var promise: TimeWindow?
    /// Building or compound id; many parcels share one.
    public var building: String?
    /// Street address for the route sheet.
    public var address: String?
    /// Free-text instructions: "call first", "leave at the guard room".
    public var note: String?

    /// A stop; optional fields default to a full-day window, no skills, door handover by SMS.
    public init(id: String, kind: StopKind = .delivery, shipment: String? = nil, location: Location,
                weightKg: Double = 0, volumeLitres: Double = 0, windows: [TimeWindow] = [TimeWindow.wholeDay],
                windowPhrase: String? = nil, serviceMinutes: Double = 2, requiredSkills: [String] = [],
                handover: Handover = .door, contact: ContactMethod = .sms, customer: String? = nil,
                tier: CustomerTier = .regular, promise: TimeWindow? = nil, building: String? = nil,
                address: String? = nil, note: String? = nil) {
        self.id = id
        self.kind = kind
        self.shipment = shipment
        self.location = location
        self.weightKg = weightKg
        self.volumeLitres = volumeLitres
        self.windows = windows
        self.windowPhrase = windowPhrase
        self.serviceMinutes = serviceMinutes
        self.requiredSkills = requiredSkills
        self.handover = handover
        self.contact = contact
        self.customer = customer
        self.tier = tier
        self.promise = promise
        self.building = building
        self.address = address
        self.note = note
    }
}
