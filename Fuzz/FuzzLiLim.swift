// libFuzzer harness: the Li & Lim PDPTW reader (and the validator after it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLiLim(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = fuzzText(data, size)
    _ = LiLimReader.looksLikeLiLim(text)
    _ = LiLimReader.read(text: text, path: "instance.txt")
    return 0
}
