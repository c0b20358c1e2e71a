import DispatchSolver

/// How `desk replan` replans: the moment, the search budget, and the weights of stability and slots.
public struct ReplanOptions: Sendable {
    /// The moment of the replan, minutes since midnight: events up to it are applied, and nothing
    /// new starts before it.
    public var now: Double
    /// Search budget (seconds); with ``iterations`` whichever comes first binds.
    public var seconds: Double
    /// Ruin-and-recreate steps per worker; with a seed the replan is the same on every run.
    public var iterations: Int?
    /// Random seed.
    public var seed: UInt64
    /// Parallel searches.
    public var workers: Int
    /// What moving a stop to another courier costs, in minutes of a courier's working day
    /// (the objective's cost of a minute added to a 300-minute day, times this).
    public var stabilityMinutes: Double
    /// Width of the slot told to a new customer around the ETA, minutes.
    public var slotWidth: Int
    /// The outlet answers a request within this many minutes: a new pickup is not visited earlier,
    /// where its window allows.
    public var answerMinutes: Int
    /// Whether granular local search polishes the first and the final plan.
    public var localSearch: Bool

    /// Options; by default 2 s, seed 1, two workers, stability 30 minutes, a 60-minute slot, a
    /// 30-minute answer.
    public init(now: Double, seconds: Double = 2, iterations: Int? = nil, seed: UInt64 = 1, workers: Int = 2,
                stabilityMinutes: Double = 30, slotWidth: Int = 60, answerMinutes: Int = 30, localSearch: Bool = true) {
        self.now = now
        self.seconds = seconds
        self.iterations = iterations
        self.seed = seed
        self.workers = workers
        self.stabilityMinutes = stabilityMinutes
        self.slotWidth = slotWidth
        self.answerMinutes = answerMinutes
        self.localSearch = localSearch
    }

    /// The cost of one stop moved to another courier under `objective`.
    public func stabilityCost(_ objective: Objective) -> Double {
        let minute = objective.perMinute + 2 * objective.perSquaredWorkingMinute * 300
        return stabilityMinutes * (minute > 0 ? minute : max(objective.perDistance, 1))
    }
}
