import DispatchModel

/// Reads and writes risk model JSON: a `dispatchdesk.risk/1` file, or the `"risk"` block of a
/// scenario file. Missing parameters keep the defaults (dry, or rainy for `"preset": "rain"`).
public enum RiskProfileFile {
    static let parameterKeys = ["rideLogMean", "daySD", "courierSD", "rideSD", "serviceLogMean", "serviceSD"]
    static let keys = ["format", "preset"] + parameterKeys + ["serviceTail", "recalibration", "baseline", "fit"]

    /// Reads the risk file at `path`; `defaults` fills parameters it leaves out.
    public static func load(path: String, defaults: RiskModel = .dry) throws(RiskDataError) -> RiskProfile {
        let text = try readText(path)
        return try read(text: text, path: path, defaults: defaults)
    }

    /// The `"risk"` block of the scenario file at `path`, or `nil` when it has none.
    public static func scenarioRisk(path: String, defaults: RiskModel) throws(RiskDataError) -> RiskProfile? {
        let text = try readText(path)
        let root: JSONNode
        do { root = try JSONParser.parse(text) } catch {
            throw .invalid(path: path, line: error.line, field: "json", message: error.message)
        }
        return try root.value["risk"].map { node throws(RiskDataError) in try scenarioRisk(block: node, path: path, defaults: defaults) }
    }

    /// A scenario's `"risk"` block as its reader kept it (``LoadedScenario/riskBlock``), read
    /// from `path`: the same profile as ``scenarioRisk(path:defaults:)`` without reading the file
    /// again.
    public static func scenarioRisk(block: JSONNode, path: String, defaults: RiskModel) throws(RiskDataError) -> RiskProfile {
        try profile(block, path: path, defaults: defaults, field: "risk")
    }

    /// Reads risk JSON `text` from `path`.
    public static func read(text: String, path: String, defaults: RiskModel = .dry) throws(RiskDataError) -> RiskProfile {
        let root: JSONNode
        do { root = try JSONParser.parse(text) } catch {
            throw .invalid(path: path, line: error.line, field: "json", message: error.message)
        }
        if let format = root.value["format"], format.value != .string(RiskProfile.format) {
            throw .invalid(path: path, line: format.line, field: "format", message: "expected \"\(RiskProfile.format)\"")
        }
        return try profile(root, path: path, defaults: defaults, field: "risk")
    }

    /// The text of a risk or scan-log file, with the model's file errors turned into risk-data errors.
    static func readText(_ path: String) throws(RiskDataError) -> String {
        do { return try TextFile.read(path) } catch {
            switch error {
            case .missing: throw .missing(path: path)
            case .unreadable(_, let reason): throw .invalid(path: path, line: 1, field: "file", message: reason)
            case .badEncoding(_, let line): throw .invalid(path: path, line: line, field: "file", message: "not UTF-8 text")
            }
        }
    }

    static func profile(_ node: JSONNode, path: String, defaults: RiskModel, field: String) throws(RiskDataError) -> RiskProfile {
        guard case .object(let members) = node.value else {
            throw .invalid(path: path, line: node.line, field: field, message: "expected an object, found \(node.value.typeName)")
        }
        for member in members where !keys.contains(member.key) {
            throw .invalid(path: path, line: member.node.line, field: member.key, message: "unknown key (known: \(keys.joined(separator: ", ")))")
        }
        func number(_ node: JSONNode, _ name: String, range: ClosedRange<Double>) throws(RiskDataError) -> Double {
            guard case .number(let x) = node.value, range.contains(x) else {
                throw .invalid(path: path, line: node.line, field: name, message: "expected a number in \(range.lowerBound)…\(range.upperBound)")
            }
            return x
        }
        var model = defaults
        if let preset = node.value["preset"] {
            switch preset.value {
            case .string("dry"): model = .dry
            case .string("rain"): model = .rainy
            default: throw .invalid(path: path, line: preset.line, field: "preset", message: "expected \"dry\" or \"rain\"")
            }
        }
        for key in parameterKeys {
            guard let value = node.value[key] else { continue }
            let range: ClosedRange<Double> = key.hasSuffix("Mean") ? -3...3 : 0...3
            let x = try number(value, key, range: range)
            switch key {
            case "rideLogMean": model.rideLogMean = x
            case "daySD": model.daySD = x
            case "courierSD": model.courierSD = x
            case "rideSD": model.rideSD = x
            case "serviceLogMean": model.serviceLogMean = x
            default: model.serviceSD = x
            }
        }
        if let tails = node.value["serviceTail"] {
            guard case .object(let kinds) = tails.value else {
                throw .invalid(path: path, line: tails.line, field: "serviceTail", message: "expected an object keyed by handover kind")
            }
            for kind in kinds {
                guard let handover = Handover(rawValue: kind.key) else {
                    throw .invalid(path: path, line: kind.node.line, field: "serviceTail", message: "\"\(kind.key)\" is not a handover kind (\(Handover.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                var tail = model.tail(handover)
                guard case .object(let fields) = kind.node.value else {
                    throw .invalid(path: path, line: kind.node.line, field: "serviceTail.\(kind.key)", message: "expected {\"probability\": …, \"meanMinutes\": …}")
                }
                for f in fields {
                    switch f.key {
                    case "probability": tail.probability = try number(f.node, "serviceTail.\(kind.key).probability", range: 0...1)
                    case "meanMinutes": tail.meanMinutes = try number(f.node, "serviceTail.\(kind.key).meanMinutes", range: 0...600)
                    default: throw .invalid(path: path, line: f.node.line, field: "serviceTail.\(kind.key).\(f.key)", message: "unknown key (probability, meanMinutes)")
                    }
                }
                model.setTail(tail, for: handover)
            }
        }
        var profile = RiskProfile(model: model)
        if let curve = node.value["recalibration"] {
            func list(_ name: String) throws(RiskDataError) -> [Double] {
                guard case .array(let items)? = curve.value[name]?.value else {
                    throw .invalid(path: path, line: curve.line, field: "recalibration.\(name)", message: "expected an array of probabilities")
                }
                var out: [Double] = []
                for item in items { out.append(try number(item, "recalibration.\(name)", range: 0...1)) }
                return out
            }
            let predicted = try list("predicted"), calibrated = try list("calibrated")
            guard predicted.count == calibrated.count, !predicted.isEmpty,
                  zip(predicted, predicted.dropFirst()).allSatisfy({ $0 <= $1 }),
                  zip(calibrated, calibrated.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw .invalid(path: path, line: curve.line, field: "recalibration", message: "predicted and calibrated must be non-decreasing arrays of the same length")
            }
            profile.recalibration = IsotonicCurve(predicted: predicted, calibrated: calibrated)
        }
        if let baseline = node.value["baseline"] {
            guard let a = baseline.value["intercept"], let b = baseline.value["slopePerMinute"] else {
                throw .invalid(path: path, line: baseline.line, field: "baseline", message: "expected {\"intercept\": …, \"slopePerMinute\": …}")
            }
            profile.baseline = SlackBaseline(intercept: try number(a, "baseline.intercept", range: -1000...1000),
                                             slopePerMinute: try number(b, "baseline.slopePerMinute", range: -1000...1000))
        }
        if let fit = node.value["fit"], case .object(let stats) = fit.value {
            profile.fit = stats.compactMap { if case .number(let x) = $0.node.value { return ($0.key, x) } else { return nil } }
        }
        return profile
    }

    /// The JSON text of `profile`.
    public static func json(_ profile: RiskProfile) -> String {
        let m = profile.model
        var members: [(key: String, node: JSONNode)] = [
            ("format", JSONNode(.string(RiskProfile.format))),
            ("rideLogMean", JSONNode(.number(rounded(m.rideLogMean)))),
            ("daySD", JSONNode(.number(rounded(m.daySD)))),
            ("courierSD", JSONNode(.number(rounded(m.courierSD)))),
            ("rideSD", JSONNode(.number(rounded(m.rideSD)))),
            ("serviceLogMean", JSONNode(.number(rounded(m.serviceLogMean)))),
            ("serviceSD", JSONNode(.number(rounded(m.serviceSD)))),
            ("serviceTail", JSONNode(.object(Handover.allCases.map { h in
                (key: h.rawValue, node: JSONNode(.object(["probability": .number(rounded(m.tail(h).probability)),
                                                          "meanMinutes": .number(rounded(m.tail(h).meanMinutes))])))
            }))),
        ]
        if let curve = profile.recalibration {
            members.append(("recalibration", JSONNode(.object(["predicted": .array(curve.predicted.map { .number(rounded($0)) }),
                                                               "calibrated": .array(curve.calibrated.map { .number(rounded($0)) })]))))
        }
        if let b = profile.baseline {
            members.append(("baseline", JSONNode(.object(["intercept": .number(rounded(b.intercept)), "slopePerMinute": .number(rounded(b.slopePerMinute))]))))
        }
        if !profile.fit.isEmpty {
            members.append(("fit", JSONNode(.object(profile.fit.map { (key: $0.key, node: JSONNode(.number(rounded($0.value)))) }))))
        }
        return JSONWriter.write(.object(members))
    }

    static func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
