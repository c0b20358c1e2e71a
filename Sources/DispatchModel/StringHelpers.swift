extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmed: String {
        var slice = Substring(self)
        while let c = slice.first, c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, c.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
