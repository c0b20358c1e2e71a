/// A courier and their e-tricycle.
public struct Courier: Sendable, Hashable, Codable {
    /// Identifier, unique in the scenario.
    public var id: String
    /// Display name, e.g. "王师傅".
    public var name: String
    /// Load capacity in kilograms.
    public var capacityKg: Double
    /// Load capacity in litres; `nil` when volume does not bind (benchmark instances).
    public var capacityLitres: Double?
    /// Working hours: leaves the outlet no earlier than `shift.start`, back by `shift.end`.
    public var shift: TimeWindow
    /// Riding speed in km/h (e-tricycles in town: about 15).
    public var speedKmh: Double
    /// The riding speeds a scenario may give (km/h): slower is not riding, faster is a typo, and
    /// a speed of 1e-17 km/h made every ride last longer than a clock can print.
    public static let speedsKmh: ClosedRange<Double> = 1...200
    /// Skills and equipment, e.g. "cold" for a cooler box.
    public var skills: [String]
    /// Where the day starts; `nil` means the outlet.
    public var start: Location?
    /// Where the day ends; `nil` means the outlet.
    public var end: Location?
    /// Buildings this courier usually serves.
    public var territory: [String]
    /// Customers who are used to this courier.
    public var customers: [String]

    /// A courier; optional fields default to the outlet and no preferences.
    public init(id: String, name: String, capacityKg: Double, capacityLitres: Double? = nil,
                shift: TimeWindow, speedKmh: Double = 15, skills: [String] = [],
                start: Location? = nil, end: Location? = nil, territory: [String] = [], customers: [String] = []) {
        self.id = id
        self.name = name
        self.capacityKg = capacityKg
        self.capacityLitres = capacityLitres
        self.shift = shift
        self.speedKmh = speedKmh
        self.skills = skills
        self.start = start
        self.end = end
        self.territory = territory
        self.customers = customers
    }

    /// Whether the courier has every skill in `required`.
    public func canServe(skills required: [String]) -> Bool {
        required.allSatisfy { skills.contains($0) }
    }
}
