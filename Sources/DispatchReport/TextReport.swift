import DispatchModel

/// The report for a terminal or a text file: the stops at risk, most likely late first, then a
/// line per courier. ANSI colour only when asked (the CLI asks on a terminal).
public enum TextReport {
    /// The text.
    public static func render(_ report: RiskReport, colour: Bool = false) -> String {
        let l = report.language
        func paint(_ text: String, _ p: Double) -> String {
            guard colour else { return text }
            let code = p >= 0.5 ? "31" : p >= report.threshold ? "33" : "32"
            return "\u{1B}[\(code)m\(text)\u{1B}[0m"
        }
        let atRisk = report.atRisk
        var out = "\(l(.title)) — \(report.name)\n"
        let promised = report.rows.filter { $0.stop.promise != nil }
        out += "\(l.count(atRisk.count, .stopsAtRisk)), \(l.promisesAtRisk(promised.filter(\.atRisk).count, of: promised.count)) "
        out += "(\(l(.generated)) \(RiskReport.percent(report.threshold)), \(l.count(report.rows.count, .stops)), \(report.draws) \(l(.draws)))\n"
        if atRisk.isEmpty {
            out += l(.noneAtRisk) + "\n"
        } else {
            let header = [l(.pLate), l(.courier), l(.stop), l(.customer), l(.window), l(.promise), l(.eta), l(.slack), l(.contact), l(.handover) + " / " + l(.notes)]
            out += header.joined(separator: "  ") + "\n"
            for row in atRisk {
                var fields = [paint(RiskReport.percent(row.pLate).leftPadded(4), row.pLate),
                              "\(row.courier) \(row.courierName)", row.stop.id, row.stop.customer ?? "-", report.window(of: row),
                              row.stop.promise?.description ?? "-", Clock.format(row.visit.start),
                              RiskReport.minutes(row.slack) + " " + l(.minutes),
                              row.stop.contact == .call ? l(.call) : l(.sms)]
                var notes = [handoverText(row, l)]
                if let note = row.stop.note { notes.append(note) }
                fields.append(notes.joined(separator: " — "))
                out += fields.joined(separator: "  ") + "\n"
            }
        }
        out += "\n"
        for (r, route) in report.plan.routes.enumerated() {
            let rows = report.rows.filter { $0.route == r }
            let risky = rows.filter(\.atRisk)
            let name = rows.first?.courierName ?? route.courier
            var line = "\(route.courier) \(name): \(l.count(route.trips.count, .trips)), \(l.count(rows.count, .stops)), "
            line += "\(l(.leave)) \(Clock.format(route.departure)), \(l(.back)) \(Clock.format(route.returnTime)), "
            line += "\(risky.count) \(l(.lateRisk))"
            if let worst = rows.filter({ $0.visit.status == .planned }).map(\.pLate).max() { line += " (max " + paint(RiskReport.percent(worst), worst) + ")" }
            out += line + "\n"
        }
        return out
    }

    static func handoverText(_ row: RiskReport.Row, _ l: ReportLanguage) -> String {
        var parts: [String] = [row.stop.handover.rawValue]
        if row.stop.contact == .call { parts.append(l(.callFirst)) }
        if row.stop.handover == .noLocker { parts.append(l(.noLocker)) }
        if row.stop.handover == .faceToFace { parts.append(l(.faceToFace)) }
        if row.coldChain { parts.append(l(.coldChain)) }
        return parts.joined(separator: ", ")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
