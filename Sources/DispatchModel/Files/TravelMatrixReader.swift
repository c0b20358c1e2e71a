/// Reads a travel matrix CSV with columns `from,to,minutes,km` (one row per ordered pair of
/// place ids), as exported from OSRM's or Valhalla's table service.
enum TravelMatrixReader {
    static func read(_ table: CSVTable, path: String, log: DiagnosticLog) -> TravelMatrix? {
        let required = ["from", "to", "minutes", "km"]
        var column: [String: Int] = [:]
        for name in required {
            guard let index = table.header.firstIndex(of: name) else {
                log.error(path, 1, name, "travel matrix: column is missing (expected from,to,minutes,km)")
                return nil
            }
            column[name] = index
        }
        var ids: [String] = []
        var index: [String: Int] = [:]
        var entries: [(Int, Int, Double, Double)] = []
        var ok = true
        for row in table.rows {
            let from = row.cells[column["from"] ?? 0], to = row.cells[column["to"] ?? 1]
            let minutesText = row.cells[column["minutes"] ?? 2], kmText = row.cells[column["km"] ?? 3]
            guard let minutes = Double(minutesText), minutes >= 0, minutes.isFinite else {
                log.error(path, row.line, "minutes", "\"\(minutesText)\" is not a non-negative number"); ok = false; continue
            }
            guard let km = Double(kmText), km >= 0, km.isFinite else {
                log.error(path, row.line, "km", "\"\(kmText)\" is not a non-negative number"); ok = false; continue
            }
            for id in [from, to] where index[id] == nil {
                index[id] = ids.count
                ids.append(id)
            }
            entries.append((index[from] ?? 0, index[to] ?? 0, minutes, km))
        }
        let n = ids.count
        var minutes = [Double](repeating: .nan, count: n * n)
        var kilometres = [Double](repeating: .nan, count: n * n)
        for i in 0..<n { minutes[i * n + i] = 0; kilometres[i * n + i] = 0 }
        for (i, j, m, k) in entries { minutes[i * n + j] = m; kilometres[i * n + j] = k }
        let missing = minutes.indices.filter { minutes[$0].isNaN }
        if let first = missing.first {
            log.error(path, 0, "matrix", "\(missing.count) ordered pairs have no row, e.g. \(ids[first / n]) → \(ids[first % n])")
            ok = false
        }
        return ok ? TravelMatrix(ids: ids, minutes: minutes, kilometres: kilometres) : nil
    }
}
