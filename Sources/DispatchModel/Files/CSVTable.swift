/// A CSV file (RFC 4180: quoted fields, doubled quotes, CRLF or LF) read into rows that
/// remember their line.
public struct CSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// 1-based line where the row starts.
        public let line: Int
        /// Cells, in header order (short rows are padded with empty cells).
        public let cells: [String]
    }

    /// A malformed CSV file.
    public struct SyntaxError: Error, Sendable, Equatable {
        /// 1-based line.
        public let line: Int
        /// What is wrong.
        public let message: String
    }

    /// Column names from the first line, trimmed.
    public let header: [String]
    /// Data rows; blank lines are skipped.
    public let rows: [Row]

    /// Reads `text`; the first record is the header.
    public static func parse(_ text: String) throws(SyntaxError) -> CSVTable {
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var line = 1, recordLine = 1
        var fieldWasQuoted = false
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        func endField() {
            let value = String(decoding: field, as: UTF8.self)
            cells.append(fieldWasQuoted ? value : value.trimmed)
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(cells.count == 1 && cells[0].isEmpty) { records.append((recordLine, cells)) }
            cells.removeAll()
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                guard field.allSatisfy({ $0 == UInt8(ascii: " ") }) else {
                    throw SyntaxError(line: line, message: "a quote inside an unquoted field")
                }
                field.removeAll()
                inQuotes = true
                fieldWasQuoted = true
            case UInt8(ascii: ","):
                endField()
            case UInt8(ascii: "\r"):
                break
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if inQuotes { throw SyntaxError(line: recordLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !cells.isEmpty { endRecord() }
        guard let first = records.first else { throw SyntaxError(line: 1, message: "the file is empty: a header line is expected") }
        let header = first.cells.map(\.trimmed)
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.cells.count <= header.count else {
                throw SyntaxError(line: record.line, message: "\(record.cells.count) fields, but the header has \(header.count)")
            }
            rows.append(Row(line: record.line, cells: record.cells + Array(repeating: "", count: header.count - record.cells.count)))
        }
        return CSVTable(header: header, rows: rows)
    }

    /// Writes rows as CSV, quoting where needed.
    public static func write(header: [String], rows: [[String]]) -> String {
        func quote(_ s: String) -> String {
            guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || s.trimmed != s else { return s }
            return "\"" + s.replacing("\"", with: "\"\"") + "\""
        }
        var out = header.map(quote).joined(separator: ",") + "\n"
        for row in rows { out += row.map(quote).joined(separator: ",") + "\n" }
        return out
    }
}
