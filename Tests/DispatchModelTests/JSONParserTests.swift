import Testing
@testable import DispatchModel

/// RFC 8259 and nothing else, plus: a duplicate key is an error.
@Suite struct JSONParserTests {
    @Test(arguments: [
        ("01", "must not start with 0"),
        ("-01", "must not start with 0"),
        ("[1,]", "unexpected character"),
        (#"{"a": 1,}"#, "expected a quoted key"),
        ("[1 2]", "expected ',' or ']'"),
        (#"{'a': 1}"#, "expected a quoted key"),
        ("NaN", "unexpected character"),
        ("1.", "malformed number"),
        (".5", "unexpected character"),
        ("+1", "unexpected character"),
        ("1e999", "out of range"),
        (#"{"a": 1} x"#, "unexpected text after"),
        ("\"tab\there\"", "control character"),
        ("// comment\n1", "unexpected character"),
    ])
    func rejectsWhatTheStandardRejects(_ text: String, _ message: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message.contains(message), "\(text): \(error.message)")
        }
    }

    @Test(arguments: ["0", "-0", "10", "0.5", "-0.25e-3", "1E+2", #"{"a": [true, false, null]}"#, #""\u00e9\ud83d\ude00""#])
    func acceptsWhatTheStandardAccepts(_ text: String) throws {
        _ = try JSONParser.parse(text)
    }

    @Test func aDuplicateKeyIsAnErrorOnItsLine() {
        #expect(throws: JSONParser.SyntaxError(line: 3, message: #"key "id" appears twice in one object (first on line 2)"#)) {
            try JSONParser.parse("{\n\"id\": \"a\",\n\"id\": \"b\"\n}")
        }
    }

    @Test func aCarriageReturnAloneEndsALine() {
        #expect(throws: JSONParser.SyntaxError(line: 3, message: "expected ',' or '}' in an object")) {
            try JSONParser.parse("{\r\"a\": 1\r\"b\": 2}")
        }
    }
}
