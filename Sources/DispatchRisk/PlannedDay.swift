import DispatchModel
import DispatchPlan

/// A plan flattened for simulation: every routed stop in route, trip and visit order, with its
/// planned ride in, handover, windows, deadline and handover kind in flat arrays indexed by the
/// stop's position (`index`), and the trips and routes as ranges over those positions.
///
/// Between trips the courier is at the outlet: the next trip leaves at its planned departure or,
/// when the courier is back late, `reloadMinutes` after the return.
///
/// A plan written by a replan carries history, which a simulation keeps as it happened: a visit
/// scanned `done` or `failed` starts and ends at its scans, and where a trip resumes from a point
/// the courier was seen at (`Plan.Resume`) the ride on starts there and then. Only what is still
/// to come is drawn, an `in_progress` visit among it (the replan projects its arrival; no
/// handheld records one).
public struct PlannedDay: Sendable {
    /// Stop ids in order.
    public let stopIDs: [String]
    /// The scenario's stop for each position, holding the slot its customer was told as its promise.
    public let stops: [Stop]
    /// The plan's visit for each position.
    public let visits: [Plan.Visit]
    /// Route index of each position.
    public let routeOfStop: [Int]
    /// Trip index (over all routes) of each position.
    public let tripOfStop: [Int]
    /// Position of each stop id.
    public let index: [String: Int]
    /// Courier ids, one per route.
    public let couriers: [String]

    // Per stop (position).
    let rideIn: [Double]
    let service: [Double]
    let windowOffsets: [Int]
    let windowStarts: [Double]
    let windowEnds: [Double]
    /// Service starting after this minute is late: the promised slot's end, else the end of the
    /// window the plan serves the stop in.
    public let deadline: [Double]
    /// Service starting before this minute is early (`-infinity` where nobody must be present
    /// or nothing was promised).
    public let earlyBound: [Double]
    let handoverIndex: [Int]
    let stopKey: [UInt64]
    /// The scanned departure of a `done` or `failed` visit (its start is the visit's `start`); NaN otherwise.
    let recordedDeparture: [Double]
    /// The ride into the stop does not start before this minute (a resume point); `-infinity` otherwise.
    let rideNotBefore: [Double]

    // Per trip.
    let tripFirst: [Int]
    let tripEnd: [Int]
    let tripDeparture: [Double]
    let tripReturnRide: [Double]
    let tripReturnNotBefore: [Double]
    // Per route.
    let routeFirstTrip: [Int]
    let routeTripEnd: [Int]
    let courierKey: [UInt64]
    let reloadMinutes: Double

    /// Number of routed stops.
    public var count: Int { stopIDs.count }

    /// Planned service start (the ETA) at `position`.
    public func plannedStart(_ position: Int) -> Double { visits[position].start }

    /// Minutes between the ETA and the deadline (negative: late already in the plan).
    public func slack(_ position: Int) -> Double { deadline[position] - visits[position].start }

    /// When service can start for an arrival at `arrival` at `position`: the start of the first
    /// window (after waiting for a promised slot where the customer must be there) that has not
    /// closed, or the arrival itself when every window has closed.
    @inline(__always)
    func serviceStart(_ position: Int, arrival: Double) -> Double {
        var w = windowOffsets[position]
        let end = windowOffsets[position + 1]
        while w < end {
            if arrival <= windowEnds[w] { return arrival > windowStarts[w] ? arrival : windowStarts[w] }
            w += 1
        }
        return arrival
    }

    /// Public form of the waiting rule, for observed arrivals.
    public func startOfService(at position: Int, arrival: Double) -> Double { serviceStart(position, arrival: arrival) }

    /// Planned minutes of the ride into `position` (from the previous stop or the outlet).
    public func plannedRide(_ position: Int) -> Double { rideIn[position] }

    /// Planned handover minutes at `position`.
    public func plannedService(_ position: Int) -> Double { service[position] }

    /// The previous position on the same trip, or `nil` for a trip's first stop.
    public func previousOnTrip(_ position: Int) -> Int? {
        position > tripFirst[tripOfStop[position]] ? position - 1 : nil
    }

    /// Flattens `plan` against `scenario`; a plan naming a stop the scenario does not have is refused.
    /// Without `history` the scans and resume points of a replanned plan are ignored and the whole
    /// day is drawn, as calibration and reliability scores need (they judge the model, not the day).
    public init(plan: Plan, scenario: Scenario, planPath: String = "plan", history: Bool = true) throws(RiskDataError) {
        let byID = Dictionary(scenario.stops.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ids: [String] = [], stops: [Stop] = [], visits: [Plan.Visit] = []
        var routeOf: [Int] = [], tripOf: [Int] = [], index: [String: Int] = [:]
        var rideIn: [Double] = [], service: [Double] = []
        var offsets: [Int] = [0], starts: [Double] = [], ends: [Double] = []
        var deadline: [Double] = [], earlyBound: [Double] = [], handover: [Int] = [], keys: [UInt64] = []
        var tripFirst: [Int] = [], tripEnd: [Int] = [], tripDeparture: [Double] = [], tripReturnRide: [Double] = []
        var recordedDeparture: [Double] = [], rideNotBefore: [Double] = [], tripReturnNotBefore: [Double] = []
        var routeFirstTrip: [Int] = [], routeTripEnd: [Int] = [], courierKey: [UInt64] = []
        for (r, route) in plan.routes.enumerated() {
            routeFirstTrip.append(tripFirst.count)
            courierKey.append(RiskHashing.key("courier:" + route.courier))
            for trip in route.trips {
                tripFirst.append(ids.count)
                tripDeparture.append(trip.departure)
                var time = trip.departure
                for (k, visit) in trip.stops.enumerated() {
                    // A slot told to the customer (`desk plan --slot-width`) is the visit's promise.
                    guard let stop = byID[visit.id]?.holding(slot: visit.slot) else {
                        throw .invalid(path: planPath, line: 1, field: "routes",
                                       message: "courier \(route.courier) visits stop \(visit.id), which the scenario does not have")
                    }
                    guard index[visit.id] == nil else {
                        throw .invalid(path: planPath, line: 1, field: "routes", message: "stop \(visit.id) is visited twice")
                    }
                    index[visit.id] = ids.count
                    ids.append(visit.id); stops.append(stop); visits.append(visit)
                    routeOf.append(r); tripOf.append(tripFirst.count - 1)
                    if history, let resume = trip.resume, resume.afterStops == k {
                        time = max(time, resume.time)
                        rideNotBefore.append(resume.time)
                    } else {
                        rideNotBefore.append(-.infinity)
                    }
                    rideIn.append(max(0, visit.arrival - time))
                    service.append(max(0, visit.departure - visit.start))
                    recordedDeparture.append(history && visit.isRecorded ? visit.departure : .nan)
                    time = visit.departure
                    let windows = stop.serviceWindows
                    for w in windows { starts.append(Double(w.start)); ends.append(Double(w.end)) }
                    offsets.append(starts.count)
                    if let promise = stop.promise {
                        deadline.append(Double(promise.end))
                        earlyBound.append(stop.needsCustomerPresent ? Double(promise.start) : -.infinity)
                    } else {
                        let served = windows.first { Double($0.end) >= visit.start - 1e-9 } ?? windows.last
                        deadline.append(served.map { Double($0.end) } ?? .infinity)
                        earlyBound.append(-.infinity)
                    }
                    handover.append(RiskModel.index(of: stop.handover))
                    keys.append(RiskHashing.key("stop:" + visit.id))
                }
                tripEnd.append(ids.count)
                if history, let resume = trip.resume, resume.afterStops >= trip.stops.count {
                    time = max(time, resume.time)
                    tripReturnNotBefore.append(resume.time)
                } else {
                    tripReturnNotBefore.append(-.infinity)
                }
                tripReturnRide.append(max(0, trip.returnTime - time))
            }
            routeTripEnd.append(tripFirst.count)
        }
        self.stopIDs = ids; self.stops = stops; self.visits = visits
        self.routeOfStop = routeOf; self.tripOfStop = tripOf; self.index = index
        self.couriers = plan.routes.map(\.courier)
        self.rideIn = rideIn; self.service = service
        self.windowOffsets = offsets; self.windowStarts = starts; self.windowEnds = ends
        self.deadline = deadline; self.earlyBound = earlyBound; self.handoverIndex = handover; self.stopKey = keys
        self.tripFirst = tripFirst; self.tripEnd = tripEnd; self.tripDeparture = tripDeparture; self.tripReturnRide = tripReturnRide
        self.recordedDeparture = recordedDeparture
        self.rideNotBefore = rideNotBefore; self.tripReturnNotBefore = tripReturnNotBefore
        self.routeFirstTrip = routeFirstTrip; self.routeTripEnd = routeTripEnd; self.courierKey = courierKey
        self.reloadMinutes = scenario.outlet.reloadMinutes ?? 0
    }
}
