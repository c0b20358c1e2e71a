/// A closed interval of the day, in minutes since midnight: service may start at any minute in
/// `start...end`. Files show times as "HH:MM".
public struct TimeWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Earliest minute, since midnight.
    public var start: Int
    /// Latest minute, since midnight (1440 is midnight at the end of the day).
    public var end: Int

    /// A window from `start` to `end`, in minutes since midnight.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The whole calendar day, 00:00–24:00.
    public static let wholeDay = TimeWindow(start: 0, end: 24 * 60)

    /// Length in minutes.
    public var minutes: Int { end - start }

    /// Whether the two windows share at least one minute.
    public func overlaps(_ other: TimeWindow) -> Bool {
        max(start, other.start) <= min(end, other.end)
    }

    /// Whether `minute` lies inside the window.
    public func contains(_ minute: Int) -> Bool { minute >= start && minute <= end }

    /// "HH:MM-HH:MM".
    public var description: String { "\(Clock.format(start))-\(Clock.format(end))" }
}

/// Formatting and reading of "HH:MM" clock times.
public enum Clock {
    /// "HH:MM" for a minute of the day; 1440 prints as "24:00". Fractions are rounded down.
    public static func format(_ minute: Int) -> String {
        let m = max(minute, 0)
        let h = m / 60, mm = m % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (mm < 10 ? "0" : "") + String(mm)
    }

    /// The minute of the day of "HH:MM" (or "H:MM"), 00:00 to 24:00; `nil` for anything else.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]), m < 60, h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }

    /// The latest minute ``format(_:)-(Double)`` prints as a time (about 19 years after
    /// midnight): beyond it, and for a value that is not finite, it prints "--:--". Such times
    /// only come from absurd travel times (a speed of 1e-17 km/h), and converting them to an
    /// `Int` would trap.
    public static let latestPrintableMinute = 9_999_999.0

    /// "HH:MM" for a fractional minute of the day (rounded to the nearest minute); "--:--" for
    /// a value that is not finite or lies beyond ``latestPrintableMinute``.
    public static func format(_ minute: Double) -> String {
        guard minute.isFinite, minute <= latestPrintableMinute else { return "--:--" }
        return format(Int(max(minute, -1).rounded()))
    }
}
