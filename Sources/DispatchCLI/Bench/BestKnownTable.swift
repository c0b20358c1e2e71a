import DispatchModel

/// The rows of a best-known-solutions file (`instance,vehicles,distance,objective,source`).
///
/// Only `instance` and `distance` columns are required; `vehicles` may be missing or empty
/// (distance-only rows) and `objective` may be missing (the row applies to every objective).
public struct BestKnownTable: Sendable, Equatable {
    /// A malformed best-known-solutions file.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// 1-based line (0 when it concerns the whole file).
        public var line: Int
        /// What is wrong.
        public var message: String

        public var description: String { "\(path):\(line): \(message)" }
    }

    /// The rows, in file order.
    public var entries: [BestKnown]

    /// A table of `entries`.
    public init(entries: [BestKnown]) { self.entries = entries }

    /// Reads the CSV `text` of the file at `path` (the path is only used in errors).
    public static func parse(_ text: String, path: String) throws(ReadError) -> BestKnownTable {
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch {
            throw ReadError(path: path, line: error.line, message: error.message)
        }
        let header = table.header.map { $0.lowercased() }
        guard let instanceColumn = header.firstIndex(of: "instance") else {
            throw ReadError(path: path, line: 1, message: "instance: no `instance` column")
        }
        guard let distanceColumn = header.firstIndex(of: "distance") else {
            throw ReadError(path: path, line: 1, message: "distance: no `distance` column")
        }
        let vehiclesColumn = header.firstIndex(of: "vehicles")
        let objectiveColumn = header.firstIndex(of: "objective")
        var entries: [BestKnown] = []
        for row in table.rows {
            let instance = row.cells[instanceColumn]
            guard !instance.isEmpty else { throw ReadError(path: path, line: row.line, message: "instance: the name is empty") }
            guard let distance = Double(row.cells[distanceColumn]), distance > 0, distance.isFinite else {
                throw ReadError(path: path, line: row.line, message: "distance: \"\(row.cells[distanceColumn])\" is not a positive number")
            }
            var vehicles: Int?
            if let vehiclesColumn, !row.cells[vehiclesColumn].isEmpty {
                guard let count = Int(row.cells[vehiclesColumn]), count > 0 else {
                    throw ReadError(path: path, line: row.line, message: "vehicles: \"\(row.cells[vehiclesColumn])\" is not a positive whole number")
                }
                vehicles = count
            }
            let objective = objectiveColumn.map { row.cells[$0].lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
            entries.append(BestKnown(instance: instance, vehicles: vehicles, distance: distance, objective: objective))
        }
        return BestKnownTable(entries: entries)
    }

    /// The row for the first of `names` that has one under `objective` (names compare without
    /// case: Gehring–Homberger files call themselves `c1_4_2`, tables `C1_4_2`). A row for
    /// exactly this objective wins over one that applies to any.
    public func lookup(_ names: [String], objective: String) -> BestKnown? {
        for name in names.map({ $0.lowercased() }) {
            let candidates = entries.filter { $0.instance.lowercased() == name }
            if let exact = candidates.first(where: { $0.objective == objective }) { return exact }
            if let any = candidates.first(where: { $0.objective == nil }) { return any }
        }
        return nil
    }
}
