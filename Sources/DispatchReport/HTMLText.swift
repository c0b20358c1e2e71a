/// Escaping and number formatting for the HTML page and its SVG.
enum HTMLText {
    /// `text` with &, <, >, " and ' escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A coordinate with one decimal.
    static func n(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// The colour of courier `index` of `count`: evenly spread hues.
    static func courierColour(_ index: Int, of count: Int) -> String {
        let hue = Int((Double(index) * 360 / Double(max(count, 1)) + Double(index % 2) * 17).truncatingRemainder(dividingBy: 360))
        return "hsl(\(hue),70%,\(index % 3 == 1 ? 35 : 42)%)"
    }

    /// The colour of a risk level: green below half the threshold, amber below it, red at or above.
    static func riskColour(_ p: Double, threshold: Double) -> String {
        p >= threshold ? "#c62828" : p >= threshold / 2 ? "#f9a825" : "#2e7d32"
    }
}
