/// Reads a travel matrix CSV with columns `from,to,minutes,km` (one row per ordered pair of
/// place ids), as exported from OSRM's or Valhalla's table service.
///
/// Only the scenario's places are read: the matrix is sized from them, never from the ids in the
/// file, and a row naming an unknown place is an error on its line (a file cannot make `desk`
/// allocate more than the scenario needs).
enum TravelMatrixReader {
    /// Unknown-id and duplicate-row errors listed one by one before a summary; a hostile file can have millions.
    static let listedErrors = 20

    /// The matrix over `places` (the outlet id, then the stop ids; repeats are ignored), or `nil`
    /// after logging why it cannot be used.
    static func read(_ table: CSVTable, path: String, places: [String], log: DiagnosticLog) -> TravelMatrix? {
        var column: [String: Int] = [:]
        for name in ["from", "to", "minutes", "km"] {
            guard let index = table.header.firstIndex(of: name) else {
                log.error(path, 1, name, "travel matrix: column is missing (expected from,to,minutes,km)")
                return nil
            }
            column[name] = index
        }
        let fromColumn = column["from"] ?? 0, toColumn = column["to"] ?? 1
        let minutesColumn = column["minutes"] ?? 2, kmColumn = column["km"] ?? 3
        var ids: [String] = []
        var index: [String: Int] = [:]
        for id in places where index[id] == nil {
            index[id] = ids.count
            ids.append(id)
        }
        let n = ids.count
        guard n <= Scenario.maximumStops + 1 else {
            log.error(path, 0, "matrix", Scenario.tooManyStopsMessage(count: n - 1))
            return nil
        }
        var minutes = [Double](repeating: .nan, count: n * n)
        var kilometres = [Double](repeating: .nan, count: n * n)
        for i in 0..<n { minutes[i * n + i] = 0; kilometres[i * n + i] = 0 }
        var ok = true
        var unknownRows = 0, duplicateRows = 0
        // A pair is given when its cell is no longer NaN; the diagonal starts at 0, so it has its own record.
        var diagonalGiven = Set<Int>()
        for row in table.rows {
            let from = row.cells[fromColumn], to = row.cells[toColumn]
            guard let i = index[from], let j = index[to] else {
                ok = false
                unknownRows += 1
                if unknownRows <= listedErrors {
                    let unknown = index[from] == nil ? from : to
                    log.error(path, row.line, index[from] == nil ? "from" : "to",
                              "travel matrix: \"\(SolomonReader.prefix(unknown))\" is neither the outlet nor a stop of the scenario")
                }
                continue
            }
            let minutesText = row.cells[minutesColumn], kmText = row.cells[kmColumn]
            guard let m = DecimalNumber.parse(minutesText.trimmed), m >= 0 else {
                log.error(path, row.line, "minutes", "\"\(SolomonReader.prefix(minutesText))\" is not a non-negative number"); ok = false; continue
            }
            guard let km = DecimalNumber.parse(kmText.trimmed), km >= 0 else {
                log.error(path, row.line, "km", "\"\(SolomonReader.prefix(kmText))\" is not a non-negative number"); ok = false; continue
            }
            let given = i == j ? !diagonalGiven.insert(i).inserted : !minutes[i * n + j].isNaN
            if given {
                ok = false
                duplicateRows += 1
                if duplicateRows <= listedErrors {
                    log.error(path, row.line, "from", "travel matrix: \(SolomonReader.prefix(from)) → \(SolomonReader.prefix(to)) is given twice")
                }
                continue
            }
            minutes[i * n + j] = m
            kilometres[i * n + j] = km
        }
        if unknownRows > listedErrors {
            log.error(path, 0, "from", "travel matrix: \(unknownRows - listedErrors) more row(s) name places the scenario does not have")
        }
        if duplicateRows > listedErrors {
            log.error(path, 0, "from", "travel matrix: \(duplicateRows - listedErrors) more ordered pair(s) are given twice")
        }
        var missing = 0, firstMissing: Int?
        for k in minutes.indices where minutes[k].isNaN {
            missing += 1
            if firstMissing == nil { firstMissing = k }
        }
        if let first = firstMissing {
            log.error(path, 0, "matrix", "\(missing) ordered pairs have no row, e.g. \(ids[first / n]) → \(ids[first % n])")
            ok = false
        }
        return ok ? TravelMatrix(ids: ids, minutes: minutes, kilometres: kilometres) : nil
    }
}
