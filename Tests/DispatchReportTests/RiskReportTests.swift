import Foundation
import Testing
import DispatchModel
import DispatchPlan
import DispatchRisk
import DispatchSolver
@testable import DispatchReport

@Suite struct RiskReportTests {
    static func report(language: ReportLanguage = .en) throws -> RiskReport {
        var scenario = OutletDayGenerator(stops: 50, couriers: 3, seed: 5).scenario()
        scenario.stops[0].contact = .call
        scenario.stops[1].requiredSkills = ["cold"]
        let plan = RoutePlanner.plan(scenario, objective: .outlet, options: SearchOptions(iterations: 40, seconds: 600, seed: 1, workers: 1))
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let estimate = RiskEstimator(model: .rainy, draws: 300, seed: 1).estimate(day)
        return RiskReport(plan: plan, scenario: scenario, day: day, estimate: estimate, profile: RiskProfile(model: .rainy),
                          threshold: 0.05, language: language)
    }

    @Test func csvHasAHeaderAndARowPerRoutedStop() throws {
        let report = try Self.report()
        let table = try CSVTable.parse(TableReport.csv(report))
        let routed = report.plan.routes.reduce(0) { $0 + $1.stops.count }
        #expect(table.header == TableReport.columns)
        #expect(table.rows.count == routed)
        let p = try #require(table.header.firstIndex(of: "pLate"))
        #expect(table.rows.allSatisfy { Double($0.cells[p]).map { (0...1).contains($0) } ?? false })
    }

    @Test func jsonParsesWithEveryStop() throws {
        let report = try Self.report()
        let root = try JSONParser.parse(TableReport.json(report))
        guard case .array(let stops)? = root.value["stops"]?.value else { Issue.record("no stops array"); return }
        #expect(stops.count == report.rows.count)
        #expect(root.value["format"]?.value == .string("dispatchdesk.report/1"))
    }

    @Test func textListsTheStopsAtRiskMostLikelyFirstAndALinePerCourier() throws {
        let report = try Self.report()
        let text = TextReport.render(report)
        #expect(!text.contains("\u{1B}["))
        let atRisk = report.atRisk
        #expect(zip(atRisk, atRisk.dropFirst()).allSatisfy { $0.pLate >= $1.pLate })
        for row in atRisk { #expect(text.contains(row.stop.id)) }
        for route in report.plan.routes { #expect(text.contains("\n\(route.courier) ")) }
        #expect(TextReport.render(report, colour: true).contains("\u{1B}[") )
    }

    @Test func htmlIsSelfContainedWithMapTimelineCallsAndSheets() throws {
        let report = try Self.report()
        let html = HTMLReport.render(report)
        for forbidden in ["http://", "https://", "src=", "<script", "@import", "url("] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("<svg class=\"map\""))
        #expect(html.contains("<svg class=\"timeline\""))
        #expect(html.components(separatedBy: "<section class=\"sheet\">").count - 1 == report.plan.routes.count)
        #expect(html.contains("page-break-before: always"))
        #expect(html.components(separatedBy: "<polyline").count - 1 == report.plan.tripCount)
        #expect(html.contains("call first"))
        #expect(html.contains("cold chain"))
        // Every trip of every sheet gets a line saying when it leaves and when it is back.
        let tripsWithStops = report.plan.routes.reduce(0) { $0 + $1.trips.filter { !$0.stops.isEmpty }.count }
        #expect(html.components(separatedBy: "<tr class=\"trip\">").count - 1 == tripsWithStops)
        for route in report.plan.routes {
            for trip in route.trips where !trip.stops.isEmpty {
                #expect(html.contains("leave \(Clock.format(trip.departure)), \(RouteSheet.kilograms(trip.loadKg)) kg, \(trip.stops.count) \(trip.stops.count == 1 ? "stop" : "stops"), back \(Clock.format(trip.returnTime))"))
            }
        }
    }

    /// A replanned plan carries visits already scanned (done, failed) and one under way: with a
    /// threshold of 0 every stop still to come is at risk, and none of those three ever is, nor is
    /// it in the text's at-risk list, the HTML call list or the promise count.
    @Test func scannedAndInProgressVisitsAreNeverAtRisk() throws {
        let scenario = OutletDayGenerator(stops: 40, couriers: 2, seed: 5).scenario()
        var plan = RoutePlanner.plan(scenario, objective: .outlet, options: SearchOptions(iterations: 40, seconds: 600, seed: 1, workers: 1))
        let r = try #require(plan.routes.firstIndex { ($0.trips.first?.stops.count ?? 0) >= 3 })
        let statuses: [Plan.StopStatus] = [.done, .failed, .inProgress]
        for (i, status) in statuses.enumerated() { plan.routes[r].trips[0].stops[i].status = status }
        let history = Set(plan.routes[r].trips[0].stops.prefix(3).map(\.id))
        let day = try PlannedDay(plan: plan, scenario: scenario)
        let estimate = RiskEstimator(model: .rainy, draws: 100, seed: 1).estimate(day)
        let report = RiskReport(plan: plan, scenario: scenario, day: day, estimate: estimate, profile: RiskProfile(model: .rainy),
                                threshold: 0, language: .en)
        #expect(Set(report.atRisk.map(\.stop.id)) == Set(report.rows.map(\.stop.id)).subtracting(history))
        let calls = HTMLReport.callList(report)
        let text = TextReport.render(report)
        for id in history {
            #expect(!calls.contains("<td>\(id)</td>"), "\(id) is in the call list")
            #expect(!text.contains("  \(id)  "), "\(id) is listed at risk")
        }
        let promised = report.rows.filter { $0.stop.promise != nil }
        let openPromised = promised.filter { !history.contains($0.stop.id) }
        #expect(text.contains("\(report.rows.count - history.count) stops at risk"))
        #expect(promised.filter(\.atRisk).count == openPromised.count)
    }

    /// The English headings count in words: "promises at risk 2 of 20", "1 trip", "3 trips",
    /// "1 stop at risk"; Chinese has no plural ("3 趟").
    @Test func headingsCountInWords() throws {
        let report = try Self.report()
        let text = TextReport.render(report)
        let promised = report.rows.filter { $0.stop.promise != nil }
        #expect(text.contains("promises at risk \(promised.filter(\.atRisk).count) of \(promised.count) (threshold"), "\(text.prefix(200))")
        for route in report.plan.routes {
            let trips = route.trips.count == 1 ? "1 trip," : "\(route.trips.count) trips,"
            #expect(text.contains("\(route.courier) ") && text.contains(": \(trips) "), "\(route.courier): \(trips)")
        }
        #expect(ReportLanguage.en.count(1, .trips) == "1 trip" && ReportLanguage.en.count(3, .trips) == "3 trips")
        #expect(ReportLanguage.en.count(1, .stopsAtRisk) == "1 stop at risk" && ReportLanguage.en.count(0, .stopsAtRisk) == "0 stops at risk")
        #expect(ReportLanguage.zh.count(3, .trips) == "3 趟")
        #expect(!text.contains(", Promise "))
    }

    @Test func chineseLabelsForAChineseOutlet() throws {
        #expect(ReportLanguage.preferred(forOutletName: "西湖区文三路网点") == .zh)
        #expect(ReportLanguage.preferred(forOutletName: "Depot 3") == .en)
        let html = HTMLReport.render(try Self.report(language: .zh))
        #expect(html.contains("片区地图") && html.contains("路单") && html.contains("lang=\"zh-CN\""))
    }

    /// A window is said in the report's language: a Chinese call list does not quote "after
    /// 18:30" as the customer wrote it, an English one does not quote "上午10点前"; a phrase in the
    /// report's language, or in none, is quoted as written.
    @Test func windowsAreSaidInTheReportsLanguage() throws {
        let day = TimeWindow(start: 7 * 60, end: 21 * 60)
        let evening = [TimeWindow(start: 18 * 60 + 30, end: 21 * 60)], morning = [TimeWindow(start: 7 * 60, end: 10 * 60)]
        #expect(ReportLanguage.zh.window(phrase: "after 18:30", windows: evening, day: day) == "18:30以后")
        #expect(ReportLanguage.en.window(phrase: "after 18:30", windows: evening, day: day) == "after 18:30")
        #expect(ReportLanguage.en.window(phrase: "上午10点前", windows: morning, day: day) == "before 10:00")
        #expect(ReportLanguage.zh.window(phrase: "上午10点前", windows: morning, day: day) == "上午10点前")
        #expect(ReportLanguage.zh.window(phrase: "10:00-12:00", windows: [TimeWindow(start: 600, end: 720)], day: day) == "10:00-12:00")
        #expect(ReportLanguage.zh.window(phrase: "before 10 or after 18:30", windows: morning + evening, day: day) == "10:00前、18:30以后")
        #expect(ReportLanguage.en.window(phrase: nil, windows: [day], day: day) == "any time")
        #expect(ReportLanguage.zh.window(phrase: "any time", windows: [day], day: day) == "全天")
        #expect(ReportLanguage.en.window(phrase: nil, windows: [TimeWindow(start: 600, end: 720)], day: day) == "10:00-12:00")

        let report = try Self.report(language: .zh)
        var row = try #require(report.rows.first)
        row.stop.windowPhrase = "after 18:30"
        row.stop.promise = nil
        row.visit.windows = [TimeWindow(start: 18 * 60 + 30, end: report.outlet.day.end)]
        let message = HTMLReport.message(row, window: report.window(of: row), .zh)
        #expect(message.contains("原定18:30以后送达") && !message.contains("after"), "\(message)")
    }

    /// Renders the page in headless Chromium and checks the screenshot is not blank: a blank
    /// page's PNG compresses to almost nothing, the report's is many times larger.
    @Test func chromiumRendersThePage() throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: chromium is not installed (apt-get install -y chromium)")
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("risk-report-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html"), blank = folder.appendingPathComponent("blank.html")
        try TextFile.writeAtomically(HTMLReport.render(try Self.report()), to: page.path)
        try TextFile.writeAtomically("<!DOCTYPE html><html><body></body></html>\n", to: blank.path)
        func shoot(_ file: URL, _ name: String) throws -> Int {
            let png = folder.appendingPathComponent(name)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                                 "--screenshot=" + png.path, "--window-size=1200,900", file.absoluteString]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            let data = try Data(contentsOf: png)
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
            return data.count
        }
        let blankSize = try shoot(blank, "blank.png")
        let reportSize = try shoot(page, "report.png")
        #expect(reportSize > 5 * blankSize, "report screenshot \(reportSize) bytes, blank page \(blankSize) bytes")
    }
}
