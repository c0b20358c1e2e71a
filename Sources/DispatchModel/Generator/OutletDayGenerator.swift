#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes a realistic outlet day inside a 3 km zone, for demos, tests and benchmarks.
///
/// Parcels cluster in buildings (residential compounds, office towers, shop streets); about
/// 10 % must arrive before 10:00 (fresh produce, documents), about 10 % after 18:30 (people at
/// work), 5–10 % are pickups, about 3 % need a cooler box, a few valuables are handed over face
/// to face. Every courier has a territory: neighbouring buildings (a sector around the outlet)
/// cut so that each holds about the same expected work. Promises are reachable: none starts
/// before the earliest courier can ride there. With two waves, about a quarter of the deliveries
/// reach the outlet on the second truck (13:00). The same options and seed always give the same
/// scenario, byte for byte.
public struct OutletDayGenerator: Sendable {
    /// Number of stops (deliveries, pickups and shipment halves).
    public var stops: Int
    /// Number of couriers on shift.
    public var couriers: Int
    /// Random seed.
    public var seed: UInt64
    /// A rainy day: slower riding, longer handovers.
    public var rain: Bool
    /// A name for the day.
    public var name: String
    /// Trucks that bring parcels to the outlet: 1 (all in the morning) or 2 (a second at 13:00).
    public var waves: Int

    /// When the second truck reaches the outlet.
    public static let secondWave = 13 * 60

    /// Options for one generated day.
    public init(stops: Int, couriers: Int, seed: UInt64, rain: Bool = false, name: String? = nil, waves: Int = 1) {
        self.stops = stops
        self.couriers = couriers
        self.seed = seed
        self.rain = rain
        self.waves = waves
        self.name = name ?? "generated day: \(stops) stops, \(couriers) couriers, seed \(seed)\(rain ? ", rain" : "")"
    }

    enum BuildingKind { case residential, office, shops, campus }

    struct Building {
        let id: String
        let kind: BuildingKind
        let location: GeoPoint
        let label: String
        let weight: Double
    }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董")
    static let compoundNames = ["翠苑", "文华", "西溪", "金都", "绿城", "梧桐", "丹桂", "和睦", "古荡", "嘉绿", "枫华", "益乐"]
    static let towerNames = ["华星", "世贸", "元茂", "天堂软件园", "东部国际", "创意大厦", "黄龙", "万塘"]
    static let streets = ["文三路", "文二路", "学院路", "教工路", "古墩路", "天目山路", "万塘路", "莫干山路"]

    /// The generated scenario.
    public func scenario() -> Scenario {
        var rng = SplitMix64(seed: seed)
        let outletPoint = GeoPoint(lat: 30.2791, lon: 120.1312)
        let outlet = Outlet(id: "hz-xihu-03", name: "西湖区文三路网点", location: .geographic(outletPoint), zoneRadiusKm: 3,
                            day: TimeWindow(start: 7 * 60, end: 21 * 60))

        // Buildings: many parcels share one.
        let buildingCount = max(6, stops / 14)
        var buildings: [Building] = []
        for b in 0..<buildingCount {
            let u = rng.unit()
            let kind: BuildingKind = u < 0.6 ? .residential : u < 0.85 ? .office : u < 0.95 ? .shops : .campus
            let radius = 2.85 * rng.unit().squareRoot()
            let bearing = rng.unit() * 2 * Double.pi
            let location = Self.rounded(outletPoint.offset(kilometres: radius, bearing: bearing))
            let street = Self.streets[rng.below(Self.streets.count)]
            let label: String
            switch kind {
            case .residential: label = "\(Self.compoundNames[rng.below(Self.compoundNames.count)])小区\(1 + rng.below(30))幢"
            case .office: label = "\(Self.towerNames[rng.below(Self.towerNames.count)])大厦"
            case .shops: label = "\(street)\(1 + rng.below(400))号商铺"
            case .campus: label = "\(street)校区"
            }
            let size = kind == .residential ? 1.0 : kind == .office ? 1.6 : 0.6
            buildings.append(Building(id: "b\(Self.pad(b + 1, 4))", kind: kind, location: location, label: label,
                                      weight: size / Double(1 + rng.below(6))))
        }
        let cumulative = buildings.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.weight) }
        let totalWeight = cumulative.last ?? 1
        func pickBuilding(_ rng: inout SplitMix64) -> Building {
            let x = rng.unit() * totalWeight
            var lo = 0, hi = cumulative.count - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] > x { hi = mid } else { lo = mid + 1 } }
            return buildings[lo]
        }

        // Couriers: territories are sectors around the outlet, cut where the expected work (the
        // buildings' weights) reaches an equal share, so neighbouring buildings share a courier.
        let bySector = buildings.indices.sorted {
            (Self.bearing(from: outletPoint, to: buildings[$0].location), $0) < (Self.bearing(from: outletPoint, to: buildings[$1].location), $1)
        }
        var territories = [[String]](repeating: [], count: max(couriers, 1))
        var sectorWeight = 0.0
        for b in bySector {
            let share = min(Int(sectorWeight / totalWeight * Double(max(couriers, 1))), max(couriers, 1) - 1)
            territories[share].append(buildings[b].id)
            sectorWeight += buildings[b].weight
        }
        var courierList: [Courier] = []
        for k in 0..<couriers {
            let surname = Self.surnames[k % Self.surnames.count]
            let evening = k % 5 == 4
            // Every fourth courier, from the second, carries a cooler box; a lone courier carries
            // one too, or the day's cold-chain parcels would have nobody to take them.
            let cold = k % 4 == 1 || couriers == 1
            let territory = territories[k].sorted()
            courierList.append(Courier(
                id: "c\(Self.pad(k + 1, 2))", name: "\(surname)师傅\(k >= Self.surnames.count ? String(k / Self.surnames.count + 1) : "")",
                capacityKg: Double(250 + 50 * rng.below(3)), capacityLitres: Double(1500 + 250 * rng.below(3)),
                shift: evening ? TimeWindow(start: 10 * 60, end: 21 * 60) : TimeWindow(start: 8 * 60, end: 19 * 60 + 30),
                speedKmh: rain ? 12 : 15, skills: cold ? ["cold"] : [], territory: territory))
        }

        // Stops.
        var stopList: [Stop] = []
        var shipmentNumber = 0
        while stopList.count < stops {
            let number = stopList.count + 1
            let building = pickBuilding(&rng)
            let location = Self.rounded(building.location.offset(kilometres: 0.06 * rng.unit().squareRoot(),
                                                                 bearing: rng.unit() * 2 * Double.pi))
            let roll = rng.unit()
            if roll < 0.01, stopList.count + 2 <= stops {
                // A same-city shipment: collect here, deliver to another building.
                shipmentNumber += 1
                let shipment = "s\(Self.pad(shipmentNumber, 4))"
                let target = pickBuilding(&rng)
                var pickup = makeStop(id: "p\(Self.pad(number, 5))", building: building, location: location, kind: .shipmentPickup, rng: &rng)
                pickup.shipment = shipment
                pickup.windowPhrase = "10:00-12:00"
                pickup.promise = TimeWindow(start: 10 * 60, end: 12 * 60)
                var delivery = makeStop(id: "p\(Self.pad(number + 1, 5))", building: target,
                                        location: Self.rounded(target.location.offset(kilometres: 0.03, bearing: rng.unit() * 6.28)),
                                        kind: .shipmentDelivery, rng: &rng)
                delivery.shipment = shipment
                delivery.windowPhrase = "下午"
                delivery.promise = nil
                delivery.weightKg = pickup.weightKg
                delivery.volumeLitres = pickup.volumeLitres
                stopList.append(contentsOf: [pickup, delivery])
                continue
            }
            let kind: StopKind = roll < 0.08 ? .pickup : .delivery
            stopList.append(makeStop(id: "p\(Self.pad(number, 5))", building: building, location: location, kind: kind, rng: &rng))
        }
        // Windows as phrases → windows, exactly as the reader would.
        for i in stopList.indices {
            if let phrase = stopList[i].windowPhrase, let parsed = try? TimeWindowPhrase.parse(phrase, day: outlet.day) {
                stopList[i].windows = parsed.windows
            } else {
                stopList[i].windows = [outlet.day]
            }
        }
        // Promises no courier can keep are not made: a slot starts no earlier than the first shift
        // start plus the ride there (rounded up to the half hour).
        let firstShift = courierList.map(\.shift.start).min() ?? outlet.day.start
        let speed = (rain ? 12.0 : 15.0) * (rain ? 0.85 : 1)
        for i in stopList.indices {
            guard let promise = stopList[i].promise else { continue }
            let ride = outlet.location.kilometres(to: stopList[i].location) * 1.3 / speed * 60
            let earliest = Int(((Double(firstShift) + ride) / 30).rounded(.up)) * 30
            if promise.start < earliest {
                let length = promise.end - promise.start
                stopList[i].promise = TimeWindow(start: earliest, end: earliest + length)
            }
        }
        // The second truck: a quarter of the deliveries whose windows leave time after it.
        if waves >= 2 {
            for i in stopList.indices where stopList[i].kind == .delivery && rng.chance(0.25) {
                let lastEnd = stopList[i].windows.last?.end ?? outlet.day.end
                if lastEnd >= Self.secondWave + 120, (stopList[i].promise?.start ?? Self.secondWave) >= Self.secondWave {
                    stopList[i].availableFrom = Self.secondWave
                }
            }
        }
        return Scenario(name: name, outlet: outlet, couriers: courierList, stops: stopList,
                        travel: .haversine(detourFactor: 1.3, speedFactor: rain ? 0.85 : 1), weather: rain ? "rain" : nil)
    }

    private func makeStop(id: String, building: Building, location: GeoPoint, kind: StopKind, rng: inout SplitMix64) -> Stop {
        var stop = Stop(id: id, kind: kind, location: .geographic(location), building: building.id)
        stop.address = building.label
        // Weight: mostly light parcels, a long tail of heavy ones.
        let w = rng.unit()
        stop.weightKg = Self.round1(w < 0.7 ? 0.2 + 1.8 * rng.unit() : w < 0.95 ? 2 + 6 * rng.unit() : 8 + 17 * rng.unit())
        stop.volumeLitres = Self.round1(stop.weightKg * (2 + 4 * rng.unit()))
        let t = rng.unit()
        stop.tier = t < 0.03 ? .strategic : t < 0.13 ? .key : t < 0.80 ? .regular : .walkIn
        stop.customer = "u\(Self.pad(1 + rng.below(max(stops, 10) * 3 / 4), 6))"

        let special = rng.unit()
        if kind == .pickup {
            stop.windowPhrase = ["14:00-16:00", "下午", "10:00-12:00", "上午", "after 13:00"][rng.below(5)]
            stop.serviceMinutes = 4
            stop.tier = t < 0.10 ? .strategic : t < 0.30 ? .key : t < 0.70 ? .regular : .walkIn
            if let w = try? TimeWindowPhrase.parse(stop.windowPhrase ?? "", day: TimeWindow(start: 420, end: 1260)).windows.first {
                stop.promise = TimeWindow(start: w.start, end: min(w.end, w.start + 120))
            }
            return stop
        }
        if special < 0.03 {
            // Cold chain: fresh produce, before 10:00, cooler box.
            stop.requiredSkills = ["cold"]
            stop.windowPhrase = rng.chance(0.5) ? "before 10:00" : "上午10点前"
            stop.note = "生鲜 fresh produce"
            stop.handover = .door
        } else if special < 0.10 {
            stop.windowPhrase = ["before 10:00", "上午10点前", "10点之前", "before 9:30"][rng.below(4)]
            stop.note = rng.chance(0.5) ? "fresh produce" : "documents"
        } else if special < 0.20, building.kind != .office {
            stop.windowPhrase = ["after 18:30", "18:30以后", "18:30后", "after 19:00"][rng.below(4)]
        } else if special < 0.22 {
            stop.windowPhrase = "10:00-12:00, 14:00-16:00"
        } else if special < 0.30 {
            stop.windowPhrase = building.kind == .office ? ["09:00-18:00", "上午", "下午"][rng.below(3)] : ["下午", "上午", "afternoon"][rng.below(3)]
        } else if special < 0.32 {
            stop.windowPhrase = "全天"
        }
        // Handover and contact.
        let h = rng.unit()
        if rng.chance(0.015) {
            stop.handover = .faceToFace
            stop.note = rng.chance(0.5) ? "valuable: sign in person" : "fragile 易碎"
        } else if building.kind == .residential {
            stop.handover = h < 0.35 ? .locker : h < 0.75 ? .door : h < 0.87 ? .guardRoom : .noLocker
        } else {
            stop.handover = h < 0.2 ? .guardRoom : .door
        }
        if rng.chance(0.07) {
            stop.contact = .call
            stop.note = stop.note ?? "elderly: call before arriving"
        } else if rng.chance(0.03) {
            stop.contact = .call
            stop.note = stop.note ?? "call first"
        }
        stop.serviceMinutes = (stop.handover == .locker || stop.handover == .guardRoom ? 1 : stop.handover == .faceToFace ? 4 : 2)
            + (rain ? 0.5 : 0)
        if let phrase = stop.windowPhrase, phrase != "全天", rng.chance(0.4),
           let w = try? TimeWindowPhrase.parse(phrase, day: TimeWindow(start: 420, end: 1260)).windows.first {
            let start = w.start + 30 * rng.below(max(1, (w.minutes - 60) / 30 + 1))
            stop.promise = TimeWindow(start: start, end: min(w.end, start + 60))
        }
        return stop
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    static func rounded(_ p: GeoPoint) -> GeoPoint {
        GeoPoint(lat: (p.lat * 1e6).rounded() / 1e6, lon: (p.lon * 1e6).rounded() / 1e6)
    }

    /// Compass bearing in [0, 2π) from `a` to `b` (planar approximation, fine within 3 km).
    static func bearing(from a: GeoPoint, to b: GeoPoint) -> Double {
        let dy = b.lat - a.lat
        let dx = (b.lon - a.lon) * cosine(a.lat * Double.pi / 180)
        var angle = atan2(dx, dy)
        if angle < 0 { angle += 2 * Double.pi }
        return angle
    }
}
