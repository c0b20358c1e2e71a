import DispatchModel

/// The SVG timeline: a row per courier over the day, the trips as a thin line, each stop as a
/// bar from the ETA to the planned departure coloured by risk, the windows shaded blue and the
/// promised slots shaded amber under the bars, and a red mark above the stops at risk.
enum Timeline {
    static func svg(_ report: RiskReport) -> String {
        let l = report.language
        let routes = report.plan.routes
        let first = (routes.map(\.shiftStart).min() ?? 480) - 15
        let last = (routes.map(\.returnTime).max() ?? 1200) + 15
        let start = (first / 60).rounded(.down) * 60, end = (last / 60).rounded(.up) * 60
        let labelWidth = 110.0, width = 1100.0, rowHeight = 34.0, top = 24.0
        let height = top + rowHeight * Double(routes.count) + 10
        func x(_ minute: Double) -> Double { labelWidth + (min(max(minute, start), end) - start) / (end - start) * (width - labelWidth - 10) }
        var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(l(.timeline)))\">\n"
        var hour = start
        while hour <= end {
            svg += "<line x1=\"\(HTMLText.n(x(hour)))\" y1=\"\(top - 6)\" x2=\"\(HTMLText.n(x(hour)))\" y2=\"\(HTMLText.n(height - 10))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(HTMLText.n(x(hour)))\" y=\"\(top - 10)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">\(Clock.format(hour))</text>\n"
            hour += 60
        }
        let rowsByRoute = Dictionary(grouping: report.rows, by: \.route)
        for (r, route) in routes.enumerated() {
            let y = top + rowHeight * Double(r)
            let colour = HTMLText.courierColour(r, of: routes.count)
            let name = rowsByRoute[r]?.first?.courierName ?? route.courier
            svg += "<text x=\"4\" y=\"\(HTMLText.n(y + 20))\" font-size=\"12\" fill=\"\(colour)\">\(HTMLText.escape(route.courier + " " + name))</text>\n"
            for trip in route.trips {
                svg += "<line x1=\"\(HTMLText.n(x(trip.departure)))\" y1=\"\(HTMLText.n(y + 17))\" x2=\"\(HTMLText.n(x(trip.returnTime)))\" y2=\"\(HTMLText.n(y + 17))\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
            }
            // Each distinct window and promised slot once per courier, so shading does not pile up.
            var windows: Set<TimeWindow> = [], slots: [TimeWindow: Bool] = [:]
            for row in rowsByRoute[r] ?? [] {
                for w in row.visit.windows where w.end - w.start < 12 * 60 { windows.insert(w) }
                if let p = row.stop.promise { slots[p] = (slots[p] ?? false) || row.atRisk }
            }
            for w in windows.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
                svg += "<rect class=\"window\" x=\"\(HTMLText.n(x(Double(w.start))))\" y=\"\(HTMLText.n(y + 6))\" width=\"\(HTMLText.n(max(1, x(Double(w.end)) - x(Double(w.start)))))\" height=\"22\" fill=\"#1e88e5\" fill-opacity=\"0.07\"/>"
            }
            for (p, risky) in slots.sorted(by: { ($0.key.start, $0.key.end) < ($1.key.start, $1.key.end) }) {
                svg += "<rect class=\"promise\" x=\"\(HTMLText.n(x(Double(p.start))))\" y=\"\(HTMLText.n(y + 8))\" width=\"\(HTMLText.n(max(1, x(Double(p.end)) - x(Double(p.start)))))\" height=\"18\" fill=\"#ffb300\" fill-opacity=\"\(risky ? "0.3" : "0.1")\"/>"
            }
            svg += "\n"
            for row in rowsByRoute[r] ?? [] {
                let x0 = x(row.visit.start), x1 = max(x0 + 2, x(row.visit.departure))
                svg += "<rect x=\"\(HTMLText.n(x0))\" y=\"\(HTMLText.n(y + 10))\" width=\"\(HTMLText.n(x1 - x0))\" height=\"14\" fill=\"\(HTMLText.riskColour(row.pLate, threshold: report.threshold))\"><title>\(HTMLText.escape(row.stop.id)) \(Clock.format(row.visit.start)) · \(HTMLText.escape(report.window(of: row))) · \(l(.pLate)) \(RiskReport.percent(row.pLate))</title></rect>"
                if row.atRisk {
                    svg += "<path class=\"risk-mark\" d=\"M\(HTMLText.n(x0 - 4)),\(HTMLText.n(y + 2)) h8 l-4,7 z\" fill=\"#c62828\"/>"
                }
                svg += "\n"
            }
        }
        svg += "</svg>\n"
        return svg
    }
}
