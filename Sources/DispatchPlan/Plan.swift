import DispatchModel

/// The day's plan: each courier's trips in order, with times, and every stop not routed with a
/// reason. This is the data every later stage reads (checker, report, replan); it is written as
/// `dispatchdesk.plan/2` (see docs/formats.md) and v1 files are still read.
public struct Plan: Sendable, Equatable {
    /// The format this library writes.
    public static let format = "dispatchdesk.plan/2"
    /// The latest minute a plan's times may name (a week after midnight: literature days run to
    /// about 3,400): a time of 1e300 made `desk report` trap converting it to a whole minute.
    public static let latestMinute = 7.0 * 24 * 60

    /// Where a stop stands in the day (the replan updates it from the couriers' handhelds).
    public enum StopStatus: String, Sendable, Equatable, CaseIterable {
        /// Not visited yet.
        case planned
        /// The courier is there now.
        case inProgress = "in_progress"
        /// Handed over or picked up.
        case done
        /// Visited, not handed over (not home, refused, wrong address).
        case failed
    }

    /// A stop on a trip.
    public struct Visit: Sendable, Equatable {
        /// Stop id.
        public var id: String
        /// Arrival, minutes since midnight.
        public var arrival: Double
        /// Start of service (after any wait for the window or the promised slot): the ETA.
        public var start: Double
        /// Departure.
        public var departure: Double
        /// Minutes the service starts before the promised slot (0 when none, or when the promise
        /// is not early-sensitive because nobody needs to be home).
        public var early: Double
        /// Minutes the service starts after the promised slot's end (0 when on time or no promise).
        public var late: Double
        /// The stop's time windows (as read from the scenario).
        public var windows: [TimeWindow]
        /// The slot promised to the customer, if any.
        public var promise: TimeWindow?
        /// The slot communicated to the customer when the plan was published, if any.
        public var slot: TimeWindow?
        /// Where the stop stands.
        public var status: StopStatus

        /// A visit; windows, promise and slot default to none, the status to planned.
        public init(id: String, arrival: Double, start: Double, departure: Double, early: Double = 0, late: Double = 0,
                    windows: [TimeWindow] = [], promise: TimeWindow? = nil, slot: TimeWindow? = nil,
                    status: StopStatus = .planned) {
            self.id = id
            self.arrival = arrival
            self.start = start
            self.departure = departure
            self.early = early
            self.late = late
            self.windows = windows
            self.promise = promise
            self.slot = slot
            self.status = status
        }

        /// Minutes waited before service could start.
        public var wait: Double { max(0, start - arrival) }
        /// Whether the visit happened (done or failed): its times are the handheld's, not computed.
        public var isRecorded: Bool { status == .done || status == .failed }
        /// Whether the visit breaks its promise (early or late by more than a second).
        public var breaksPromise: Bool { promise != nil && (early > 1.0 / 60 || late > 1.0 / 60) }
    }

    /// Where a courier was seen in the middle of a trip (a handheld's position report, or the
    /// failed stop it left, at a replan): the rest of the trip is timed from here.
    public struct Resume: Sendable, Equatable {
        /// How many of the trip's stops come before this point.
        public var afterStops: Int
        /// When the courier was here, minutes since midnight.
        public var time: Double
        /// Where.
        public var location: Location
        /// The stop the courier was at, when it was seen at one (a failed stop it left): its place
        /// id in a travel matrix, which has no rides from a bare position.
        public var stop: String?

        /// A resume point.
        public init(afterStops: Int, time: Double, location: Location, stop: String? = nil) {
            self.afterStops = afterStops
            self.time = time
            self.location = location
            self.stop = stop
        }
    }

    /// One trip: out of the outlet, the stops, back to the outlet to unload and reload.
    public struct Trip: Sendable, Equatable {
        /// Leaves the outlet (or the courier's start place on the first trip).
        public var departure: Double
        /// Back at the outlet (or the courier's end place on the last trip).
        public var returnTime: Double
        /// Stops in order.
        public var stops: [Visit]
        /// Weight loaded at the departure (deliveries of this trip), kg.
        public var loadKg: Double
        /// Most weight on board at any moment of the trip, kg.
        public var peakKg: Double
        /// Most volume on board at any moment of the trip, litres.
        public var peakLitres: Double
        /// Where the courier was seen during the trip, when a replan timed the rest from there.
        public var resume: Resume?

        /// A trip.
        public init(departure: Double, returnTime: Double, stops: [Visit], loadKg: Double = 0, peakKg: Double = 0,
                    peakLitres: Double = 0, resume: Resume? = nil) {
            self.departure = departure
            self.returnTime = returnTime
            self.stops = stops
            self.loadKg = loadKg
            self.peakKg = peakKg
            self.peakLitres = peakLitres
            self.resume = resume
        }
    }

    /// One courier's day.
    public struct CourierRoute: Sendable, Equatable {
        /// Courier id.
        public var courier: String
        /// The trips, in order (at least one).
        public var trips: [Trip]
        /// Distance ridden (km, or the instance's unit).
        public var distance: Double
        /// Start of the shift.
        public var shiftStart: Double
        /// Minutes a reload at the outlet takes between two trips.
        public var reloadMinutes: Double

        /// A route.
        public init(courier: String, trips: [Trip], distance: Double, shiftStart: Double, reloadMinutes: Double = 0) {
            self.courier = courier
            self.trips = trips
            self.distance = distance
            self.shiftStart = shiftStart
            self.reloadMinutes = reloadMinutes
        }

        /// Every stop in order, across trips.
        public var stops: [Visit] { trips.flatMap(\.stops) }
        /// Leaves for the first trip.
        public var departure: Double { trips.first?.departure ?? shiftStart }
        /// Back from the last trip.
        public var returnTime: Double { trips.last?.returnTime ?? shiftStart }
        /// Working minutes: away on trips, plus the reloads between them (time at the outlet
        /// beyond a reload is not work; the courier leaves each trip just in time).
        public var workingMinutes: Double {
            var minutes = 0.0
            for (t, trip) in trips.enumerated() {
                minutes += trip.returnTime - trip.departure
                if t > 0 { minutes += min(reloadMinutes, max(0, trip.departure - trips[t - 1].returnTime)) }
            }
            return minutes
        }
        /// Minutes from the shift start to the last return.
        public var dayMinutes: Double { max(0, returnTime - shiftStart) }
        /// Minutes of service at stops.
        public var serviceMinutes: Double { stops.reduce(0) { $0 + ($1.departure - $1.start) } }
        /// Minutes waiting at stops for a window or a promised slot.
        public var waitingMinutes: Double { stops.reduce(0) { $0 + $1.wait } }
        /// Minutes on the road: everything that is not service, waiting at stops, or at the outlet.
        public var ridingMinutes: Double {
            var riding = 0.0
            for trip in trips {
                var time = trip.departure
                for visit in trip.stops { riding += max(0, visit.arrival - time); time = visit.departure }
                riding += max(0, trip.returnTime - time)
            }
            return riding
        }
    }

    /// A stop that is not in any route.
    public struct Unassigned: Sendable, Equatable {
        /// Stop id.
        public var id: String
        /// Why, in words.
        public var reason: String

        /// An unassigned stop and why.
        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    /// The scenario a plan was made for: later commands load it and refuse a changed one.
    public struct ScenarioReference: Sendable, Equatable {
        /// Path of the scenario file, relative to the plan file's folder.
        public var path: String
        /// SHA-256 of the scenario file's bytes, lowercase hex.
        public var sha256: String

        /// A reference.
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// The scenario's name (for reports).
    public var name: String
    /// The scenario file, when the plan was made from one.
    public var scenario: ScenarioReference?
    /// The objective's name (`outlet`, `fewest-couriers`, `hierarchical`, `distance`).
    public var objective: String
    /// Routes of the couriers who go out (couriers with nothing to do are left out).
    public var routes: [CourierRoute]
    /// Stops not routed, with reasons.
    public var unassigned: [Unassigned]
    /// Objective value the solver minimised.
    public var cost: Double
    /// Search statistics (iterations, seconds, …).
    public var statistics: [String: Double]

    /// A plan.
    public init(name: String = "", scenario: ScenarioReference? = nil, objective: String = "outlet",
                routes: [CourierRoute], unassigned: [Unassigned], cost: Double = 0, statistics: [String: Double] = [:]) {
        self.name = name
        self.scenario = scenario
        self.objective = objective
        self.routes = routes
        self.unassigned = unassigned
        self.cost = cost
        self.statistics = statistics
    }

    /// Couriers who go out.
    public var couriersUsed: Int { routes.count }
    /// Total distance.
    public var distance: Double { routes.reduce(0) { $0 + $1.distance } }
    /// Total minutes from departure to return.
    public var duration: Double { routes.reduce(0) { $0 + $1.returnTime - $1.departure } }
    /// Total minutes past promised slots.
    public var lateness: Double { routes.reduce(0) { $0 + $1.stops.reduce(0) { $0 + $1.late } } }
    /// Total minutes before promised slots where the customer must be present.
    public var earliness: Double { routes.reduce(0) { $0 + $1.stops.reduce(0) { $0 + $1.early } } }
    /// Promised stops served inside their slot.
    public var promisesKept: Int { routes.reduce(0) { $0 + $1.stops.filter { $0.promise != nil && !$0.breaksPromise }.count } }
    /// Promised stops served early or late.
    public var promisesBroken: Int { routes.reduce(0) { $0 + $1.stops.filter(\.breaksPromise).count } }
    /// The last courier's return (minutes since midnight), or 0 with no route.
    public var latestReturn: Double { routes.map(\.returnTime).max() ?? 0 }
    /// Longest working day in minutes.
    public var longestWorkingMinutes: Double { routes.map(\.workingMinutes).max() ?? 0 }
    /// Mean working day over the couriers who go out.
    public var meanWorkingMinutes: Double {
        routes.isEmpty ? 0 : routes.reduce(0) { $0 + $1.workingMinutes } / Double(routes.count)
    }
    /// Longest minus shortest working day.
    public var workingMinutesSpread: Double {
        guard let low = routes.map(\.workingMinutes).min() else { return 0 }
        return longestWorkingMinutes - low
    }
    /// Trips over all couriers.
    public var tripCount: Int { routes.reduce(0) { $0 + $1.trips.count } }
}
