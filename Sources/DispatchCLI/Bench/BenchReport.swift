/// Everything a benchmark run produced: the runs, the files that could not be run, and the
/// settings, ready to summarise and render.
public struct BenchReport: Sendable, Equatable {
    /// A file that was not run, and why.
    public struct Failure: Sendable, Equatable {
        /// The file.
        public var path: String
        /// The 1-based line the finding is on; 0 when it concerns the whole file.
        public var line: Int
        /// Why it was not run (or read): `field: message` where a field is known.
        public var message: String
        /// Whether the file is missing (exit 66) rather than unreadable or invalid (exit 65).
        public var isMissing: Bool

        /// A failure.
        public init(path: String, line: Int = 0, message: String, isMissing: Bool = false) {
            self.path = path
            self.line = line
            self.message = message
            self.isMissing = isMissing
        }

        /// `path:line: message`, or `path: message` for the whole file.
        public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
    }

    /// Seeds, in the order given.
    public var seeds: [UInt64]
    /// Time budgets in seconds, in the order given.
    public var budgets: [Double]
    /// Parallel searches per run.
    public var workers: Int
    /// Whether set partitioning ran.
    public var setPartitioning: Bool
    /// Every run, file by file, budget by budget, seed by seed.
    public var records: [BenchRecord]
    /// Files that were not run.
    public var failures: [Failure]
    /// Best-known solutions tables that could not be read: the runs they were for went on
    /// without a reference (no gap).
    public var unreadBestKnown: [Failure] = []

    /// A report.
    public init(seeds: [UInt64], budgets: [Double], workers: Int = 1, setPartitioning: Bool = true,
                records: [BenchRecord] = [], failures: [Failure] = []) {
        self.seeds = seeds
        self.budgets = budgets
        self.workers = workers
        self.setPartitioning = setPartitioning
        self.records = records
        self.failures = failures
    }

    /// The summary of the runs.
    public var summary: BenchSummary { BenchSummary(records: records) }

    /// 70 when a plan failed the checker (a bug), else 66 or 65 when a file was not run, else 0.
    public var status: ExitStatus {
        if records.contains(where: { !$0.checkPassed }) { return .internalError }
        if (failures + unreadBestKnown).contains(where: { !$0.isMissing }) { return .dataError }
        if !failures.isEmpty || !unreadBestKnown.isEmpty { return .noInput }
        return .ok
    }
}
