import DispatchModel
import DispatchPlan
import DispatchRisk

/// The at-risk report's data: one row per routed stop, in route order, with the ETA, slack and
/// the (calibrated) probability of missing the promise; every renderer reads this.
public struct RiskReport: Sendable {
    /// One routed stop.
    public struct Row: Sendable {
        /// Courier id and display name.
        public var courier: String, courierName: String
        /// Route index in the plan.
        public var route: Int
        /// 1-based trip number and 1-based order in the courier's day.
        public var trip: Int, order: Int
        /// The scenario's stop.
        public var stop: Stop
        /// The plan's visit.
        public var visit: Plan.Visit
        /// Service starting after this minute is late (promise end, else window end).
        public var deadline: Double
        /// Minutes between the ETA and the deadline.
        public var slack: Double
        /// Calibrated P(late).
        public var pLate: Double
        /// Monte Carlo P(late) before recalibration.
        public var pLateModel: Double
        /// P(early) where the customer must be present.
        public var pEarly: Double
        /// Mean simulated start of service.
        public var meanStart: Double
        /// Whether the visit is still to come (`planned`) and `pLate` reaches the threshold. A visit
        /// already scanned (`done`, `failed`) is history and one `in_progress` has the courier at the
        /// door: neither is ever at risk, so neither is counted at risk nor put on the call list.
        public var atRisk: Bool

        /// Whether the stop needs cold-chain equipment.
        public var coldChain: Bool { stop.isColdChain }
        /// The window as the customer said it, else as times (the CSV table's column; the
        /// other views say it in the report's language: ``RiskReport/window(of:)``).
        public var windowText: String {
            if let phrase = stop.windowPhrase { return phrase }
            return visit.windows.map(\.description).joined(separator: ", ")
        }
    }

    /// Scenario name.
    public var name: String
    /// The outlet.
    public var outlet: Outlet
    /// The couriers of the scenario.
    public var couriers: [Courier]
    /// The plan.
    public var plan: Plan
    /// Rows, in route order.
    public var rows: [Row]
    /// The P(late) from which a promise is at risk.
    public var threshold: Double
    /// Monte Carlo draws.
    public var draws: Int
    /// Seconds the estimate took.
    public var estimateSeconds: Double
    /// Label language.
    public var language: ReportLanguage

    /// `row`'s window in the report's language (see ``ReportLanguage``): the customer's phrase
    /// when it is in that language, else the windows in its words.
    public func window(of row: Row) -> String {
        language.window(phrase: row.stop.windowPhrase, windows: row.visit.windows, day: outlet.day)
    }

    /// Rows at risk, most likely late first.
    public var atRisk: [Row] { rows.filter(\.atRisk).sorted { ($0.pLate, $1.slack) > ($1.pLate, $0.slack) } }

    /// Builds the report: flattens the plan, runs the estimator, applies the recalibration.
    public init(plan: Plan, scenario: Scenario, day: PlannedDay, estimate: RiskEstimator.Estimate, profile: RiskProfile,
                threshold: Double, language: ReportLanguage, estimateSeconds: Double = 0) {
        let names = Dictionary(scenario.couriers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var rows: [Row] = []
        var orderInRoute = [Int](repeating: 0, count: plan.routes.count)
        var firstTrip: [Int: Int] = [:]
        for position in 0..<day.count {
            let r = day.routeOfStop[position]
            orderInRoute[r] += 1
            if firstTrip[r] == nil { firstTrip[r] = day.tripOfStop[position] }
            let p = profile.calibrated(estimate.late[position])
            let courier = day.couriers[r]
            rows.append(Row(courier: courier, courierName: names[courier] ?? courier, route: r,
                            trip: day.tripOfStop[position] - firstTrip[r]! + 1, order: orderInRoute[r],
                            stop: day.stops[position], visit: day.visits[position], deadline: day.deadline[position],
                            slack: day.slack(position), pLate: p, pLateModel: estimate.late[position], pEarly: estimate.early[position],
                            meanStart: estimate.meanStart[position],
                            atRisk: day.visits[position].status == .planned && p >= threshold))
        }
        self.name = scenario.name
        self.outlet = scenario.outlet
        self.couriers = scenario.couriers
        self.plan = plan
        self.rows = rows
        self.threshold = threshold
        self.draws = estimate.draws
        self.estimateSeconds = estimateSeconds
        self.language = language
    }

    /// "63%" style percentage.
    static func percent(_ p: Double) -> String { "\(Int((p * 100).rounded()))%" }

    /// Slack in whole minutes, signed; "—" without a deadline.
    static func minutes(_ x: Double) -> String { x.isFinite ? "\(Int(x.rounded()))" : "—" }
}
