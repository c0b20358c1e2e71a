import DispatchModel

/// Why a stop is not in any route.
public enum UnassignedReason: Sendable, Hashable, CustomStringConvertible {
    /// Outside the outlet's zone: reported, never routed.
    case outsideZone(km: Double, radiusKm: Double)
    /// No courier has the skills it needs.
    case noCourierWithSkills([String])
    /// Heavier or bulkier than any courier that could take it.
    case tooLarge
    /// No courier can reach it inside a window and be back in time.
    case unreachableInWindow
    /// Its shipment's other half cannot be served.
    case partnerUnassigned(String)
    /// Everything fits except this: lower-tier stops wait when the day is full.
    case noCapacityLeft
    /// The parcel reaches the outlet after its window closes (or too late to reach it).
    case arrivesTooLate

    public var description: String {
        switch self {
        case let .outsideZone(km, radius):
            return "outside the zone: \(Self.one(km)) km from the outlet (zone \(Self.one(radius)) km)"
        case .noCourierWithSkills(let skills): return "no courier has the skills " + skills.joined(separator: ", ")
        case .tooLarge: return "heavier or bulkier than any suitable courier can carry"
        case .unreachableInWindow: return "no courier can reach it within its window and be back by the end of the shift"
        case .partnerUnassigned(let id): return "the other half of its shipment (\(id)) cannot be served"
        case .noCapacityLeft: return "no room left: couriers' time or capacity is used by higher-priority stops"
        case .arrivesTooLate: return "the parcel reaches the outlet too late to be delivered within its window"
        }
    }

    static func one(_ x: Double) -> String {
        let t = Int((x * 10).rounded())
        return "\(t / 10).\(t % 10)"
    }
}

/// Turns a ``Scenario`` into a ``RoutingProblem`` and the stops that cannot be routed at all.
public struct ProblemBuilder: Sendable {
    /// The problem over the routable stops.
    public let problem: RoutingProblem
    /// Scenario stop index of each problem stop.
    public let stopIndex: [Int]
    /// Stops left out before solving, with the reason (scenario stop indices).
    public let excluded: [(stop: Int, reason: UnassignedReason)]

    /// Builds the problem; `neighbours` is the size of each stop's granular neighbourhood.
    /// `preferredCourier` (stop id → courier id) names a stop's own courier where it should
    /// override the territory and customer lists (a replan keeps each stop with its courier).
    public init(scenario: Scenario, objective: Objective, neighbours: Int = 40, preferredCourier: [String: String] = [:]) {
        let stops = scenario.stops
        var skillBits: [String: UInt64] = [:]
        for skill in (scenario.couriers.flatMap(\.skills) + stops.flatMap(\.requiredSkills)) where skillBits[skill] == nil {
            skillBits[skill] = skillBits.count < 64 ? UInt64(1) << UInt64(skillBits.count) : 0
        }
        func mask(_ skills: [String]) -> UInt64 { skills.reduce(0) { $0 | (skillBits[$1] ?? 0) } }

        var excluded: [(Int, UnassignedReason)] = []
        var capacitiesBySkills: [[String]: [(kg: Double, litres: Double)]] = [:]
        func capacities(for skills: [String]) -> [(kg: Double, litres: Double)] {
            if let known = capacitiesBySkills[skills] { return known }
            let found = scenario.couriers.filter { $0.canServe(skills: skills) }.map { ($0.capacityKg, $0.capacityLitres ?? .infinity) }
            capacitiesBySkills[skills] = found
            return found
        }
        var keep: [Int] = []
        for (i, stop) in stops.enumerated() {
            if !scenario.isInZone(stop) {
                excluded.append((i, .outsideZone(km: scenario.outlet.location.kilometres(to: stop.location),
                                                 radiusKm: scenario.outlet.zoneRadiusKm ?? 0)))
                continue
            }
            if stop.windows.isEmpty || stop.windows.contains(where: { $0.start > $0.end }) {
                excluded.append((i, .unreachableInWindow)); continue
            }
            // The couriers' capacities by the skills a stop needs, found once per set of skills
            // (a day of a thousand couriers filtered them for each of its stops).
            let capable = capacities(for: stop.requiredSkills)
            if capable.isEmpty { excluded.append((i, .noCourierWithSkills(stop.requiredSkills))); continue }
            let load = stop.kind == .shipmentDelivery ? 0 : stop.weightKg
            let volume = stop.kind == .shipmentDelivery ? 0 : stop.volumeLitres
            if !capable.contains(where: { load <= $0.kg && volume <= $0.litres }) {
                excluded.append((i, .tooLarge)); continue
            }
            keep.append(i)
        }
        // The other half of each shipment half, found once.
        var halves: [String: (pickup: Int?, delivery: Int?)] = [:]
        for (i, stop) in stops.enumerated() {
            guard let id = stop.shipment else { continue }
            if stop.kind == .shipmentPickup, halves[id]?.pickup == nil { halves[id, default: (nil, nil)].pickup = i }
            if stop.kind == .shipmentDelivery, halves[id]?.delivery == nil { halves[id, default: (nil, nil)].delivery = i }
        }
        func partnerOf(_ i: Int) -> Int? {
            guard let id = stops[i].shipment, let pair = halves[id] else { return nil }
            switch stops[i].kind {
            case .shipmentPickup: return pair.delivery
            case .shipmentDelivery: return pair.pickup
            case .delivery, .pickup: return nil
            }
        }
        // A shipment half whose partner is missing or excluded cannot be routed either (the
        // relation is symmetric, so one pass settles it).
        let routable = Set(keep)
        var kept = routable
        for i in keep where stops[i].kind == .shipmentPickup || stops[i].kind == .shipmentDelivery {
            let partner = partnerOf(i)
            if let partner, routable.contains(partner) { continue }
            kept.remove(i)
            excluded.append((i, .partnerUnassigned(partner.map { stops[$0].id } ?? stops[i].shipment ?? "?")))
        }
        keep = keep.filter { kept.contains($0) }
        // Large days number their stops along a space-filling curve: the matrix rows an insertion
        // scan reads then hold a stop's neighbours close together (see ``HilbertOrder``).
        if keep.count > RoutingProblem.granularThreshold { keep = HilbertOrder.sorted(keep) { stops[$0].location } }

        // Places: stops, then each distinct courier start/end point.
        var places: [Location] = keep.map { stops[$0].location }
        var placeIDs: [String] = keep.map { stops[$0].id }
        var depotNode: [Location: Int] = [:]
        func node(for point: Location, id: String) -> Int {
            if let n = depotNode[point] { return n }
            places.append(point)
            placeIDs.append(id)
            depotNode[point] = places.count - 1
            return places.count - 1
        }
        // The outlet is always a place (the matrix model keys it by the outlet's id); reloads happen there.
        let outletNode = node(for: scenario.outlet.location, id: scenario.outlet.id)
        var vehicleNodes: [(Int, Int)] = []
        for courier in scenario.couriers {
            let s = node(for: courier.start ?? scenario.outlet.location, id: scenario.outlet.id)
            let e = node(for: courier.end ?? scenario.outlet.location, id: scenario.outlet.id)
            vehicleNodes.append((s, e))
        }
        let n = places.count
        // One single-precision matrix; minutes follow from distance except for a measured matrix.
        var distance = [Float](repeating: 0, count: n * n)
        var time: [Float] = []
        var minutesPerDistance = 1.0
        // Distances from coordinates read the same both ways; a matrix file is checked.
        var isSymmetric = true
        let referenceSpeed = 15.0
        switch scenario.travel {
        case let .haversine(detour, _):
            minutesPerDistance = 60 / referenceSpeed
            // Great-circle distance is symmetric: compute each pair once, each latitude's cosine
            // once (the same kilometres as `Location.kilometres(to:)`, bit for bit).
            let points = places.map { place -> GeoPoint? in if case .geographic(let p) = place { return p } else { return nil } }
            let cosLats = points.map { $0?.cosLat ?? 0 }
            for a in 0..<n {
                for b in (a + 1)..<max(n, a + 1) {
                    let raw: Double
                    if let pa = points[a], let pb = points[b] {
                        raw = GeoPoint.kilometres(from: pa, cosLat: cosLats[a], to: pb, cosLat: cosLats[b])
                    } else {
                        raw = places[a].kilometres(to: places[b])
                    }
                    let km = Float(raw * detour)
                    distance[a * n + b] = km
                    distance[b * n + a] = km
                }
            }
        case .euclidean(let unitsPerMinute):
            minutesPerDistance = 1 / unitsPerMinute
            for a in 0..<n {
                for b in (a + 1)..<max(n, a + 1) {
                    let d = Float(places[a].planarDistance(to: places[b]))
                    distance[a * n + b] = d
                    distance[b * n + a] = d
                }
            }
        case .matrix(let matrix):
            time = [Float](repeating: 0, count: n * n)
            let index = Dictionary(matrix.ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
            let m = matrix.ids.count
            for a in 0..<n {
                for b in 0..<n where a != b {
                    guard let ia = index[placeIDs[a]], let ib = index[placeIDs[b]] else { continue }
                    distance[a * n + b] = Float(matrix.kilometres[ia * m + ib])
                    time[a * n + b] = Float(matrix.minutes[ia * m + ib])
                }
            }
            isSymmetric = Self.isSymmetric(distance, n) && Self.isSymmetric(time, n)
        }
        var vehicles: [RoutingProblem.Vehicle] = []
        for (v, courier) in scenario.couriers.enumerated() {
            let scale: Double
            switch scenario.travel {
            case let .haversine(_, speedFactor): scale = referenceSpeed / (courier.speedKmh * speedFactor)
            case .euclidean, .matrix: scale = 1
            }
            vehicles.append(RoutingProblem.Vehicle(
                courier: v, capacityKg: courier.capacityKg, capacityLitres: courier.capacityLitres ?? .infinity,
                shiftStart: Double(courier.shift.start), shiftEnd: Double(courier.shift.end),
                startNode: vehicleNodes[v].0, endNode: vehicleNodes[v].1, timeScale: scale, skills: mask(courier.skills)))
        }
        // A stop belongs to a courier when its building is in exactly one courier's territory, or
        // its customer is on exactly one courier's list (the customer wins).
        var territoryOwners: [String: [Int]] = [:], customerOwners: [String: [Int]] = [:]
        for (v, courier) in scenario.couriers.enumerated() {
            for building in Set(courier.territory) { territoryOwners[building, default: []].append(v) }
            for customer in Set(courier.customers) { customerOwners[customer, default: []].append(v) }
        }
        let courierIndex = Dictionary(scenario.couriers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        func owner(_ stop: Stop) -> Int {
            if let id = preferredCourier[stop.id], let v = courierIndex[id] { return v }
            if let customer = stop.customer, let owners = customerOwners[customer], owners.count == 1 { return owners[0] }
            if let building = stop.building, let owners = territoryOwners[building], owners.count == 1 { return owners[0] }
            return -1
        }
        let firstShiftStart = Self.marginStart(scenario.couriers)
        // Rides vary more on a wet day: twice the margin (docs/benchmarks.md, "Promises with a margin").
        let margin = min(objective.promiseMargin * (scenario.isWet ? 2 : 1), Scenario.largestPromiseMargin)
        var data = RoutingProblem.StopData()
        // Problem index of each kept scenario stop.
        var position: [Int: Int] = [:]
        for (k, i) in keep.enumerated() { position[i] = k }
        for i in keep {
            let stop = stops[i]
            for w in stop.serviceWindows { data.windowStart.append(Double(w.start)); data.windowEnd.append(Double(w.end)) }
            data.windowOffset.append(data.windowStart.count)
            data.service.append(stop.serviceMinutes)
            data.requiredSkills.append(mask(stop.requiredSkills))
            data.promiseEnd.append(stop.promise.map { Self.pricedEnd(of: $0, firstShiftStart: firstShiftStart, margin: margin) } ?? .infinity)
            data.priority.append(stop.tier.priorityWeight)
            data.preferredVehicle.append(owner(stop))
            data.release.append(stop.kind == .delivery ? stop.availableFrom.map(Double.init) ?? -.infinity : -.infinity)
            switch stop.kind {
            case .delivery:
                data.deliveryKg.append(stop.weightKg); data.deliveryLitres.append(stop.volumeLitres)
                data.pickupKg.append(0); data.pickupLitres.append(0)
            case .pickup, .shipmentPickup:
                data.deliveryKg.append(0); data.deliveryLitres.append(0)
                data.pickupKg.append(stop.weightKg); data.pickupLitres.append(stop.volumeLitres)
            case .shipmentDelivery:
                data.deliveryKg.append(0); data.deliveryLitres.append(0)
                // Unloads what its pickup loaded.
                let p = partnerOf(i).map { stops[$0] }
                data.pickupKg.append(-(p?.weightKg ?? 0)); data.pickupLitres.append(-(p?.volumeLitres ?? 0))
            }
            if stop.kind == .shipmentPickup || stop.kind == .shipmentDelivery {
                data.partner.append(partnerOf(i).flatMap { position[$0] } ?? -1)
            } else {
                data.partner.append(-1)
            }
            data.isShipmentPickup.append(stop.kind == .shipmentPickup)
        }
        self.problem = RoutingProblem(
            stopCount: keep.count, nodeCount: n, outletNode: outletNode, reloadMinutes: scenario.outlet.reloadMinutes,
            distance: distance, time: time, minutesPerDistance: minutesPerDistance, isSymmetric: isSymmetric,
            stops: data, vehicles: vehicles, objective: objective, neighbourCount: neighbours)
        self.stopIndex = keep
        self.excluded = excluded
    }

    /// The end the search prices a promised slot against: `margin` (``Objective/promiseMargin``)
    /// of the minutes from the first shift start to the slot's end earlier, never by more than
    /// half the slot (a margin that is not a positive number holds nothing in hand).
    static func pricedEnd(of promise: TimeWindow, firstShiftStart: Double, margin: Double) -> Double {
        let end = Double(promise.end)
        guard margin > 0, margin.isFinite, firstShiftStart.isFinite else { return end }
        let held = min(margin * max(end - firstShiftStart, 0), 0.5 * Double(max(promise.minutes, 0)))
        return end - max(held, 0)
    }

    /// When the day being planned starts for the promise margin: the earliest shift start of a
    /// courier with time left in its shift. In a replan the couriers' shifts start when they are
    /// free again, so the margin covers the delays still to come from now on; a courier whose
    /// shift is over does not count.
    static func marginStart(_ couriers: [Courier]) -> Double {
        let working = couriers.filter { $0.shift.end > $0.shift.start }
        return (working.isEmpty ? couriers : working).map { Double($0.shift.start) }.min() ?? 0
    }

    /// Whether a row-major n × n matrix equals its transpose.

    static func isSymmetric(_ matrix: [Float], _ n: Int) -> Bool {
        guard matrix.count == n * n else { return false }
        for i in 0..<n {
            for j in (i + 1)..<n where matrix[i * n + j] != matrix[j * n + i] { return false }
        }
        return true
    }
}
