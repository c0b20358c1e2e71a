/// What the planner minimises: a weighted sum whose weights make it lexicographic in practice.
public struct Objective: Sendable, Hashable {
    /// Cost of leaving one stop unserved, times its tier's ``DispatchModel/CustomerTier/priorityWeight``.
    public var unassigned: Double
    /// Cost of each minute a promised slot is missed.
    public var latenessPerMinute: Double
    /// Cost of each courier (vehicle) used.
    public var perCourier: Double
    /// Cost per unit of distance (km, or the instance's unit).
    public var perDistance: Double
    /// Cost per minute of route duration (riding, waiting and service).
    public var perMinute: Double

    /// An objective from its weights.
    public init(unassigned: Double, latenessPerMinute: Double, perCourier: Double, perDistance: Double, perMinute: Double) {
        self.unassigned = unassigned
        self.latenessPerMinute = latenessPerMinute
        self.perCourier = perCourier
        self.perDistance = perDistance
        self.perMinute = perMinute
    }

    /// The outlet's order: unassigned (by tier), then promise lateness, then couriers used, then travel.
    public static let outlet = Objective(unassigned: 100_000, latenessPerMinute: 500, perCourier: 200, perDistance: 1, perMinute: 0.05)
    /// Solomon's hierarchical objective: vehicles first, then distance.
    public static let hierarchical = Objective(unassigned: 10_000_000, latenessPerMinute: 0, perCourier: 100_000, perDistance: 1, perMinute: 0)
    /// Distance only (vehicles free up to the fleet size).
    public static let distance = Objective(unassigned: 10_000_000, latenessPerMinute: 0, perCourier: 0, perDistance: 1, perMinute: 0)

    /// By name: "outlet", "hierarchical" (or "solomon"), "distance".
    public static func named(_ name: String) -> Objective? {
        switch name.lowercased() {
        case "outlet", "default": return .outlet
        case "hierarchical", "solomon": return .hierarchical
        case "distance": return .distance
        default: return nil
        }
    }
}
