/// One planner run in a benchmark: one instance, one time budget, one seed.
public struct BenchRecord: Sendable, Equatable {
    /// Instance name (the file name without extension).
    public var instance: String
    /// Family for the summary (see ``BenchFamily``).
    public var family: String
    /// Objective name the run minimised.
    public var objective: String
    /// Time budget in seconds.
    public var budget: Double
    /// Random seed.
    public var seed: UInt64
    /// Vehicles (couriers) used.
    public var vehicles: Int
    /// Total distance.
    public var distance: Double
    /// Stops left unrouted.
    public var unassigned: Int
    /// The best-known solution, when the table has one.
    public var bestKnown: BestKnown?
    /// Ruin-and-recreate iterations over all workers.
    public var iterations: Int
    /// Seconds the planner took.
    public var seconds: Double
    /// What set partitioning took off the cost (0 when it found nothing better or was off).
    public var setPartitioningGain: Double
    /// What the independent checker found wrong with the plan (empty when it passed).
    public var violations: [String]
    /// The outlet manager's figures, for outlet days (scenario files; `nil` for literature
    /// instances, where vehicles and distance say it all).
    public var outlet: OutletTerms?

    /// What an outlet manager reads off a plan besides couriers and kilometres.
    public struct OutletTerms: Sendable, Equatable {
        /// Promised slots kept and broken.
        public var promisesKept: Int, promisesBroken: Int
        /// The latest return to the outlet (minute of the day).
        public var latestReturn: Double
        /// The longest and the mean working day over the couriers sent out (minutes).
        public var longestWorkingMinutes: Double, meanWorkingMinutes: Double
        /// The objective's value.
        public var cost: Double
        /// Promises whose P(late) is 0.2 or more, and the sum of P(late) over every promise (the
        /// promises expected broken on the day), by `desk report`'s estimate: the scenario's risk
        /// model (or the defaults for its weather), 1,000 draws, seed 1; `nil` when the estimate
        /// failed (the run is then also among the report's failures).
        public var promisesAtRisk: Int?, expectedLate: Double?

        /// The figures of one run.
        public init(promisesKept: Int, promisesBroken: Int, latestReturn: Double, longestWorkingMinutes: Double,
                    meanWorkingMinutes: Double, cost: Double, promisesAtRisk: Int? = nil, expectedLate: Double? = nil) {
            self.promisesKept = promisesKept
            self.promisesBroken = promisesBroken
            self.latestReturn = latestReturn
            self.longestWorkingMinutes = longestWorkingMinutes
            self.meanWorkingMinutes = meanWorkingMinutes
            self.cost = cost
            self.promisesAtRisk = promisesAtRisk
            self.expectedLate = expectedLate
        }

        /// The longest working day over the mean (1 when every courier works as long).
        public var longestOverMean: Double { meanWorkingMinutes > 0 ? longestWorkingMinutes / meanWorkingMinutes : 1 }
    }

    /// A run's record.
    public init(instance: String, family: String? = nil, objective: String, budget: Double, seed: UInt64, vehicles: Int,
                distance: Double, unassigned: Int = 0, bestKnown: BestKnown?, iterations: Int = 0, seconds: Double = 0,
                setPartitioningGain: Double = 0, violations: [String] = [], outlet: OutletTerms? = nil) {
        self.instance = instance
        self.family = family ?? BenchFamily.of(instance)
        self.objective = objective
        self.budget = budget
        self.seed = seed
        self.vehicles = vehicles
        self.distance = distance
        self.unassigned = unassigned
        self.bestKnown = bestKnown
        self.iterations = iterations
        self.seconds = seconds
        self.setPartitioningGain = setPartitioningGain
        self.violations = violations
        self.outlet = outlet
    }

    /// Whether the plan passed the independent checker.
    public var checkPassed: Bool { violations.isEmpty }

    /// Whether every stop is routed with no more vehicles than the best-known solution;
    /// `nil` when no best-known vehicle count is known.
    public var reachesBestKnownVehicles: Bool? {
        guard let known = bestKnown?.vehicles else { return nil }
        return unassigned == 0 && vehicles <= known
    }

    /// Distance above the best-known one, in per cent; `nil` without a best-known solution or
    /// when stops are left out (the distances are then not comparable).
    public var gap: Double? {
        guard let known = bestKnown, unassigned == 0 else { return nil }
        return (distance - known.distance) / known.distance * 100
    }

    /// The gap as the literature counts it: for a vehicles-first best-known solution only when
    /// its vehicle count is reached.
    public var countedGap: Double? {
        guard let gap, let known = bestKnown else { return nil }
        if known.gapNeedsVehicles, reachesBestKnownVehicles != true { return nil }
        return gap
    }

    /// Orders runs of one instance best first: all stops routed, then (unless the objective
    /// is distance) fewer vehicles, then less distance.
    func isBetter(than other: BenchRecord) -> Bool {
        if unassigned != other.unassigned { return unassigned < other.unassigned }
        if objective != "distance", vehicles != other.vehicles { return vehicles < other.vehicles }
        return distance < other.distance
    }
}
