// libFuzzer harness: the time-window phrase parser (English and Chinese), with the outlet's day
// and a whole day as bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimeWindowPhrase(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    _ = try? TimeWindowPhrase.parse(text, day: TimeWindow(start: 420, end: 1260))
    _ = try? TimeWindowPhrase.parse(text)
    return 0
}
