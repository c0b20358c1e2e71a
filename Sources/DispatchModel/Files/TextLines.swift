/// Splits text into lines the way every reader here counts them: CR, LF and CRLF each end a line
/// (old spreadsheet exports end lines with CR alone), so line numbers agree across readers.
enum TextLines {
    /// The lines of `text`, without their endings; a final line ending does not start an empty line.
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(Substring(text[start..<index]))
                var next = utf8.index(after: index)
                if byte == UInt8(ascii: "\r"), next != utf8.endIndex, utf8[next] == UInt8(ascii: "\n") {
                    next = utf8.index(after: next)
                }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        if start != utf8.endIndex { lines.append(Substring(text[start...])) }
        return lines
    }

    /// The blank-or-tab separated fields of a line.
    static func fields(_ line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }
}
