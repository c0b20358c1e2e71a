import DispatchModel
import Foundation

/// The SVG map of the zone: the outlet, the zone circle, each courier's trips as polylines in
/// the courier's colour (later trips dashed), and the stops as dots coloured by their risk.
enum ZoneMap {
    static let size = 760.0

    static func svg(_ report: RiskReport) -> String {
        let l = report.language
        let origin = report.outlet.location
        let o = origin.planarCoordinates
        let geographic = origin.isGeographic
        let cosLat = cos(o.y * Double.pi / 180)
        // Kilometres east and south of the outlet (planar instances: their own unit).
        func km(_ location: Location) -> (x: Double, y: Double) {
            let p = location.planarCoordinates
            return geographic ? ((p.x - o.x) * 111.195 * cosLat, -(p.y - o.y) * 111.195) : (p.x - o.x, -(p.y - o.y))
        }
        var extent = report.outlet.zoneRadiusKm ?? 0
        for row in report.rows { let q = km(row.stop.location); extent = max(extent, abs(q.x), abs(q.y)) }
        extent = max(extent, 0.1) * 1.08
        let scale = size / 2 / extent
        func point(_ p: Location) -> String {
            let q = km(p)
            return HTMLText.n(size / 2 + q.x * scale) + "," + HTMLText.n(size / 2 + q.y * scale)
        }
        var svg = "<svg class=\"map\" viewBox=\"0 0 \(Int(size)) \(Int(size))\" role=\"img\" aria-label=\"\(HTMLText.escape(l(.map)))\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#f7f7f2\"/>\n"
        if let radius = report.outlet.zoneRadiusKm {
            svg += "<circle cx=\"\(HTMLText.n(size / 2))\" cy=\"\(HTMLText.n(size / 2))\" r=\"\(HTMLText.n(radius * scale))\" fill=\"#e8f0e8\" stroke=\"#7a9a7a\" stroke-dasharray=\"6 4\"><title>\(HTMLText.escape(l(.zone))) \(radius) km</title></circle>\n"
        }
        let byStop = Dictionary(report.rows.map { ($0.stop.id, $0) }, uniquingKeysWith: { a, _ in a })
        let couriers = report.plan.routes.count
        for (r, route) in report.plan.routes.enumerated() {
            let colour = HTMLText.courierColour(r, of: couriers)
            for (t, trip) in route.trips.enumerated() {
                var points = [point(origin)]
                for visit in trip.stops { if let row = byStop[visit.id] { points.append(point(row.stop.location)) } }
                points.append(point(origin))
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-opacity=\"0.8\"\(t > 0 ? " stroke-dasharray=\"5 3\"" : "")><title>\(HTMLText.escape(route.courier)) \(l(.trip)) \(t + 1)</title></polyline>\n"
            }
        }
        for row in report.rows {
            let q = km(row.stop.location)
            let risky = row.atRisk
            svg += "<circle cx=\"\(HTMLText.n(size / 2 + q.x * scale))\" cy=\"\(HTMLText.n(size / 2 + q.y * scale))\" r=\"\(risky ? 5 : 3)\" fill=\"\(HTMLText.riskColour(row.pLate, threshold: report.threshold))\" stroke=\"#fff\" stroke-width=\"0.8\"><title>\(HTMLText.escape(row.stop.id)) · \(HTMLText.escape(row.courier)) · \(Clock.format(row.visit.start)) · \(l(.pLate)) \(RiskReport.percent(row.pLate))</title></circle>\n"
        }
        let centre = size / 2
        svg += "<rect x=\"\(HTMLText.n(centre - 8))\" y=\"\(HTMLText.n(centre - 8))\" width=\"16\" height=\"16\" fill=\"#1a237e\"><title>\(HTMLText.escape(l(.outlet))) \(HTMLText.escape(report.outlet.name))</title></rect>\n"
        svg += "<text x=\"\(HTMLText.n(centre + 12))\" y=\"\(HTMLText.n(centre - 10))\" font-size=\"14\" fill=\"#1a237e\">\(HTMLText.escape(report.outlet.name))</text>\n"
        svg += "</svg>\n"
        return svg
    }
}
