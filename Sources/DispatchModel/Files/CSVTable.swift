/// A CSV file read as RFC 4180 says, into rows that remember their line.
///
/// Strict where the standard is: CR, LF and CRLF each end a record; a quoted field ends at its
/// closing quote (`"a"x` is an error, not `ax`); a quote never appears inside an unquoted field;
/// every row has exactly as many fields as the header (a short row is an error, never padded);
/// header names are unique. Beyond the standard: a UTF-8 byte-order mark is skipped, blank lines are
/// skipped, and unquoted fields are trimmed of spaces.
public struct CSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// 1-based line where the row starts.
        public let line: Int
        /// Cells, in header order; as many as the header has.
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
        var line = 1, recordLine = 1
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        func endRecord() {
            if !(cells.count == 1 && cells[0].isEmpty) { records.append((recordLine, cells)) }
            cells.removeAll()
        }
        var i = 0
        while i <= bytes.count {
            // A field starts here.
            if i < bytes.count, bytes[i] == quote {
                let fieldLine = line
                i += 1
                field.removeAll(keepingCapacity: true)
                var closed = false
                while i < bytes.count {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < bytes.count, bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    // Count line ends inside the quotes the same way as outside them.
                    if b == lf || (b == cr && !(i + 1 < bytes.count && bytes[i + 1] == lf)) { line += 1 }
                    field.append(b)
                    i += 1
                }
                guard closed else { throw SyntaxError(line: fieldLine, message: "a quoted field is not closed") }
                cells.append(String(decoding: field, as: UTF8.self))
                guard i == bytes.count || bytes[i] == comma || bytes[i] == cr || bytes[i] == lf else {
                    throw SyntaxError(line: line, message: "text after the closing quote of a quoted field (a quote inside a field is written \"\")")
                }
            } else {
                let start = i
                while i < bytes.count, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf {
                    if bytes[i] == quote {
                        throw SyntaxError(line: line, message: "a quote inside an unquoted field (quote the whole field, and write a quote as \"\")")
                    }
                    i += 1
                }
                cells.append(String(decoding: bytes[start..<i], as: UTF8.self).trimmed)
            }
            // After a field: a comma, a line end, or the end of the text.
            if i == bytes.count {
                endRecord()
                break
            }
            if bytes[i] == comma { i += 1; continue }
            if bytes[i] == cr, i + 1 < bytes.count, bytes[i + 1] == lf { i += 1 }
            i += 1
            endRecord()
            line += 1
            recordLine = line
            if i == bytes.count { break }
        }
        guard let first = records.first else { throw SyntaxError(line: 1, message: "the file is empty: a header line is expected") }
        let header = first.cells.map(\.trimmed)
        var seen: [String: Int] = [:]
        for (k, name) in header.enumerated() {
            guard !name.isEmpty else { throw SyntaxError(line: first.line, message: "column \(k + 1) of the header has no name") }
            if let earlier = seen[name] {
                throw SyntaxError(line: first.line, message: "the header names \"\(name)\" twice (columns \(earlier + 1) and \(k + 1))")
            }
            seen[name] = k
        }
        var rows: [Row] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.cells.count == header.count else {
                throw SyntaxError(line: record.line, message: "\(record.cells.count) field(s), but the header has \(header.count)")
            }
            rows.append(Row(line: record.line, cells: record.cells))
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
