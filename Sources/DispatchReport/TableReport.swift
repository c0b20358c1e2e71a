import DispatchModel

/// The report as machine-readable rows, one per routed stop: CSV and JSON share the columns.
public enum TableReport {
    /// Column names.
    public static let columns = ["courier", "courierName", "trip", "order", "stop", "customer", "address", "kind", "window",
                                 "promise", "eta", "arrival", "deadline", "slackMinutes", "pLate", "pLateModel", "pEarly",
                                 "meanStart", "contact", "handover", "needsCustomerPresent", "coldChain", "note", "atRisk"]

    static func cells(_ row: RiskReport.Row) -> [String] {
        [row.courier, row.courierName, String(row.trip), String(row.order), row.stop.id, row.stop.customer ?? "", row.stop.address ?? "",
         row.stop.kind.rawValue, row.windowText, row.stop.promise?.description ?? "", Clock.format(row.visit.start),
         Clock.format(row.visit.arrival), row.deadline.isFinite ? Clock.format(row.deadline) : "",
         row.slack.isFinite ? number(row.slack, 1) : "", number(row.pLate, 4), number(row.pLateModel, 4), number(row.pEarly, 4),
         Clock.format(row.meanStart), row.stop.contact.rawValue, row.stop.handover.rawValue,
         row.stop.needsCustomerPresent ? "true" : "false", row.coldChain ? "true" : "false", row.stop.note ?? "", row.atRisk ? "true" : "false"]
    }

    /// CSV with a header line.
    public static func csv(_ report: RiskReport) -> String {
        CSVTable.write(header: columns, rows: report.rows.map(cells))
    }

    /// JSON: the report's settings and the rows.
    public static func json(_ report: RiskReport) -> String {
        let rows: [JSONValue] = report.rows.map { row in
            let c = cells(row)
            return .object(zip(columns, c).map { key, text -> (key: String, node: JSONNode) in
                let value: JSONValue
                switch key {
                case "trip", "order", "slackMinutes", "pLate", "pLateModel", "pEarly":
                    value = Double(text).map(JSONValue.number) ?? .null
                case "needsCustomerPresent", "coldChain", "atRisk": value = .bool(text == "true")
                case "customer", "address", "promise", "deadline", "note": value = text.isEmpty ? .null : .string(text)
                default: value = .string(text)
                }
                return (key: key, node: JSONNode(value))
            })
        }
        return JSONWriter.write(.object([
            "format": .string("dispatchdesk.report/1"),
            "name": .string(report.name),
            "threshold": .number(report.threshold),
            "draws": .number(Double(report.draws)),
            "atRisk": .number(Double(report.atRisk.count)),
            "stops": .array(rows),
        ]))
    }

    static func number(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return JSONWriter.formatNumber((x * scale).rounded() / scale)
    }
}
