/// One record of an input file (a JSON object or a CSV row) with typed, diagnosed field access.
///
/// Every accessor reports a bad value to the log with the field's line and returns `nil`;
/// `failed` tells the caller the record cannot be used. A JSON value must have the documented type
/// (a number is never read from a string, nor text from a number); a CSV cell is text, so numbers
/// are read from it as decimals, and an empty cell means "not given".
final class FieldRecord {
    let file: String
    let line: Int
    /// How messages name the record, e.g. "stop p0012".
    var subject: String
    private(set) var fields: [(key: String, value: JSONValue, line: Int)]
    private let log: DiagnosticLog
    /// Whether the values are CSV cells (always strings) rather than typed JSON values.
    private let fromCSV: Bool
    private(set) var failed = false

    init(file: String, line: Int, subject: String, fields: [(key: String, value: JSONValue, line: Int)], log: DiagnosticLog,
         fromCSV: Bool = false) {
        self.file = file
        self.line = line
        self.subject = subject
        self.fields = fields
        self.log = log
        self.fromCSV = fromCSV
    }

    /// A record from a JSON object node.
    convenience init?(file: String, node: JSONNode, subject: String, log: DiagnosticLog) {
        guard case .object(let members) = node.value else {
            log.error(file, node.line, subject, "expected an object, found \(node.value.typeName)")
            return nil
        }
        self.init(file: file, line: node.line, subject: subject,
                  fields: members.map { ($0.key, $0.node.value, $0.node.line) }, log: log)
    }

    var source: SourceLocation {
        var lines: [String: Int] = [:]
        for f in fields { lines[f.key] = f.line }
        return SourceLocation(file: file, line: line, fieldLines: lines)
    }

    func lineOf(_ key: String) -> Int { fields.first { $0.key == key }?.line ?? line }

    func error(_ key: String, _ message: String) {
        failed = true
        log.error(file, lineOf(key), key, "\(subject): \(message)")
    }

    func warning(_ key: String, _ message: String) {
        log.warning(file, lineOf(key), key, "\(subject): \(message)")
    }

    /// The raw value, `nil` when absent, null, or an empty CSV cell.
    func raw(_ key: String) -> JSONValue? {
        guard let value = fields.first(where: { $0.key == key })?.value else { return nil }
        switch value {
        case .null: return nil
        case .string(let s) where fromCSV && s.trimmed.isEmpty: return nil
        default: return value
        }
    }

    /// Whether `key` is present with a value (see ``raw(_:)``).
    func has(_ key: String) -> Bool { raw(key) != nil }

    func text(_ key: String, required: Bool = false) -> String? {
        switch raw(key) {
        case nil:
            if required { error(key, "is missing") }
            return nil
        case .string(let s)?:
            let text = s.trimmed
            if text.isEmpty, required { error(key, "is empty") }
            return text.isEmpty ? nil : text
        case let other?:
            error(key, "expected text, found \(other.typeName)")
            return nil
        }
    }

    /// A number at `key`: an error when it is missing (`required`), not a number, below
    /// `minimum` (at or below it when `exclusive`) or above `maximum`.
    func number(_ key: String, required: Bool = false, minimum: Double? = nil, exclusive: Bool = false,
                maximum: Double? = nil) -> Double? {
        let value: Double
        switch raw(key) {
        case nil:
            if required { error(key, "is missing") }
            return nil
        case .number(let x)?: value = x
        case .string(let s)? where fromCSV:
            guard let x = DecimalNumber.parse(s.trimmed) else {
                error(key, "\"\(s)\" is not a number")
                return nil
            }
            value = x
        case let other?:
            error(key, "expected a number, found \(other.typeName)")
            return nil
        }
        if let minimum, exclusive ? value <= minimum : value < minimum {
            error(key, "\(JSONWriter.formatNumber(value)) must be \(exclusive ? "greater than" : "at least") \(JSONWriter.formatNumber(minimum))")
            return nil
        }
        if let maximum, value > maximum {
            error(key, "\(JSONWriter.formatNumber(value)) must be at most \(JSONWriter.formatNumber(maximum))")
            return nil
        }
        return value
    }

    /// A list: a JSON array of strings, or one string separated by ";" or "|".
    func list(_ key: String) -> [String] {
        switch raw(key) {
        case nil: return []
        case .string(let s)? where fromCSV:
            return s.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { String($0).trimmed }.filter { !$0.isEmpty }
        case .array(let elements)?:
            var out: [String] = []
            for element in elements {
                guard case .string(let s) = element.value else {
                    error(key, "expected a list of text, found \(element.value.typeName) in it")
                    return []
                }
                out.append(s.trimmed)
            }
            return out
        case let other?:
            error(key, "expected a list, found \(other.typeName)")
            return []
        }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: String, default value: E) -> E where E.RawValue == String {
        guard let text = text(key) else { return value }
        if let choice = E(rawValue: text.lowercased()) { return choice }
        error(key, "\"\(text)\" is not one of " + E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        return value
    }

    func phrase(_ key: String, day: TimeWindow) -> TimeWindowPhrase? {
        guard let text = text(key) else { return nil }
        do {
            return try TimeWindowPhrase.parse(text, day: day)
        } catch {
            self.error(key, error.description)
            return nil
        }
    }

    /// A clock time "HH:MM" (00:00–24:00), in minutes since midnight.
    func clockTime(_ key: String) -> Int? {
        guard let text = text(key) else { return nil }
        guard let minute = Clock.parse(text) else {
            error(key, "\"\(text)\" is not a clock time HH:MM")
            return nil
        }
        return minute
    }

    /// A single window such as a shift or the outlet's day ("08:00-20:00").
    func singleWindow(_ key: String, day: TimeWindow, required: Bool) -> TimeWindow? {
        guard raw(key) != nil else {
            if required { error(key, "is missing") }
            return nil
        }
        guard let phrase = phrase(key, day: day) else { return nil }
        guard phrase.windows.count == 1 else {
            error(key, "\"\(phrase.text)\" must be one window, such as \"08:00-20:00\"")
            return nil
        }
        return phrase.windows[0]
    }

    /// A location given as `lat`/`lon` degrees or, for planar instances, as `x`/`y`; not both.
    func location(required: Bool) -> Location? {
        if has("x") || has("y") {
            if has("lat") || has("lon") {
                error("x", "give either lat/lon (geographic) or x/y (planar), not both")
                return nil
            }
            let x = number("x", required: true)
            let y = number("y", required: true)
            guard let x, let y else { return nil }
            return .planar(x: x, y: y)
        }
        let lat = number("lat", required: required)
        let lon = number("lon", required: required)
        guard let lat, let lon else { return nil }
        if abs(lat) > 90 { error("lat", "\(JSONWriter.formatNumber(lat)) is out of range (-90…90)"); return nil }
        if abs(lon) > 180 { error("lon", "\(JSONWriter.formatNumber(lon)) is out of range (-180…180)"); return nil }
        return .geographic(lat: lat, lon: lon)
    }

    /// A location given as a nested `{"lat": …, "lon": …}` (or `{"x": …, "y": …}`) object.
    func nestedLocation(_ key: String) -> Location? {
        guard let value = raw(key) else { return nil }
        guard case .object(let members) = value else {
            error(key, "expected {\"lat\": …, \"lon\": …}, found \(value.typeName)")
            return nil
        }
        let inner = FieldRecord(file: file, line: lineOf(key), subject: "\(subject) \(key)",
                                fields: members.map { ($0.key, $0.node.value, $0.node.line) }, log: log)
        let point = inner.location(required: true)
        inner.warnUnknown(allowed: ["lat", "lon", "x", "y"])
        if inner.failed { failed = true }
        return point
    }

    /// Warns about fields nobody reads (often a typo such as "widnow").
    func warnUnknown(allowed: Set<String>) {
        for field in fields where !allowed.contains(field.key) {
            log.warning(file, field.line, field.key, "\(subject): unknown field, ignored")
        }
    }
}
