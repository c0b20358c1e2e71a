import Testing
@testable import DispatchModel
@testable import DispatchSolver

@Suite struct ProblemBuilderTests {
    static let day = TimeWindow(start: 7 * 60, end: 21 * 60)
    static let outlet = Outlet(id: "o", name: "outlet", location: .geographic(lat: 30.2791, lon: 120.1312), day: day)

    static func at(_ km: Double, _ bearing: Double = 0) -> Location {
        let p = GeoPoint(lat: 30.2791, lon: 120.1312).offset(kilometres: km, bearing: bearing)
        return .geographic(lat: p.lat, lon: p.lon)
    }

    /// Stops that cannot be routed are set aside with their reason, never dropped: outside the
    /// zone, needing a skill nobody has, heavier than every suitable courier carries, a shipment
    /// half whose other half is out. The rest keep their order, and `stopIndex` maps back.
    @Test func setsAsideWhatCannotBeRoutedWithItsReason() {
        let stops = [
            Stop(id: "ok1", location: Self.at(1), weightKg: 2),
            Stop(id: "far", location: Self.at(4), weightKg: 2),
            Stop(id: "frozen", location: Self.at(1, 1), weightKg: 2, requiredSkills: ["freezer"]),
            Stop(id: "piano", location: Self.at(1, 2), weightKg: 400),
            Stop(id: "sp", kind: .shipmentPickup, shipment: "s", location: Self.at(1, 3), weightKg: 1),
            Stop(id: "sd", kind: .shipmentDelivery, shipment: "s", location: Self.at(5, 3), weightKg: 1),
            Stop(id: "ok2", location: Self.at(2, 4), weightKg: 2),
        ]
        let couriers = [Courier(id: "c", name: "c", capacityKg: 300, shift: Self.day)]
        let builder = ProblemBuilder(scenario: Scenario(name: "t", outlet: Self.outlet, couriers: couriers, stops: stops), objective: .outlet)
        #expect(builder.stopIndex == [0, 6])
        #expect(builder.problem.stopCount == 2)
        let reasons = Dictionary(uniqueKeysWithValues: builder.excluded.map { (stops[$0.stop].id, $0.reason) })
        #expect(Set(reasons.keys) == ["far", "frozen", "piano", "sd", "sp"])
        if case .outsideZone(let km, let radius)? = reasons["far"] {
            #expect(abs(km - 4) < 0.01 && radius == 3)
        } else {
            Issue.record("far: \(String(describing: reasons["far"]))")
        }
        #expect(reasons["frozen"] == .noCourierWithSkills(["freezer"]))
        #expect(reasons["piano"] == .tooLarge)
        #expect(reasons["sd"].map { "\($0)" }?.contains("outside the zone") == true)
        #expect(reasons["sp"] == .partnerUnassigned("sd"))
        #expect(builder.excluded.count + builder.problem.stopCount == stops.count)
    }

    /// A stop's own courier: its customer on exactly one courier's list wins over its building in
    /// exactly one territory; a building in two territories gives none; a replan's
    /// `preferredCourier` overrides both.
    @Test func ownCourierFromCustomersTerritoriesAndOverrides() {
        let stops = [
            Stop(id: "a", location: Self.at(1), building: "b1"),
            Stop(id: "b", location: Self.at(1), customer: "u7", building: "b1"),
            Stop(id: "c", location: Self.at(1), building: "shared"),
            Stop(id: "d", location: Self.at(1)),
            Stop(id: "e", location: Self.at(1), building: "b1"),
        ]
        let couriers = [
            Courier(id: "east", name: "e", capacityKg: 100, shift: Self.day, territory: ["b1", "shared"]),
            Courier(id: "west", name: "w", capacityKg: 100, shift: Self.day, territory: ["shared"], customers: ["u7"]),
        ]
        let scenario = Scenario(name: "t", outlet: Self.outlet, couriers: couriers, stops: stops)
        #expect(ProblemBuilder(scenario: scenario, objective: .outlet).problem.preferredVehicle == [0, 1, -1, -1, 0])
        let replan = ProblemBuilder(scenario: scenario, objective: .outlet, preferredCourier: ["e": "west", "d": "east"])
        #expect(replan.problem.preferredVehicle == [0, 1, -1, 0, 1])
    }

    /// Loads by kind (a delivery leaves loaded, a pickup comes back loaded, a shipment's delivery
    /// unloads what its pickup loaded), partners both ways, and a promise needing the customer at
    /// home narrows the windows the engine sees.
    @Test func loadsPartnersAndWindows() {
        let stops = [
            Stop(id: "d", location: Self.at(1), weightKg: 3, volumeLitres: 9),
            Stop(id: "p", kind: .pickup, location: Self.at(1, 1), weightKg: 2, volumeLitres: 5),
            Stop(id: "sp", kind: .shipmentPickup, shipment: "s", location: Self.at(1, 2), weightKg: 4, volumeLitres: 7),
            Stop(id: "sd", kind: .shipmentDelivery, shipment: "s", location: Self.at(2, 2), weightKg: 4, volumeLitres: 7),
            Stop(id: "door", location: Self.at(1, 3), windows: [TimeWindow(start: 9 * 60, end: 18 * 60)], handover: .door,
                 promise: TimeWindow(start: 14 * 60, end: 15 * 60)),
            Stop(id: "locker", location: Self.at(1, 4), windows: [TimeWindow(start: 9 * 60, end: 18 * 60)], handover: .locker,
                 promise: TimeWindow(start: 14 * 60, end: 15 * 60)),
        ]
        let couriers = [Courier(id: "c", name: "c", capacityKg: 100, shift: Self.day)]
        let p = ProblemBuilder(scenario: Scenario(name: "t", outlet: Self.outlet, couriers: couriers, stops: stops), objective: .outlet).problem
        #expect(p.deliveryKg[0] == 3 && p.deliveryLitres[0] == 9 && p.pickupKg[0] == 0)
        #expect(p.pickupKg[1] == 2 && p.pickupLitres[1] == 5 && p.deliveryKg[1] == 0)
        #expect(p.pickupKg[2] == 4 && p.pickupKg[3] == -4 && p.pickupLitres[3] == -7)
        #expect(p.partner == [-1, -1, 3, 2, -1, -1])
        #expect(p.isShipmentPickup == [false, false, true, false, false, false])
        #expect(p.windowStart[p.windowOffset[4]] == Double(14 * 60), "a door promise: not before its slot")
        #expect(p.windowStart[p.windowOffset[5]] == Double(9 * 60), "a locker: early is fine")
        #expect(p.promiseEnd[4] == Double(15 * 60) && p.promiseEnd[0] == .infinity)
    }
}
