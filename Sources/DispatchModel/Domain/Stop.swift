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
    /// When the parcel reaches the outlet (minutes since midnight; a second truck at 13:00): it
    /// can only leave on a trip that departs after this. `nil`: in the outlet at the day's start.
    public var availableFrom: Int?

    /// The windows in which service may start. Where the customer must be present and a slot
    /// was promised, the courier waits for the slot: each window starts no earlier than the
    /// promise (windows that close before it are dropped), unless that leaves none.
    public var serviceWindows: [TimeWindow] {
        guard needsCustomerPresent, let promise else { return windows }
        let raised = windows.compactMap { w -> TimeWindow? in
            w.end < promise.start ? nil : TimeWindow(start: max(w.start, promise.start), end: w.end)
        }
        return raised.isEmpty ? windows : raised
    }

    /// Whether the handover needs the customer there (door, face to face, "don't use the
    /// locker", or "call first"): arriving before a promised slot then breaks the promise.
    public var needsCustomerPresent: Bool {
        contact == .call || handover == .door || handover == .faceToFace || handover == .noLocker
    }

    /// Whether the parcel travels cold: it needs a courier with a cooler box (skill "cold").
    public var isColdChain: Bool { requiredSkills.contains("cold") }

    /// A stop; optional fields default to a full-day window, no skills, door handover by SMS.
    public init(id: String, kind: StopKind = .delivery, shipment: String? = nil, location: Location,
                weightKg: Double = 0, volumeLitres: Double = 0, windows: [TimeWindow] = [TimeWindow.wholeDay],
                windowPhrase: String? = nil, serviceMinutes: Double = 2, requiredSkills: [String] = [],
                handover: Handover = .door, contact: ContactMethod = .sms, customer: String? = nil,
                tier: CustomerTier = .regular, promise: TimeWindow? = nil, building: String? = nil,
                address: String? = nil, note: String? = nil, availableFrom: Int? = nil) {
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
        self.availableFrom = availableFrom
    }
}

extension Stop {
    /// The stop held to the slot its customer was told when a plan was published: that slot is its
    /// promise (late and early minutes count against it, and where the customer must be present the
    /// courier waits for it). Without a slot, the stop as it is.
    public func holding(slot: TimeWindow?) -> Stop {
        guard let slot else { return self }
        var held = self
        held.promise = slot
        return held
    }
}
