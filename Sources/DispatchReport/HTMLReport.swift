import DispatchModel

/// The report as ONE self-contained HTML page (inline CSS and SVG; no script, no network, no
/// external file): summary, map, timeline, call list, and a printable route sheet per courier,
/// one courier a printed page.
public enum HTMLReport {
    /// The page.
    public static func render(_ report: RiskReport) -> String {
        let l = report.language
        let e = HTMLText.escape
        var page = "<!DOCTYPE html>\n<html lang=\"\(report.language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<title>\(e(l(.title))) — \(e(report.name))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        page += "<header class=\"screen\"><h1>\(e(l(.title))) — \(e(report.name))</h1>\n"
        page += "<p class=\"summary\"><strong>\(report.atRisk.count)</strong> \(e(l.noun(report.atRisk.count, .stopsAtRisk))) · \(e(l.count(report.rows.count, .stops))) · \(e(l(.generated))) \(RiskReport.percent(report.threshold)) · \(report.draws) \(l(.draws))</p>\n"
        page += "<p class=\"legend\">\(e(l(.lateRisk))): <span class=\"dot\" style=\"background:#2e7d32\"></span>\(e(l(.legendLow))) <span class=\"dot\" style=\"background:#f9a825\"></span>\(e(l(.legendMid))) <span class=\"dot\" style=\"background:#c62828\"></span>\(e(l(.legendHigh))) · <span class=\"swatch\" style=\"background:rgba(255,179,0,.35)\"></span>\(e(l(.promisedSlot))) <span class=\"swatch\" style=\"background:rgba(30,136,229,.15)\"></span>\(e(l(.windowShade)))</p></header>\n"
        page += "<section class=\"screen\"><h2>\(e(l(.map)))</h2>\n\(ZoneMap.svg(report))</section>\n"
        page += "<section class=\"screen\"><h2>\(e(l(.timeline)))</h2>\n\(Timeline.svg(report))</section>\n"
        page += "<section class=\"calls\"><h2>\(e(l(.callList)))</h2>\n\(callList(report))</section>\n"
        page += "<h2 class=\"screen\">\(e(l(.routeSheets)))</h2>\n"
        for (r, route) in report.plan.routes.enumerated() { page += sheet(report, route: r, courier: route.courier) }
        page += "</body>\n</html>\n"
        return page
    }

    static func callList(_ report: RiskReport) -> String {
        let l = report.language, e = HTMLText.escape
        let rows = report.atRisk.filter { $0.stop.kind != .pickup || $0.stop.customer != nil }
        guard !rows.isEmpty else { return "<p>\(e(l(.noneAtRisk)))</p>\n" }
        var html = "<table><thead><tr><th>\(e(l(.pLate)))</th><th>\(e(l(.customer)))</th><th>\(e(l(.stop)))</th><th>\(e(l(.courier)))</th><th>\(e(l(.promise)))</th><th>\(e(l(.eta)))</th><th>\(e(l(.contact)))</th><th>\(e(l(.message)))</th></tr></thead><tbody>\n"
        for row in rows {
            html += "<tr><td class=\"p\">\(RiskReport.percent(row.pLate))</td><td>\(e(row.stop.customer ?? "-"))</td><td>\(e(row.stop.id))</td><td>\(e(row.courier + " " + row.courierName))</td>"
            html += "<td>\(e(row.stop.promise?.description ?? report.window(of: row)))</td><td>\(Clock.format(row.visit.start))</td>"
            html += "<td>\(e(row.stop.contact == .call ? l(.call) : l(.sms)))</td><td>\(e(message(row, window: report.window(of: row), l)))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// What to say to the customer: the promised slot (else `window`, in the message's
    /// language), when the courier is now expected.
    static func message(_ row: RiskReport.Row, window: String, _ l: ReportLanguage) -> String {
        let slot = row.stop.promise?.description ?? window
        let expected = Clock.format(max(row.meanStart, row.visit.start))
        switch l {
        case .zh:
            return "您好，您的快递（\(row.stop.id)）原定\(slot)送达，快递员\(row.courierName)预计\(expected)左右到，可能稍有延误。如需改时间或放到代收点，请回复。"
        case .en:
            return "Hello, your parcel \(row.stop.id) is due \(slot). \(row.courierName) now expects to arrive around \(expected) and may be a little late. Reply if another time or a pick-up point suits you better."
        }
    }

    static func sheet(_ report: RiskReport, route r: Int, courier: String) -> String {
        let l = report.language, e = HTMLText.escape
        let rows = report.rows.filter { $0.route == r }
        let route = report.plan.routes[r]
        var html = "<section class=\"sheet\"><h3>\(e(courier)) \(e(rows.first?.courierName ?? "")) — \(e(l.count(route.trips.count, .trips))), \(e(l.count(rows.count, .stops))), \(e(l(.leave))) \(Clock.format(route.departure)), \(e(l(.back))) \(Clock.format(route.returnTime))</h3>\n"
        html += "<table><thead><tr><th>\(e(l(.order)))</th><th>\(e(l(.trip)))</th><th>\(e(l(.eta)))</th><th>\(e(l(.stop)))</th><th>\(e(l(.address)))</th><th>\(e(l(.window)))</th><th>\(e(l(.promise)))</th><th>\(e(l(.notes)))</th><th>\(e(l(.pLate)))</th></tr></thead><tbody>\n"
        // A line above each trip's stops: when it leaves, what it carries, when it is back to reload.
        let tripOfFirstStop = Dictionary(route.trips.compactMap { trip in trip.stops.first.map { ($0.id, trip) } }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            if let trip = tripOfFirstStop[row.stop.id] {
                html += "<tr class=\"trip\"><td colspan=\"9\">\(e(l(.trip))) \(row.trip): \(e(l(.leave))) \(Clock.format(trip.departure)), "
                html += "\(RouteSheet.kilograms(trip.loadKg)) kg, \(e(l.count(trip.stops.count, .stops))), \(e(l(.back))) \(Clock.format(trip.returnTime))</td></tr>\n"
            }
            var flags: [String] = []
            if row.stop.contact == .call { flags.append("<b>\(e(l(.callFirst)))</b>") }
            if row.stop.handover == .noLocker { flags.append(e(l(.noLocker))) }
            if row.stop.handover == .faceToFace { flags.append(e(l(.faceToFace))) }
            if row.coldChain { flags.append("<b>\(e(l(.coldChain)))</b>") }
            if let note = row.stop.note { flags.append(e(note)) }
            html += "<tr\(row.atRisk ? " class=\"risky\"" : "")><td>\(row.order)</td><td>\(row.trip)</td><td>\(Clock.format(row.visit.start))</td><td>\(e(row.stop.id))</td>"
            html += "<td>\(e(row.stop.address ?? ""))</td><td>\(e(report.window(of: row)))</td>"
            html += "<td>\(e(row.stop.promise?.description ?? ""))</td><td>\(flags.joined(separator: " · "))</td><td class=\"p\">\(RiskReport.percent(row.pLate))</td></tr>\n"
        }
        return html + "</tbody></table></section>\n"
    }

    static let css = """
    body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; margin: 16px; color: #222; }
    h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 18px 0 6px; } h3 { font-size: 14px; margin: 0 0 6px; }
    .summary { font-size: 15px; } .legend { font-size: 12px; color: #444; }
    .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin: 0 3px 0 8px; vertical-align: middle; }
    .swatch { display: inline-block; width: 16px; height: 10px; margin: 0 3px 0 8px; vertical-align: middle; }
    svg.map { width: 100%; max-width: 760px; height: auto; border: 1px solid #ccc; }
    svg.timeline { width: 100%; height: auto; border: 1px solid #ccc; }
    table { border-collapse: collapse; font-size: 12px; width: 100%; }
    th, td { border: 1px solid #bbb; padding: 2px 4px; text-align: left; vertical-align: top; }
    th { background: #eee; } td.p { text-align: right; white-space: nowrap; }
    tr.trip td { background: #f4f4f4; font-weight: bold; }
    tr.risky td { background: #fdecea; }
    .sheet { margin-top: 16px; }
    @media print {
      .screen, .calls { display: none; }
      .sheet { break-before: page; page-break-before: always; margin: 0; }
      body { margin: 0; }
    }

    """
}
