// libFuzzer harness: the scenario JSON reader (parser, field records, validator).
// The path is in a folder that does not exist, so "stopsFile"/"matrixFile" names relative to it
// are missing files; absolute names must be refused or read safely.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = ScenarioReader.read(text: fuzzText(data, size), path: "/nonexistent-fuzz/scenario.json")
    return 0
}
