import DispatchModel

/// The report's language: Chinese labels for an outlet whose name is Chinese, English otherwise.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// 中文.
    case zh
    /// English.
    case en

    /// Chinese when `outletName` contains a CJK ideograph, else English.
    public static func preferred(forOutletName outletName: String) -> ReportLanguage {
        hasIdeograph(outletName) ? .zh : .en
    }

    /// Whether `text` holds a CJK ideograph (the unified block and extension A).
    static func hasIdeograph(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// The label `key` in this language.
    func callAsFunction(_ key: ReportLabel) -> String {
        switch self {
        case .en: return key.english
        case .zh: return key.chinese
        }
    }

    /// What `count` counts, in this language: "trip" or "trips" (趟: Chinese has no plural).
    func noun(_ count: Int, _ what: ReportCount) -> String {
        switch (self, what) {
        case (.en, .trips): return count == 1 ? "trip" : "trips"
        case (.en, .stops): return count == 1 ? "stop" : "stops"
        case (.en, .stopsAtRisk): return count == 1 ? "stop at risk" : "stops at risk"
        case (.zh, .trips): return "趟"
        case (.zh, .stops): return "站"
        case (.zh, .stopsAtRisk): return "个站点有延误风险"
        }
    }

    /// "3 trips", "1 stop", "2 stops at risk"; "3 趟".
    func count(_ count: Int, _ what: ReportCount) -> String { "\(count) \(noun(count, what))" }

    /// A stop's window for this report: the phrase as the customer said it when it is in this
    /// language (or in none: "10:00-12:00"), else its windows in this language's words, so that a
    /// Chinese call list never quotes "after 18:30" nor an English one "18:30以后". Open ends are
    /// the outlet's `day` bounds: "18:30以后" / "after 18:30", "10:00前" / "before 10:00"; the whole
    /// day is "全天" / "any time".
    func window(phrase: String?, windows: [TimeWindow], day: TimeWindow) -> String {
        if let phrase {
            let chinese = Self.hasIdeograph(phrase)
            let english = phrase.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            switch self {
            case .zh where !english: return phrase
            case .en where !chinese: return phrase
            default: break
            }
        }
        let parts = windows.compactMap { w -> String? in
            let opensAtDayStart = w.start <= day.start, closesAtDayEnd = w.end >= day.end
            switch (opensAtDayStart, closesAtDayEnd, self) {
            case (true, true, _): return nil
            case (true, false, .zh): return "\(Clock.format(w.end))前"
            case (true, false, .en): return "before \(Clock.format(w.end))"
            case (false, true, .zh): return "\(Clock.format(w.start))以后"
            case (false, true, .en): return "after \(Clock.format(w.start))"
            case (false, false, _): return w.description
            }
        }
        guard parts.count == windows.count, !parts.isEmpty else { return self(.anyTime) }
        return parts.joined(separator: self == .zh ? "、" : ", ")
    }

    /// The promises at risk among those made: "promises at risk 2 of 20"; "有风险的承诺 2/20".
    func promisesAtRisk(_ atRisk: Int, of promised: Int) -> String {
        switch self {
        case .en: return "promises at risk \(atRisk) of \(promised)"
        case .zh: return "有风险的承诺 \(atRisk)/\(promised)"
        }
    }
}

/// Things the report counts, whose English noun follows the number.
enum ReportCount {
    case trips, stops, stopsAtRisk
}

/// Every fixed text of the report, in both languages.
enum ReportLabel {
    case title, courier, stop, customer, window, promise, eta, slack, pLate, contact, handover, notes
    case map, timeline, callList, routeSheets, call, sms, callFirst, noLocker, faceToFace, coldChain, order, address
    case outlet, zone, noneAtRisk, message, trip, leave, back, lateRisk, legendLow, legendMid, legendHigh, anyTime
    case promisedSlot, windowShade, plannedService, generated, riskModel, minutes, draws

    var english: String {
        switch self {
        case .title: return "At-risk report"
        case .courier: return "Courier"
        case .stop: return "Stop"
        case .customer: return "Customer"
        case .window: return "Window"
        case .promise: return "Promise"
        case .eta: return "ETA"
        case .slack: return "Slack"
        case .pLate: return "P(late)"
        case .contact: return "Contact"
        case .handover: return "Handover"
        case .notes: return "Notes"
        case .map: return "Map of the zone"
        case .timeline: return "Timeline"
        case .callList: return "Call list"
        case .routeSheets: return "Route sheets"
        case .call: return "call"
        case .sms: return "SMS"
        case .callFirst: return "call first"
        case .noLocker: return "no locker"
        case .faceToFace: return "face to face"
        case .coldChain: return "cold chain"
        case .order: return "#"
        case .address: return "Address"
        case .outlet: return "outlet"
        case .zone: return "zone"
        case .noneAtRisk: return "No promise above the threshold."
        case .message: return "Suggested message"
        case .trip: return "trip"
        case .leave: return "leave"
        case .back: return "back"
        case .lateRisk: return "late risk"
        case .legendLow: return "low"
        case .legendMid: return "medium"
        case .legendHigh: return "high"
        case .anyTime: return "any time"
        case .promisedSlot: return "promised slot"
        case .windowShade: return "window"
        case .plannedService: return "planned stop"
        case .generated: return "threshold"
        case .riskModel: return "risk model"
        case .minutes: return "min"
        case .draws: return "draws"
        }
    }

    var chinese: String {
        switch self {
        case .title: return "时效风险报告"
        case .courier: return "快递员"
        case .stop: return "站点"
        case .customer: return "客户"
        case .window: return "时间窗"
        case .promise: return "承诺时段"
        case .eta: return "预计到达"
        case .slack: return "余量"
        case .pLate: return "延误概率"
        case .contact: return "联系方式"
        case .handover: return "交付方式"
        case .notes: return "备注"
        case .map: return "片区地图"
        case .timeline: return "时间轴"
        case .callList: return "待联系客户"
        case .routeSheets: return "路单"
        case .call: return "电话"
        case .sms: return "短信"
        case .callFirst: return "先打电话"
        case .noLocker: return "不放快递柜"
        case .faceToFace: return "当面签收"
        case .coldChain: return "冷链"
        case .order: return "序"
        case .address: return "地址"
        case .outlet: return "网点"
        case .zone: return "片区"
        case .noneAtRisk: return "没有超过阈值的承诺。"
        case .message: return "建议话术"
        case .trip: return "趟"
        case .leave: return "出发"
        case .back: return "返回"
        case .lateRisk: return "延误风险"
        case .legendLow: return "低"
        case .legendMid: return "中"
        case .legendHigh: return "高"
        case .anyTime: return "全天"
        case .promisedSlot: return "承诺时段"
        case .windowShade: return "时间窗"
        case .plannedService: return "计划服务"
        case .generated: return "阈值"
        case .riskModel: return "风险模型"
        case .minutes: return "分钟"
        case .draws: return "次模拟"
        }
    }
}
