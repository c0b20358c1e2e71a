// libFuzzer harness: the Solomon / Gehring–Homberger reader (and the validator after it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSolomon(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    _ = SolomonReader.looksLikeSolomon(text)
    _ = SolomonReader.read(text: text, path: "instance.txt")
    return 0
}
