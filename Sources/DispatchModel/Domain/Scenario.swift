/// One outlet day: everything the planner needs to know.
public struct Scenario: Sendable, Hashable, Codable {
    /// The file format this library writes and reads.
    public static let format = "dispatchdesk.scenario/1"

    /// The most stops one plan may hold. Above it the readers refuse the day (exit 65) before any
    /// per-stop work, because the solver's travel tables grow with the square of the stops.
    public static let maximumStops = 12_000

    /// The largest objective weight a scenario or `--weight` may give: the outlet objective's
    /// largest is 100,000 (a parcel left out) and the benchmarks' 10,000,000; a weight of 1e308
    /// made the day's cost infinite, which a plan file cannot hold.
    public static let largestObjectiveWeight = 1e9

    /// The name, in a scenario's `objective` block and in `--weight`, of the promise margin: the
    /// share of the minutes from the start of the day being planned to a promised slot's end that
    /// the planner keeps in hand before the slot ends. A share, not a weight: from 0 to
    /// ``largestPromiseMargin``.
    public static let promiseMarginName = "promiseMargin"
    /// The largest promise margin (half the minutes to the slot's end; the margin is also never
    /// more than half the slot).
    public static let largestPromiseMargin = 0.5

    /// The largest value the objective entry `name` may take.
    public static func largestObjectiveValue(_ name: String) -> Double {
        name == promiseMarginName ? largestPromiseMargin : largestObjectiveWeight
    }

    /// The longest ride from the outlet to a stop a scenario may imply, in minutes (a week): a
    /// longer one comes from a speed or a planar scale far off (`unitsPerMinute` of 1e-16).
    public static let longestRideMinutes = 7.0 * 24 * 60

    /// The sentence a reader gives for a day above ``maximumStops``; `count` when it is known.
    public static func tooManyStopsMessage(count: Int?) -> String {
        let found = count.map { "\($0) stops" } ?? "more stops than that"
        return "\(found) is more than one plan can hold (at most \(maximumStops)); split the day into parts of at most \(maximumStops) stops (by zone, by courier territory or by delivery wave) and plan each part on its own"
    }

    /// A name for reports.
    public var name: String
    /// The outlet.
    public var outlet: Outlet
    /// The couriers on shift.
    public var couriers: [Courier]
    /// Every stop of the day: deliveries, pickups and shipment halves.
    public var stops: [Stop]
    /// How travel is timed.
    public var travel: TravelModel
    /// "rain", "snow", … when it matters for travel times.
    public var weather: String?
    /// Objective weights that override the planner's defaults for this day, by name (see the
    /// objective weights in docs/formats.md), e.g. `["latePerMinute": 2000]`.
    public var objectiveWeights: [String: Double] = [:]

    /// A scenario from its parts.
    public init(name: String, outlet: Outlet, couriers: [Courier], stops: [Stop],
                travel: TravelModel = .streets, weather: String? = nil) {
        self.name = name
        self.outlet = outlet
        self.couriers = couriers
        self.stops = stops
        self.travel = travel
        self.weather = weather
    }

    /// Whether `stop` lies inside the outlet's zone (always true without a zone or for planar places).
    public func isInZone(_ stop: Stop) -> Bool {
        guard let radius = outlet.zoneRadiusKm, outlet.location.isGeographic, stop.location.isGeographic else { return true }
        return outlet.location.kilometres(to: stop.location) <= radius + 1e-9
    }

    /// Whether the day's `weather` mentions rain or snow (雨, 雪): rides are slower and vary more
    /// (the rainy risk model), and promises are planned with twice the margin.
    public var isWet: Bool { Self.isWet(weather: weather) }

    /// Whether `weather` (a scenario's) mentions rain or snow.
    public static func isWet(weather: String?) -> Bool {
        guard let weather = weather?.lowercased() else { return false }
        return weather.contains("rain") || weather.contains("snow") || weather.contains("雨") || weather.contains("雪")
    }

    /// The pickup half of `shipment`: what its parcel weighs and how much room it takes, on board
    /// until its delivery. `nil` for no shipment or one without a pickup.
    public func shipmentPickup(of shipment: String?) -> Stop? {
        guard let shipment else { return nil }
        return stops.first { $0.kind == .shipmentPickup && $0.shipment == shipment }
    }
}
