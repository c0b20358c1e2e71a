import DispatchModel

/// Reads scan-log CSV (`date,courier,stop,arrived,departed,status`, see docs/formats.md).
/// Every problem names the file, line and field; a stop or courier the plan does not know is an error.
public enum ScanLogReader {
    /// The columns, in the order the handheld exports them.
    public static let columns = ["date", "courier", "stop", "arrived", "departed", "status"]

    /// Reads the log at `path`.
    public static func load(path: String, knownStops: Set<String>? = nil) throws(RiskDataError) -> [ScanLogEntry] {
        let text = try RiskProfileFile.readText(path)
        return try read(text: text, path: path, knownStops: knownStops)
    }

    /// Reads log `text` that came from `path`; with `knownStops`, any other stop id is an error.
    public static func read(text: String, path: String, knownStops: Set<String>? = nil) throws(RiskDataError) -> [ScanLogEntry] {
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch {
            throw .invalid(path: path, line: error.line, field: "csv", message: error.message)
        }
        let column: [String: Int]
        do { column = try table.columnIndices(columns) } catch { throw .invalid(path: path, line: 1, field: error.field, message: error.message) }
        var entries: [ScanLogEntry] = []
        entries.reserveCapacity(table.rows.count)
        var seen: Set<String> = []
        for row in table.rows {
            func cell(_ name: String) -> String { column[name].map { row.cells[$0] } ?? "" }
            guard row.cells.count == table.header.count else {
                throw .invalid(path: path, line: row.line, field: "row", message: "\(row.cells.count) fields, the header has \(table.header.count)")
            }
            let date = cell("date")
            guard ScanDate.isValid(date) else {
                throw .invalid(path: path, line: row.line, field: "date", message: "\"\(date)\" is not a date YYYY-MM-DD")
            }
            let courier = cell("courier"), stop = cell("stop")
            guard !courier.isEmpty else { throw .invalid(path: path, line: row.line, field: "courier", message: "is empty") }
            guard !stop.isEmpty else { throw .invalid(path: path, line: row.line, field: "stop", message: "is empty") }
            if let knownStops, !knownStops.contains(stop) {
                throw .invalid(path: path, line: row.line, field: "stop", message: "\"\(stop)\" is not a stop of the plan")
            }
            guard let arrived = ScanClock.parse(cell("arrived")) else {
                throw .invalid(path: path, line: row.line, field: "arrived", message: "\"\(cell("arrived"))\" is not a time HH:MM or HH:MM:SS")
            }
            guard let departed = ScanClock.parse(cell("departed")) else {
                throw .invalid(path: path, line: row.line, field: "departed", message: "\"\(cell("departed"))\" is not a time HH:MM or HH:MM:SS")
            }
            guard departed >= arrived else {
                throw .invalid(path: path, line: row.line, field: "departed", message: "\(cell("departed")) is before the arrival \(cell("arrived"))")
            }
            guard let status = ScanLogEntry.Status(rawValue: cell("status")) else {
                throw .invalid(path: path, line: row.line, field: "status", message: "\"\(cell("status"))\" is not done or failed")
            }
            guard seen.insert(date + "\u{1}" + stop).inserted else {
                throw .invalid(path: path, line: row.line, field: "stop", message: "\(stop) is scanned twice on \(date)")
            }
            entries.append(ScanLogEntry(date: date, courier: courier, stop: stop, arrived: arrived, departed: departed, status: status, line: row.line))
        }
        return entries
    }

    /// The CSV text of `entries` (times as HH:MM:SS).
    public static func csv(_ entries: [ScanLogEntry]) -> String {
        CSVTable.write(header: columns, rows: entries.map {
            [$0.date, $0.courier, $0.stop, ScanClock.format($0.arrived), ScanClock.format($0.departed), $0.status.rawValue]
        })
    }
}
