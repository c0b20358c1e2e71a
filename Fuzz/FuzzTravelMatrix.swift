// libFuzzer harness: the travel-matrix CSV, read for a fixed set of places.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTravelMatrix(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let table = try? CSVTable.parse(fuzzText(data, size)) else { return 0 }
    _ = TravelMatrixReader.read(table, path: "matrix.csv", places: ["depot", "a", "b", "c", "a"], log: DiagnosticLog())
    return 0
}
