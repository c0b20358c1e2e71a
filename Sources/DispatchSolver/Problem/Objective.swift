import DispatchModel

/// What the planner minimises: a weighted sum whose weights make it lexicographic in practice.
///
/// Every term is a sum over routes, so a move's cost change, the set-partitioning columns and
/// the search all see the same objective.
public struct Objective: Sendable, Hashable {
    /// Cost of leaving one stop unserved, times its tier's ``DispatchModel/CustomerTier/priorityWeight``.
    public var unassigned: Double
    /// Cost of each minute a promised slot is missed.
    public var latenessPerMinute: Double
    /// Cost of each promise broken at all (service more than a second past the slot): the manager
    /// counts broken promises, so two seconds late must not pass as a rounding error.
    public var perBrokenPromise: Double
    /// Cost of each courier (vehicle) sent out.
    public var perCourier: Double
    /// Cost per unit of distance (km, or the instance's unit).
    public var perDistance: Double
    /// Cost per minute of route duration (riding, waiting and service).
    public var perMinute: Double
    /// Cost per squared working minute of each courier (shift start to last return): short and
    /// fair days. A squared sum makes the longest days the most expensive, so work spreads over
    /// every courier on shift (Timefold's load-balancing form).
    public var perSquaredWorkingMinute: Double
    /// Cost of serving a stop by a courier other than its own (territory or usual customer).
    public var offTerritory: Double
    /// Minutes kept in hand before a promised slot ends, as a share of the minutes from the start
    /// of the day being planned (the earliest shift start of a courier with time left; in a replan,
    /// when the couriers are free again) to the slot's end, at most half the slot: the planner
    /// prices a promise as if its slot ended that much earlier, because delays pile up over a
    /// courier's day (rides, doors, customers not home); twice the share on a wet day
    /// (``DispatchModel/Scenario/isWet``), when rides vary more. The plan still reports lateness and
    /// broken promises against the slot itself. 0 plans to the slot's end. At 0.1 the shipped
    /// days' promises expected broken fell by a third to two thirds for 3–13 % more km
    /// (docs/benchmarks.md, "Promises with a margin").
    public var promiseMargin: Double

    /// An objective from its weights.
    public init(unassigned: Double, latenessPerMinute: Double, perCourier: Double, perDistance: Double, perMinute: Double,
                perSquaredWorkingMinute: Double = 0, offTerritory: Double = 0, perBrokenPromise: Double = 0, promiseMargin: Double = 0) {
        self.unassigned = unassigned
        self.latenessPerMinute = latenessPerMinute
        self.perBrokenPromise = perBrokenPromise
        self.perCourier = perCourier
        self.perDistance = perDistance
        self.perMinute = perMinute
        self.perSquaredWorkingMinute = perSquaredWorkingMinute
        self.offTerritory = offTerritory
        self.promiseMargin = promiseMargin
    }

    /// The outlet manager's order, for couriers who are paid for the shift anyway: every parcel
    /// out (by tier) ≫ promises kept ≫ a short and fair day > customers kept with their courier >
    /// kilometres. Each promise broken costs 5,000 on top of its minutes. A minute added to a
    /// 300-minute day costs 12, a stop off its own courier 50 (about four such minutes: on the
    /// shipped outlet day at 10 s, seeds 1–3, 90.6–91.7 % of the stops stay with their courier
    /// against 89.8–91.0 % at 40, on fewer km than with no territories at all; 60 made the small
    /// day unfair, its longest day 1.31 × the mean), a km 1.
    public static let outlet = Objective(unassigned: 100_000, latenessPerMinute: 500, perCourier: 0, perDistance: 1, perMinute: 0.05,
                                         perSquaredWorkingMinute: 0.02, offTerritory: 50, perBrokenPromise: 5_000, promiseMargin: 0.1)
    /// Fewest couriers first (the old outlet order): for a day when the manager can send people
    /// home. Unassigned ≫ lateness ≫ couriers sent out ≫ kilometres.
    public static let fewestCouriers = Objective(unassigned: 100_000, latenessPerMinute: 500, perCourier: 200, perDistance: 1, perMinute: 0.05,
                                                 perBrokenPromise: 5_000, promiseMargin: 0.1)
    /// Solomon's hierarchical objective: vehicles first, then distance.
    public static let hierarchical = Objective(unassigned: 10_000_000, latenessPerMinute: 0, perCourier: 100_000, perDistance: 1, perMinute: 0)
    /// Distance only (vehicles free up to the fleet size).
    public static let distance = Objective(unassigned: 10_000_000, latenessPerMinute: 0, perCourier: 0, perDistance: 1, perMinute: 0)

    /// The objectives' names, for help texts.
    public static let names = ["outlet", "fewest-couriers", "hierarchical", "distance"]

    /// Whether no weight is negative: then every term of a cost change that only adds work
    /// (distance aside) is at least 0, so a change can be bounded below by its distance.
    public var hasNoNegativeWeight: Bool {
        unassigned >= 0 && latenessPerMinute >= 0 && perBrokenPromise >= 0 && perCourier >= 0 && perDistance >= 0
            && perMinute >= 0 && perSquaredWorkingMinute >= 0 && offTerritory >= 0 && promiseMargin >= 0
    }

    /// By name: "outlet", "fewest-couriers", "hierarchical" (or "solomon"), "distance".
    public static func named(_ name: String) -> Objective? {
        switch name.lowercased() {
        case "outlet", "default": return .outlet
        case "fewest-couriers", "fewest": return .fewestCouriers
        case "hierarchical", "solomon": return .hierarchical
        case "distance": return .distance
        default: return nil
        }
    }

    /// The weights' names as a scenario's `"objective"` block uses them.
    public static let weightNames = ["unassigned", "latePerMinute", "perBrokenPromise", "perCourier", "perKm", "perMinute", "perSquaredWorkingMinute", "offTerritory",
                                     Scenario.promiseMarginName]

    /// This objective with the named weights replaced; unknown names are returned, not applied.
    public func overriding(_ weights: [String: Double]) -> (objective: Objective, unknown: [String]) {
        var o = self
        var unknown: [String] = []
        for (name, value) in weights.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "unassigned": o.unassigned = value
            case "latePerMinute": o.latenessPerMinute = value
            case "perBrokenPromise": o.perBrokenPromise = value
            case "perCourier": o.perCourier = value
            case "perKm": o.perDistance = value
            case "perMinute": o.perMinute = value
            case "perSquaredWorkingMinute": o.perSquaredWorkingMinute = value
            case "offTerritory": o.offTerritory = value
            case Scenario.promiseMarginName: o.promiseMargin = value
            default: unknown.append(name)
            }
        }
        return (o, unknown)
    }
}
