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
        // The outlet objective keeps a tenth of the 480 minutes from the 07:00 shift start in hand,
        // at most half the one-hour slot: priced as if it ended at 14:30. Without a margin, 15:00.
        #expect(p.promiseEnd[4] == Double(14 * 60 + 30) && p.promiseEnd[0] == .infinity)
        let noMargin = Objective.outlet.overriding(["promiseMargin": 0]).objective
        let q = ProblemBuilder(scenario: Scenario(name: "t", outlet: Self.outlet, couriers: couriers, stops: stops), objective: noMargin).problem
        #expect(q.promiseEnd[4] == Double(15 * 60) && q.promiseEnd[5] == Double(15 * 60))
        // On a wet day twice the margin: a fifth of the 480 minutes, still at most half the slot
        // (14:30); with a share of 0.025, a twentieth: 24 minutes (14:36).
        let rain = Scenario(name: "t", outlet: Self.outlet, couriers: couriers, stops: stops, weather: "小雨 light rain")
        let thin = Objective.outlet.overriding(["promiseMargin": 0.025]).objective
        #expect(ProblemBuilder(scenario: rain, objective: .outlet).problem.promiseEnd[4] == Double(14 * 60 + 30))
        #expect(ProblemBuilder(scenario: rain, objective: thin).problem.promiseEnd[4] == Double(14 * 60 + 36))
        #expect(Scenario.isWet(weather: "Snow") && Scenario.isWet(weather: "雨") && !Scenario.isWet(weather: "sunny") && !Scenario.isWet(weather: nil))
    }

    /// The promise margin: a share of the minutes from the first shift start to the slot's end,
    /// never more than half the slot, nothing before the shift starts.
    @Test func aPromiseIsPricedWithItsMargin() {
        let slot = TimeWindow(start: 14 * 60, end: 16 * 60)
        #expect(ProblemBuilder.pricedEnd(of: slot, firstShiftStart: 7 * 60, margin: 0.1) == Double(16 * 60 - 54))
        #expect(ProblemBuilder.pricedEnd(of: slot, firstShiftStart: 7 * 60, margin: 0.5) == Double(15 * 60))
        #expect(ProblemBuilder.pricedEnd(of: slot, firstShiftStart: 7 * 60, margin: 0) == Double(16 * 60))
        #expect(ProblemBuilder.pricedEnd(of: slot, firstShiftStart: 17 * 60, margin: 0.1) == Double(16 * 60))
        #expect(ProblemBuilder.pricedEnd(of: slot, firstShiftStart: 7 * 60, margin: .nan) == Double(16 * 60))
        // A replan's couriers start when they are free again; one whose shift is over does not count.
        let free = Courier(id: "a", name: "a", capacityKg: 1, shift: TimeWindow(start: 15 * 60, end: 19 * 60))
        let over = Courier(id: "b", name: "b", capacityKg: 1, shift: TimeWindow(start: 12 * 60, end: 12 * 60))
        #expect(ProblemBuilder.marginStart([free, over]) == Double(15 * 60))
        #expect(ProblemBuilder.marginStart([over]) == Double(12 * 60))
    }

    /// A day above the granular threshold numbers its stops along a Hilbert curve: every kept
    /// stop once (`stopIndex` a permutation), the problem's data and matrix follow the new
    /// numbers, and a stop's nearest neighbour is numbered much closer to it than in the
    /// scenario's (random) order.
    @Test func aLargeDayNumbersItsStopsAlongTheCurve() {
        var random = SplitMix64(seed: 11)
        let stops = (0..<450).map { i in
            Stop(id: "s\(i)", location: Self.at(2.8 * random.unit().squareRoot(), 360 * random.unit()), weightKg: 1,
                 serviceMinutes: Double(i % 7))
        }
        let couriers = [Courier(id: "c", name: "c", capacityKg: 300, shift: Self.day)]
        let builder = ProblemBuilder(scenario: Scenario(name: "t", outlet: Self.outlet, couriers: couriers, stops: stops), objective: .outlet)
        let p = builder.problem
        #expect(builder.stopIndex.sorted() == Array(0..<450) && builder.stopIndex != Array(0..<450))
        for i in 0..<p.stopCount {
            let s = stops[builder.stopIndex[i]]
            #expect(p.service[i] == s.serviceMinutes)
            let j = (i * 37 + 5) % p.stopCount
            let km = s.location.kilometres(to: stops[builder.stopIndex[j]].location)
            #expect(i == j || abs(p.dist(i, j) / km - p.dist(j, i) / km) < 1e-9 && p.dist(i, j) >= km * 0.999)
        }
        /// Mean index gap between each stop and its nearest neighbour, under a numbering.
        func gap(_ number: [Int]) -> Double {
            var total = 0
            for a in 0..<stops.count {
                let b = (0..<stops.count).filter { $0 != a }.min {
                    stops[a].location.kilometres(to: stops[$0].location) < stops[a].location.kilometres(to: stops[$1].location)
                } ?? a
                total += abs(number[a] - number[b])
            }
            return Double(total) / Double(stops.count)
        }
        var curveNumber = [Int](repeating: 0, count: stops.count)
        for (i, s) in builder.stopIndex.enumerated() { curveNumber[s] = i }
        let curve = gap(curveNumber), scenario = gap(Array(0..<stops.count))
        #expect(curve * 5 < scenario, "nearest neighbour \(curve) apart along the curve, \(scenario) in the scenario")
    }

    /// A leg read from the row of the stop being placed is the leg itself: on a symmetric day
    /// (coordinates) and on an asymmetric matrix, which the builder recognises as such.
    @Test func legsReadFromTheStopsRowAreTheLegs() {
        let stops = (0..<4).map { Stop(id: "s\($0)", location: Self.at(0.5 + Double($0) * 0.4, Double($0) * 80), weightKg: 1) }
        let couriers = [Courier(id: "c", name: "c", capacityKg: 300, shift: Self.day)]
        let ids = stops.map(\.id) + ["o"]
        var minutes = [Double](repeating: 0, count: 25), kilometres = [Double](repeating: 0, count: 25)
        for a in 0..<5 {
            for b in 0..<5 where a != b {
                kilometres[a * 5 + b] = Double(1 + a + 2 * b)
                minutes[a * 5 + b] = Double(3 + 2 * a + b)
            }
        }
        let plain = Scenario(name: "t", outlet: Self.outlet, couriers: couriers, stops: stops)
        var measured = plain
        measured.travel = .matrix(TravelMatrix(ids: ids, minutes: minutes, kilometres: kilometres))
        for (scenario, symmetric) in [(plain, true), (measured, false)] {
            let p = ProblemBuilder(scenario: scenario, objective: .outlet).problem
            #expect(p.isSymmetric == symmetric)
            for a in 0..<p.nodeCount {
                for u in 0..<p.nodeCount {
                    #expect(p.dist(from: a, into: u) == p.dist(a, u) && p.travel(from: a, into: u, 0) == p.travel(a, u, 0))
                }
            }
        }
    }
}

