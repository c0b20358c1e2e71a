extension CSVTable {
    /// A header that lacks a column a reader needs, or names one it does not know.
    public struct ColumnError: Error, Sendable, Equatable {
        /// The column.
        public let field: String
        /// What is wrong.
        public let message: String
    }

    /// The index of each of `columns` in the header, for readers of a fixed set of columns (scan
    /// logs, events): any other column, and a missing one not in `optional`, is an error.
    public func columnIndices(_ columns: [String], optional: Set<String> = []) throws(ColumnError) -> [String: Int] {
        let expected = "(expected \(columns.joined(separator: ",")))"
        guard !header.isEmpty else { throw ColumnError(field: "header", message: "the file is empty") }
        for name in header where !columns.contains(name) { throw ColumnError(field: name, message: "unknown column \(expected)") }
        var index: [String: Int] = [:]
        for name in columns {
            if let i = header.firstIndex(of: name) { index[name] = i; continue }
            guard optional.contains(name) else { throw ColumnError(field: name, message: "column is missing \(expected)") }
        }
        return index
    }
}
