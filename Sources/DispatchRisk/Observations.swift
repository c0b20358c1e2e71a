import DispatchModel
import Foundation

/// Scan logs matched to a plan: the observed rides and handovers beside the planned ones, and
/// whether each scanned stop turned out late.
public struct Observations: Sendable {
    /// A ride between two consecutive stops of one trip, both scanned.
    public struct Ride: Sendable {
        /// Day index (into `days`).
        public var day: Int
        /// Route index of the plan.
        public var route: Int
        /// Planned minutes.
        public var planned: Double
        /// Observed minutes (departure scan to arrival scan).
        public var observed: Double
    }

    /// A handover: departure scan minus the start of service (arrival, or the window start after waiting).
    public struct Handover: Sendable {
        /// Day index.
        public var day: Int
        /// Position in the ``PlannedDay``.
        public var position: Int
        /// Planned minutes.
        public var planned: Double
        /// Observed minutes.
        public var observed: Double
    }

    /// A scanned stop's outcome.
    public struct Outcome: Sendable {
        /// Day index.
        public var day: Int
        /// Position in the ``PlannedDay``.
        public var position: Int
        /// Whether service started after the deadline.
        public var late: Bool
        /// Whether service started before the promised slot where the customer must be present.
        public var early: Bool
    }

    /// The dates, sorted.
    public var days: [String]
    /// Rides.
    public var rides: [Ride]
    /// Handovers.
    public var handovers: [Handover]
    /// Outcomes, one per scan.
    public var outcomes: [Outcome]
    /// The handover kind of each position of the plan.
    public var handoverKinds: [DispatchModel.Handover]

    /// Matches `entries` to `day`; a scan of a stop the plan does not route, or by another
    /// courier than the plan's, is an error naming the log line.
    public init(entries: [ScanLogEntry], day plan: PlannedDay, path: String = "log") throws(RiskDataError) {
        let dates = Array(Set(entries.map(\.date))).sorted()
        let dayIndex = Dictionary(uniqueKeysWithValues: dates.enumerated().map { ($1, $0) })
        var byDay = [[ScanLogEntry?]](repeating: [ScanLogEntry?](repeating: nil, count: plan.count), count: dates.count)
        for entry in entries {
            guard let position = plan.index[entry.stop] else {
                throw .invalid(path: path, line: entry.line, field: "stop", message: "\"\(entry.stop)\" is not a stop of the plan")
            }
            let courier = plan.couriers[plan.routeOfStop[position]]
            guard courier == entry.courier else {
                throw .invalid(path: path, line: entry.line, field: "courier", message: "\(entry.stop) is on \(courier)'s route in the plan, not \(entry.courier)'s")
            }
            byDay[dayIndex[entry.date]!][position] = entry
        }
        var rides: [Ride] = [], handovers: [Handover] = [], outcomes: [Outcome] = []
        for (d, scans) in byDay.enumerated() {
            for position in 0..<plan.count {
                guard let scan = scans[position] else { continue }
                let start = plan.startOfService(at: position, arrival: scan.arrived)
                outcomes.append(Outcome(day: d, position: position, late: start > plan.deadline[position] + 1e-9,
                                        early: start < plan.earlyBound[position] - 1e-9))
                handovers.append(Handover(day: d, position: position, planned: plan.plannedService(position), observed: max(0, scan.departed - start)))
                if let previous = plan.previousOnTrip(position), let before = scans[previous] {
                    rides.append(Ride(day: d, route: plan.routeOfStop[position], planned: plan.plannedRide(position),
                                      observed: scan.arrived - before.departed))
                }
            }
        }
        self.days = dates
        self.rides = rides
        self.handovers = handovers
        self.outcomes = outcomes
        self.handoverKinds = plan.stops.map(\.handover)
    }
}
