import DispatchModel

/// The day's plan: each courier's route in order, with times, and every stop not routed with a reason.
public struct Plan: Sendable, Equatable {
    /// A stop on a route.
    public struct Visit: Sendable, Equatable {
        /// Stop id.
        public var id: String
        /// Arrival, minutes since midnight.
        public var arrival: Double
        /// Start of service (after any wait for the window).
        public var start: Double
        /// Departure.
        public var departure: Double
        /// Minutes after the promised slot's end (0 when on time or no promise).
        public var lateness: Double
    }

    /// One courier's route.
    public struct CourierRoute: Sendable, Equatable {
        /// Courier id.
        public var courier: String
        /// Leaves the start place.
        public var departure: Double
        /// Stops in order.
        public var stops: [Visit]
        /// Back at the end place.
        public var returnTime: Double
        /// Distance ridden (km, or the instance's unit).
        public var distance: Double
    }

    /// A stop that is not in any route.
    public struct Unassigned: Sendable, Equatable {
        /// Stop id.
        public var id: String
        /// Why, in words.
        public var reason: String
    }

    /// Routes of the couriers who go out (empty routes are left out).
    public var routes: [CourierRoute]
    /// Stops not routed, with reasons.
    public var unassigned: [Unassigned]
    /// Objective value the solver minimised.
    public var cost: Double
    /// Search statistics.
    public var statistics: [String: Double]

    /// Couriers used.
    public var couriersUsed: Int { routes.count }
    /// Total distance.
    public var distance: Double { routes.reduce(0) { $0 + $1.distance } }
    /// Total minutes from departure to return.
    public var duration: Double { routes.reduce(0) { $0 + $1.returnTime - $1.departure } }
    /// Total minutes of promise lateness.
    public var lateness: Double { routes.reduce(0) { $0 + $1.stops.reduce(0) { $0 + $1.lateness } } }
}
