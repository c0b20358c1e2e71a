import Testing
@testable import DispatchModel

@Suite struct OutletDayGeneratorTests {
    let scenario = OutletDayGenerator(stops: 2000, couriers: 22, seed: 2026).scenario()

    /// A generated day always passes `desk validate`, however few couriers it has: a lone courier
    /// carries the cooler box the day's cold-chain parcels need.
    @Test(arguments: [1, 2, 3, 7])
    func aGeneratedDayValidates(couriers: Int) {
        for seed: UInt64 in [1, 2] {
            let scenario = OutletDayGenerator(stops: 500, couriers: couriers, seed: seed).scenario()
            #expect(scenario.stops.contains { $0.requiredSkills.contains("cold") }, "seed \(seed): no cold parcel to check")
            let loaded = ScenarioReader.read(text: ScenarioWriter.json(scenario), path: "g.json")
            let errors = (loaded.diagnostics + ScenarioValidator.validate(loaded)).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(couriers) courier(s), seed \(seed): \(errors.prefix(3).map(\.description))")
        }
    }

    @Test func everyStopIsInsideTheZone() {
        #expect(scenario.stops.allSatisfy { scenario.isInZone($0) })
    }

    @Test func sharesLookLikeAnOutletDay() {
        let n = Double(scenario.stops.count)
        let early = Double(scenario.stops.filter { $0.windows.last?.end ?? 0 <= 10 * 60 }.count) / n
        let late = Double(scenario.stops.filter { ($0.windows.first?.start ?? 0) >= 18 * 60 + 30 }.count) / n
        let pickups = Double(scenario.stops.filter { $0.kind == .pickup || $0.kind == .shipmentPickup }.count) / n
        let cold = Double(scenario.stops.filter { $0.requiredSkills.contains("cold") }.count) / n
        #expect(early > 0.07 && early < 0.13, "before 10:00: \(early)")
        #expect(late > 0.05 && late < 0.13, "after 18:30: \(late)")
        #expect(pickups >= 0.05 && pickups <= 0.10, "pickups: \(pickups)")
        #expect(cold > 0.02 && cold < 0.04, "cold chain: \(cold)")
        #expect(scenario.stops.contains { $0.handover == .faceToFace })
        // Many parcels share a building.
        let buildings = Set(scenario.stops.compactMap(\.building))
        #expect(buildings.count < scenario.stops.count / 5)
        // Every tier appears.
        #expect(Set(scenario.stops.map(\.tier)) == Set(CustomerTier.allCases))
    }

    @Test func generatedScenarioPassesValidation() {
        let text = ScenarioWriter.json(scenario)
        let loaded = ScenarioReader.read(text: text, path: "generated.json")
        #expect(loaded.errors.isEmpty, "\(loaded.errors.prefix(3))")
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.prefix(3))")
    }
}
