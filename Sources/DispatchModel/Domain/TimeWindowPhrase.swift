/// A customer's time window as they said it, and the windows it means.
///
/// The grammar (English and Chinese, case-insensitive, full-width characters accepted):
/// ```
/// phrase   := item ( ("," | "，" | ";" | "、" | "/" | " or " | "或") item )*
/// item     := "any" | "anytime" | "all day" | "全天" | "随时"
///           | period
///           | [period] "after" time  | [period] time ("以后" | "之后" | "后")
///           | [period] "before" time | [period] time ("以前" | "之前" | "前")
///           | [period] ["from" | "between" | "从"] time ("-" | "–" | "~" | "to" | "and" | "到" | "至") time ["之间"]
///           | "after" time "before" time   (and the other orders: the two bounds intersect)
/// period   := "morning" | "上午" | "早上"      (day start–12:00)
///           | "noon" | "中午"                (11:00–13:00; 12:00 where a time belongs)
///           | "afternoon" | "下午"           (12:00–18:00)
///           | "evening" | "晚上" | "傍晚"     (18:00–day end)
/// time     := H | HH:MM | H.MM | HHMM | H点 | H点半 | H点MM分, optionally followed by "am" / "pm"
///           | "noon" | "midday" | "中午"        (12:00, where a time belongs: "between 10am and noon")
/// ```
/// A period before a time only says which half of the day an hour means ("下午3点" is 15:00);
/// open ends ("after 18:30") run to the outlet's day end, and from its day start.
/// Anything unclear or impossible is an error quoting the phrase; nothing is guessed.
public struct TimeWindowPhrase: Sendable, Equatable {
    /// Which kind of phrase it was, for summaries.
    public enum Form: String, Sendable, Codable, CaseIterable {
        case any, before, after, range, period, multiple
    }

    /// The phrase as written.
    public let text: String
    /// The windows it means, sorted and merged.
    public let windows: [TimeWindow]
    /// Its kind.
    public let form: Form

    /// Reads a phrase; open ends take the bounds of `day`.
    public static func parse(_ text: String, day: TimeWindow = .wholeDay) throws(TimeWindowPhraseError) -> TimeWindowPhrase {
        let normalised = normalise(text)
        let items = splitItems(normalised)
        guard !items.isEmpty else { throw TimeWindowPhraseError(phrase: text, reason: "no time window in it") }
        var parsed: [(TimeWindow, Form)] = []
        for item in items {
            let tokens = try tokenize(item, phrase: text)
            parsed.append(try interpret(tokens, day: day, phrase: text))
        }
        let merged = merge(parsed.map(\.0))
        let form: Form = merged.count > 1 ? .multiple : (parsed.count == 1 ? parsed[0].1 : .range)
        return TimeWindowPhrase(text: text, windows: merged, form: form)
    }

    // MARK: - Normalisation and splitting

    static func normalise(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out += String(scalar.value - 0xFF10) // full-width digits
            case 0xFF1A: out += ":"                     // ：
            case 0xFF0C, 0x3001: out += ","             // ， 、
            case 0xFF1B: out += ";"                     // ；
            case 0x2013, 0x2014, 0x2212, 0xFF0D, 0x301C, 0xFF5E, 0x7E: out += "-"   // – — − － 〜 ～ ~
            case 0x3000: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func splitItems(_ text: String) -> [String] {
        var spaced = text.replacing(" or ", with: ",")
        spaced = spaced.replacing("或", with: ",")
        return spaced.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" })
            .map { String($0).trimmed }
            .filter { !$0.isEmpty }
    }

    static func merge(_ windows: [TimeWindow]) -> [TimeWindow] {
        var result: [TimeWindow] = []
        for w in windows.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = result.last, w.start <= last.end {
                result[result.count - 1].end = max(last.end, w.end)
            } else {
                result.append(w)
            }
        }
        return result
    }

    // MARK: - Tokens

    enum Period: Equatable {
        case morning, noon, afternoon, evening
        var isAfternoon: Bool { self == .afternoon || self == .evening }
    }

    struct ClockTime: Equatable {
        var hour: Int
        var minute: Int
        var text: String
    }

    enum Token: Equatable {
        case time(ClockTime)
        case afterWord        // English prefix: "after 18:30"
        case beforeWord       // English prefix: "before 10:00"
        case afterSuffix      // Chinese suffix: "18:30以后"
        case beforeSuffix     // Chinese suffix: "10点前"
        case rangeStart       // "from", "between", "从"
        case rangeSeparator   // "-", "to", "and", "到", "至"
        case period(Period)
        case any
        case meridiem(pm: Bool)
    }

    static let chineseWords: [(String, Token?)] = [
        ("任意时间", .any), ("任何时间", .any), ("全天", .any), ("整天", .any), ("随时", .any),
        ("都可以", nil), ("均可", nil), ("都行", nil), ("之间", nil), ("之間", nil),
        ("以后", .afterSuffix), ("之后", .afterSuffix), ("以後", .afterSuffix), ("之後", .afterSuffix),
        ("后", .afterSuffix), ("後", .afterSuffix),
        ("以前", .beforeSuffix), ("之前", .beforeSuffix), ("前", .beforeSuffix),
        ("上午", .period(.morning)), ("早上", .period(.morning)), ("早晨", .period(.morning)),
        ("中午", .period(.noon)), ("下午", .period(.afternoon)),
        ("晚上", .period(.evening)), ("傍晚", .period(.evening)),
        ("从", .rangeStart), ("從", .rangeStart), ("到", .rangeSeparator), ("至", .rangeSeparator),
        ("在", nil),
    ]

    static let englishWords: [String: Token?] = [
        "after": .afterWord, "since": .afterWord, "past": .afterWord,
        "before": .beforeWord, "by": .beforeWord, "until": .beforeWord, "till": .beforeWord,
        "from": .rangeStart, "between": .rangeStart, "to": .rangeSeparator, "and": .rangeSeparator,
        "morning": .period(.morning), "noon": .period(.noon), "midday": .period(.noon),
        "afternoon": .period(.afternoon), "evening": .period(.evening), "night": .period(.evening),
        "tonight": .period(.evening),
        "any": .any, "anytime": .any, "all": .any, "whole": .any, "flexible": .any,
        "day": nil, "time": nil, "in": nil, "the": nil, "at": nil,
        "am": .meridiem(pm: false), "pm": .meridiem(pm: true),
    ]

    static func tokenize(_ item: String, phrase: String) throws(TimeWindowPhraseError) -> [Token] {
        let chars = Array(item)
        var tokens: [Token] = []
        var i = 0
        func fail(_ reason: String) -> TimeWindowPhraseError { TimeWindowPhraseError(phrase: phrase, reason: reason) }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if c.isASCII, let digit = c.wholeNumberValue {
                _ = digit
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
                let digits = String(chars[i..<j])
                var hour: Int, minute = 0
                if digits.count <= 2 {
                    hour = Int(digits) ?? 0
                } else if digits.count <= 4 {
                    let value = Int(digits) ?? 0
                    hour = value / 100; minute = value % 100
                } else {
                    throw fail("\"\(digits)\" is not a time of day")
                }
                if j < chars.count, chars[j] == ":" || chars[j] == "." {
                    var k = j + 1
                    while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                    let minuteDigits = String(chars[(j + 1)..<k])
                    guard digits.count <= 2, minuteDigits.count == 2, let m = Int(minuteDigits) else {
                        throw fail("\"\(String(chars[i..<k]))\" is not a time of day")
                    }
                    minute = m; j = k
                } else if j < chars.count, "点點时時".contains(chars[j]) {
                    j += 1
                    if j < chars.count, chars[j] == "半" {
                        minute = 30; j += 1
                    } else if j < chars.count, chars[j].isASCII, chars[j].isNumber {
                        var k = j
                        while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                        minute = Int(String(chars[j..<k])) ?? 0
                        j = k
                        if j < chars.count, chars[j] == "分" { j += 1 }
                    } else if j + 1 < chars.count, chars[j] == "一", chars[j + 1] == "刻" {
                        minute = 15; j += 2
                    }
                } else if j < chars.count, chars[j] == "h", !(j + 1 < chars.count && chars[j + 1].isLetter) {
                    j += 1
                }
                tokens.append(.time(ClockTime(hour: hour, minute: minute, text: String(chars[i..<j]))))
                i = j
                continue
            }
            if c == "-" { tokens.append(.rangeSeparator); i += 1; continue }
            if c.isASCII, c.isLetter {
                var j = i
                while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j] == "." { j += 1 }
                let word = String(chars[i..<j]).replacing(".", with: "")
                guard let token = englishWords[word] else { throw fail("\"\(word)\" is not understood") }
                if let token { tokens.append(token) }
                i = j
                continue
            }
            let rest = String(chars[i...])
            if let match = chineseWords.first(where: { rest.hasPrefix($0.0) }) {
                if let token = match.1 { tokens.append(token) }
                i += match.0.count
                continue
            }
            throw fail("\"\(c)\" is not understood")
        }
        return tokens
    }

    // MARK: - Interpretation

    /// "noon" (or "midday", "中午") where a time belongs is 12:00: after "after", "before",
    /// "from", "between" or a range's separator, or before a range's separator or a Chinese
    /// "after"/"before" suffix ("between 10am and noon", "before noon", "noon to 2pm", "中午前").
    /// Alone, or before a time ("中午12点"), it stays the part of the day (11:00–13:00).
    static func noonAsTime(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        let opensTime: [Token] = [.afterWord, .beforeWord, .rangeStart, .rangeSeparator]
        let closesTime: [Token] = [.rangeSeparator, .afterSuffix, .beforeSuffix]
        for k in tokens.indices where tokens[k] == .period(.noon) {
            let previous = k > 0 ? tokens[k - 1] : nil, next = k + 1 < tokens.count ? tokens[k + 1] : nil
            if previous.map(opensTime.contains) == true || next.map(closesTime.contains) == true {
                tokens[k] = .time(ClockTime(hour: 12, minute: 0, text: "noon"))
            }
        }
        return tokens
    }

    static func interpret(_ raw: [Token], day: TimeWindow, phrase: String) throws(TimeWindowPhraseError) -> (TimeWindow, Form) {
        func fail(_ reason: String) -> TimeWindowPhraseError { TimeWindowPhraseError(phrase: phrase, reason: reason) }
        var period: Period?
        var isAny = false
        var tokens: [Token] = []
        for token in noonAsTime(raw) {
            switch token {
            case .period(let p):
                if let period, period != p { throw fail("it names two parts of the day") }
                period = p
            case .any: isAny = true
            case .meridiem(let pm):
                guard case .time(var t)? = tokens.last else { throw fail("\"\(pm ? "pm" : "am")\" does not follow a time") }
                // A 12-hour clock has hours 1…12: "13pm" and "0am" are not times of day.
                guard (1...12).contains(t.hour) else { throw fail("\(t.text)\(pm ? "pm" : "am") is not a time of day") }
                if pm, t.hour < 12 { t.hour += 12 } else if !pm, t.hour == 12 { t.hour = 0 }
                t.text += pm ? "pm" : "am"
                tokens[tokens.count - 1] = .time(t)
            default: tokens.append(token)
            }
        }
        // A period before a time says which half of the day an hour means.
        if let period {
            for index in tokens.indices {
                guard case .time(var t) = tokens[index], period.isAfternoon else { continue }
                if t.hour >= 1, t.hour < 12 {
                    t.hour += 12
                } else if t.hour == 12, period == .evening {
                    t.hour = 24 // 晚上12点 is midnight
                }
                tokens[index] = .time(t)
            }
        }
        var minutes: [Int] = []
        for token in tokens {
            if case .time(let t) = token {
                guard t.hour >= 0, t.hour <= 24, t.minute >= 0, t.minute < 60, !(t.hour == 24 && t.minute > 0) else {
                    throw fail("\(t.text) is not a time of day")
                }
                minutes.append(t.hour * 60 + t.minute)
            }
        }
        var lower: Int?, upper: Int?
        var form: Form = .range
        func setLower(_ m: Int) throws(TimeWindowPhraseError) {
            if lower != nil { throw fail("it gives two earliest times") }
            lower = m
        }
        func setUpper(_ m: Int) throws(TimeWindowPhraseError) {
            if upper != nil { throw fail("it gives two latest times") }
            upper = m
        }
        var i = 0, timeIndex = 0
        func nextTime() throws(TimeWindowPhraseError) -> Int {
            guard i < tokens.count, case .time = tokens[i] else { throw fail("a time is missing") }
            i += 1
            timeIndex += 1
            return minutes[timeIndex - 1]
        }
        while i < tokens.count {
            switch tokens[i] {
            case .afterWord:
                i += 1; try setLower(try nextTime()); form = upper == nil ? .after : .range
            case .beforeWord:
                i += 1; try setUpper(try nextTime()); form = lower == nil ? .before : .range
            case .rangeStart:
                i += 1
                let from = try nextTime()
                if i < tokens.count, tokens[i] == .rangeSeparator {
                    i += 1
                    try setLower(from); try setUpper(try nextTime()); form = .range
                } else {
                    try setLower(from); form = .after
                }
            case .time:
                let t = try nextTime()
                if i < tokens.count, tokens[i] == .afterSuffix {
                    i += 1; try setLower(t); form = upper == nil ? .after : .range
                } else if i < tokens.count, tokens[i] == .beforeSuffix {
                    i += 1; try setUpper(t); form = lower == nil ? .before : .range
                } else if i < tokens.count, tokens[i] == .rangeSeparator {
                    i += 1
                    try setLower(t); try setUpper(try nextTime()); form = .range
                } else {
                    throw fail("a lone time needs \"after\", \"before\" or a second time for a range")
                }
            case .rangeSeparator, .afterSuffix, .beforeSuffix:
                throw fail("a time is missing")
            case .period, .any, .meridiem:
                i += 1 // consumed above
            }
        }
        if lower == nil, upper == nil {
            if let period {
                let window: TimeWindow
                switch period {
                case .morning: window = TimeWindow(start: day.start, end: 12 * 60)
                case .noon: window = TimeWindow(start: 11 * 60, end: 13 * 60)
                case .afternoon: window = TimeWindow(start: 12 * 60, end: 18 * 60)
                case .evening: window = TimeWindow(start: 18 * 60, end: day.end)
                }
                guard window.start < window.end else { throw fail("that part of the day lies outside the outlet's day \(day)") }
                return (window, .period)
            }
            if isAny { return (day, .any) }
            throw fail("no time window in it")
        }
        let start = lower ?? day.start, end = upper ?? day.end
        if let lower, let upper, lower >= upper {
            throw fail("\(Clock.format(lower)) is not before \(Clock.format(upper)): the window is empty")
        }
        guard start < end else { throw fail("it lies outside the outlet's day \(day)") }
        return (TimeWindow(start: start, end: end), form)
    }
}

/// A time-window phrase that could not be read; the message quotes the phrase.
public struct TimeWindowPhraseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The phrase as written.
    public let phrase: String
    /// What is wrong with it.
    public let reason: String

    public var description: String { "cannot read time window \"\(phrase)\": \(reason)" }
}
