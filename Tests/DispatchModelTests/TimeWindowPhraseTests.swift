import Testing
@testable import DispatchModel

/// Minutes since midnight, for readable expectations.
private func at(_ h: Int, _ m: Int = 0) -> Int { h * 60 + m }

/// The outlet's day used in these tests: 07:00–21:00.
private let outletDay = TimeWindow(start: at(7), end: at(21))

@Suite struct TimeWindowPhraseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let phrase: String
        let windows: [TimeWindow]
        let form: TimeWindowPhrase.Form
        var testDescription: String { phrase }
    }

    static let cases: [Case] = [
        // English
        Case(phrase: "after 18:30", windows: [.init(start: at(18, 30), end: at(21))], form: .after),
        Case(phrase: "before 10:00", windows: [.init(start: at(7), end: at(10))], form: .before),
        Case(phrase: "10:00-12:00", windows: [.init(start: at(10), end: at(12))], form: .range),
        Case(phrase: "10:00–12:00, 14:00-16:00", windows: [.init(start: at(10), end: at(12)), .init(start: at(14), end: at(16))], form: .multiple),
        Case(phrase: "14:00-16:00", windows: [.init(start: at(14), end: at(16))], form: .range),
        Case(phrase: "morning", windows: [.init(start: at(7), end: at(12))], form: .period),
        Case(phrase: "Afternoon", windows: [.init(start: at(12), end: at(18))], form: .period),
        Case(phrase: "evening", windows: [.init(start: at(18), end: at(21))], form: .period),
        Case(phrase: "any", windows: [outletDay], form: .any),
        Case(phrase: "all day", windows: [outletDay], form: .any),
        Case(phrase: "after 6pm", windows: [.init(start: at(18), end: at(21))], form: .after),
        Case(phrase: "before 9.30am", windows: [.init(start: at(7), end: at(9, 30))], form: .before),
        Case(phrase: "from 9 to 11", windows: [.init(start: at(9), end: at(11))], form: .range),
        Case(phrase: "between 2pm and 4pm", windows: [.init(start: at(14), end: at(16))], form: .range),
        Case(phrase: "after 09:00 before 12:00", windows: [.init(start: at(9), end: at(12))], form: .range),
        Case(phrase: "10:00-12:00 or after 19:00", windows: [.init(start: at(10), end: at(12)), .init(start: at(19), end: at(21))], form: .multiple),
        Case(phrase: "9:00-12:00, 11:00-13:00", windows: [.init(start: at(9), end: at(13))], form: .range),
        // "noon" where a time belongs is 12:00 (docs/formats.md's own example); alone, 11:00–13:00.
        Case(phrase: "between 10am and noon", windows: [.init(start: at(10), end: at(12))], form: .range),
        Case(phrase: "from 10am to noon", windows: [.init(start: at(10), end: at(12))], form: .range),
        Case(phrase: "10am-noon", windows: [.init(start: at(10), end: at(12))], form: .range),
        Case(phrase: "noon to 2pm", windows: [.init(start: at(12), end: at(14))], form: .range),
        Case(phrase: "before noon", windows: [.init(start: at(7), end: at(12))], form: .before),
        Case(phrase: "after midday", windows: [.init(start: at(12), end: at(21))], form: .after),
        Case(phrase: "noon", windows: [.init(start: at(11), end: at(13))], form: .period),
        // Chinese
        Case(phrase: "18:30以后", windows: [.init(start: at(18, 30), end: at(21))], form: .after),
        Case(phrase: "18:30后", windows: [.init(start: at(18, 30), end: at(21))], form: .after),
        Case(phrase: "上午10点前", windows: [.init(start: at(7), end: at(10))], form: .before),
        Case(phrase: "10点之前", windows: [.init(start: at(7), end: at(10))], form: .before),
        Case(phrase: "下午", windows: [.init(start: at(12), end: at(18))], form: .period),
        Case(phrase: "上午", windows: [.init(start: at(7), end: at(12))], form: .period),
        Case(phrase: "晚上", windows: [.init(start: at(18), end: at(21))], form: .period),
        Case(phrase: "全天", windows: [outletDay], form: .any),
        Case(phrase: "下午3点后", windows: [.init(start: at(15), end: at(21))], form: .after),
        Case(phrase: "晚上7点半以后", windows: [.init(start: at(19, 30), end: at(21))], form: .after),
        Case(phrase: "下午2点到4点", windows: [.init(start: at(14), end: at(16))], form: .range),
        Case(phrase: "14：00－16：00", windows: [.init(start: at(14), end: at(16))], form: .range),
        Case(phrase: "9点到11点之间", windows: [.init(start: at(9), end: at(11))], form: .range),
        Case(phrase: "上午9点15分以后", windows: [.init(start: at(9, 15), end: at(21))], form: .after),
        Case(phrase: "10:00-12:00、14:00-16:00", windows: [.init(start: at(10), end: at(12)), .init(start: at(14), end: at(16))], form: .multiple),
        Case(phrase: "中午", windows: [.init(start: at(11), end: at(13))], form: .period),
        Case(phrase: "中午前", windows: [.init(start: at(7), end: at(12))], form: .before),
        Case(phrase: "上午10点到中午", windows: [.init(start: at(10), end: at(12))], form: .range),
        Case(phrase: "中午12点以后", windows: [.init(start: at(12), end: at(21))], form: .after),
    ]

    @Test(arguments: cases)
    func phraseMeansWindows(_ c: Case) throws {
        let parsed = try TimeWindowPhrase.parse(c.phrase, day: outletDay)
        #expect(parsed.windows == c.windows)
        #expect(parsed.form == c.form)
        #expect(parsed.text == c.phrase)
    }

    static let errors: [(String, String)] = [
        ("after 25:00", "25:00 is not a time of day"),
        ("before 09:00 after 18:00", "18:00 is not before 09:00"),
        ("12:00-10:00", "12:00 is not before 10:00"),
        ("10:75-11:00", "is not a time of day"),
        ("soonish", "\"soonish\" is not understood"),
        ("18:30", "lone time"),
        ("", "no time window"),
        ("after", "a time is missing"),
        ("上午下午", "two parts of the day"),
        ("after 22:00", "outside the outlet's day"),
        ("after 10:00 after 11:00", "two earliest times"),
        ("10点前后", "a time is missing"),
        ("晚上12点以后", "outside the outlet's day"),
    ]

    @Test(arguments: errors)
    func unclearPhrasesAreErrorsQuotingThePhrase(_ phrase: String, _ reason: String) {
        #expect {
            _ = try TimeWindowPhrase.parse(phrase, day: outletDay)
        } throws: { error in
            guard let error = error as? TimeWindowPhraseError else { return false }
            return error.phrase == phrase && error.reason.contains(reason)
                && error.description.contains("\"\(phrase)\"")
        }
    }

    @Test func openEndsUseTheWholeDayWithoutAnOutlet() throws {
        let parsed = try TimeWindowPhrase.parse("after 18:30")
        #expect(parsed.windows == [TimeWindow(start: at(18, 30), end: at(24))])
    }
}
