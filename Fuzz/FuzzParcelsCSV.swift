// libFuzzer harness: the parcels CSV (CSV parser, then every row read as a stop).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParcelsCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let table = try? CSVTable.parse(fuzzText(data, size)) else { return 0 }
    var loaded = LoadedScenario(scenario: Scenario(name: "", outlet: Outlet(id: "o", name: "", location: .geographic(lat: 30.28, lon: 120.13)),
                                                   couriers: [], stops: []),
                                stopSources: [], courierSources: [], diagnostics: [])
    ScenarioReader.readStops(table, path: "parcels.csv", day: TimeWindow(start: 420, end: 1260), log: DiagnosticLog(), into: &loaded)
    _ = ScenarioValidator.validate(loaded)
    return 0
}
