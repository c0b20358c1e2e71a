/// The outlet (网点): the depot every courier starts from, and the zone it serves.
public struct Outlet: Sendable, Hashable, Codable {
    /// Identifier, e.g. "hz-xihu-03".
    public var id: String
    /// Display name.
    public var name: String
    /// Where the depot is.
    public var location: Location
    /// Radius of the delivery zone in km (3 km by default); `nil` means no zone (benchmark instances).
    public var zoneRadiusKm: Double?
    /// Opening hours: open-ended windows ("after 18:30") end at `day.end`.
    public var day: TimeWindow
    /// Minutes a courier spends at the outlet between two trips (unload pickups, load the next
    /// trip); `nil` means couriers make one trip (benchmark instances).
    public var reloadMinutes: Double?
    /// What `desk replan` does with a failed delivery: back to the outlet (default) or retry today.
    public var failedDelivery: FailedDeliveryRule

    /// An outlet; the zone defaults to 3 km, the day to 07:00–21:00, a reload to 10 minutes, a failed
    /// delivery goes back to the outlet.
    public init(id: String, name: String, location: Location, zoneRadiusKm: Double? = 3,
                day: TimeWindow = TimeWindow(start: 7 * 60, end: 21 * 60), reloadMinutes: Double? = 10,
                failedDelivery: FailedDeliveryRule = .returnToOutlet) {
        self.id = id
        self.name = name
        self.location = location
        self.zoneRadiusKm = zoneRadiusKm
        self.day = day
        self.reloadMinutes = reloadMinutes
        self.failedDelivery = failedDelivery
    }
}
