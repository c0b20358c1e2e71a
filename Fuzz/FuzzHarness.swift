// Shared by every harness: the fuzzer's bytes as the text a reader would get.
// A reader only ever sees valid UTF-8 (TextFile.read rejects the rest), so invalid bytes are repaired.
func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}
