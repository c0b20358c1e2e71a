/// The one way a number is written in a text file `desk` reads (CSV cells, Solomon and Li & Lim
/// columns): an optional sign, digits with an optional fraction, an optional exponent.
///
/// Stricter than `Double(_:)` on purpose: that also takes `nan`, `inf` and hexadecimal `0x1p3`,
/// which no spreadsheet means as a weight or a minute.
public enum DecimalNumber {
    /// The finite value of `text`, or `nil` when it is not a decimal number.
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        var bytes = text.utf8.makeIterator()
        var sawDigit = false, sawDot = false, sawExponent = false, exponentDigits = false
        var position = 0, previous: UInt8 = 0
        while let b = bytes.next() {
            defer { previous = b; position += 1 }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if sawExponent { exponentDigits = true } else { sawDigit = true }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard position == 0 || (sawExponent && (previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E"))) else { return nil }
            case UInt8(ascii: "."):
                guard !sawDot, !sawExponent else { return nil }
                sawDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return nil }
                sawExponent = true
            default:
                return nil
            }
        }
        guard sawDigit, !sawExponent || exponentDigits, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }

    /// `value` as an `Int` when it is a whole number within `range`.
    static func whole(_ value: Double, in range: ClosedRange<Int>) -> Int? {
        guard value.rounded() == value, value >= Double(range.lowerBound), value <= Double(range.upperBound) else { return nil }
        return Int(value)
    }
}
