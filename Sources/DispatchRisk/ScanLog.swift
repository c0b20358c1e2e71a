/// One scan from a courier's handheld: arrival at and departure from a stop on one day.
public struct ScanLogEntry: Sendable, Equatable {
    /// Whether the parcel changed hands.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// Handed over or picked up.
        case done
        /// Visited, not handed over.
        case failed
    }

    /// The day, `YYYY-MM-DD`.
    public var date: String
    /// Courier id.
    public var courier: String
    /// Stop id.
    public var stop: String
    /// Arrival scan, minutes since midnight (seconds as fractions).
    public var arrived: Double
    /// Departure scan, minutes since midnight.
    public var departed: Double
    /// Outcome.
    public var status: Status
    /// Line in the log file (0 when built in memory).
    public var line: Int

    /// An entry.
    public init(date: String, courier: String, stop: String, arrived: Double, departed: Double, status: Status = .done, line: Int = 0) {
        self.date = date
        self.courier = courier
        self.stop = stop
        self.arrived = arrived
        self.departed = departed
        self.status = status
        self.line = line
    }
}

/// The scan log's clock times: `HH:MM` or `HH:MM:SS`.
public enum ScanClock {
    /// Minutes since midnight of `text`, or `nil` when it is not `H:MM`, `HH:MM` or `HH:MM:SS` up to 24:00.
    public static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, (1...2).contains(parts[0].count),
              parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), m < 60 else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) ?? 60 : 0
        guard s < 60 else { return nil }
        let minutes = Double(h * 60 + m) + Double(s) / 60
        return minutes <= 24 * 60 ? minutes : nil
    }

    /// `HH:MM:SS` for a minute of the day (rounded to the second).
    public static func format(_ minute: Double) -> String {
        let seconds = max(0, Int((minute * 60).rounded()))
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}

/// `YYYY-MM-DD` dates: checked, and counted forward (for simulated days).
public enum ScanDate {
    /// Whether `text` is a real calendar date `YYYY-MM-DD`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m) else { return false }
        return d >= 1 && d <= daysIn(month: m, year: y)
    }

    /// The date `days` after `start` (a valid date), its year zero-padded to four digits. Past
    /// 9999 the year has five digits, which ``isValid(_:)`` (and so the scan-log reader) refuses.
    public static func adding(_ days: Int, to start: String) -> String {
        let parts = start.split(separator: "-").compactMap { Int($0) }
        var (y, m, d) = (parts[0], parts[1], parts[2])
        for _ in 0..<max(0, days) {
            d += 1
            if d > daysIn(month: m, year: y) { d = 1; m += 1 }
            if m > 12 { m = 1; y += 1 }
        }
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(two(m))-\(two(d))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
