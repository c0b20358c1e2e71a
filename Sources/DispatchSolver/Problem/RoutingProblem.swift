import DispatchModel

/// The solver's view of a scenario: dense integer indices and flat arrays, no strings, no
/// dictionaries; a class, so workers and closures share it without copying its arrays. Nodes `0..<stopCount` are stops; the rest are courier start/end places.
public final class RoutingProblem: Sendable {
    /// Number of routable stops (node indices `0..<stopCount`).
    public let stopCount: Int
    /// Number of nodes (stops, then the outlet and other depot places).
    public let nodeCount: Int
    /// The outlet's node: couriers reload here between trips.
    public let outletNode: Int
    /// Minutes a reload takes at the outlet, or `nil` when couriers make one trip.
    public let reloadMinutes: Double?
    /// Row-major travel distance between nodes, single precision: a 5,000-stop day needs 100 MB
    /// instead of 200 (sums are kept in Double).
    let distance: [Float]
    /// Row-major travel minutes at the reference speed when measured separately (a matrix file);
    /// empty when minutes are ``minutesPerDistance`` × distance. A courier's own time is this
    /// × ``Vehicle/timeScale``.
    let time: [Float]
    /// Minutes per unit of distance at the reference speed, when `time` is empty.
    let minutesPerDistance: Double
    /// Whether the distance (and time) matrix reads the same both ways (great-circle and planar
    /// distances do; a matrix file may not). Then a leg into the stop being placed is read from
    /// that stop's row, which stays in the cache while every position is tried: read down a
    /// column, each leg was a cache miss (a 2,000-stop day's matrix is 16 MB; one load was 80 % of
    /// the insertion scan's time on the outlet day).
    let isSymmetric: Bool
    /// Service minutes per stop.
    public let service: [Double]
    /// Time windows per stop: `windowStart[windowOffset[i]..<windowOffset[i+1]]` (sorted, disjoint).
    public let windowOffset: [Int]
    /// Window starts (minutes since midnight).
    public let windowStart: [Double]
    /// Window ends.
    public let windowEnd: [Double]
    /// Weight loaded at the outlet and dropped here (deliveries, shipment deliveries count in `pickupKg` of their pickup).
    public let deliveryKg: [Double]
    /// Volume loaded at the outlet and dropped here.
    public let deliveryLitres: [Double]
    /// Weight picked up here (pickups and shipment pickups); shipment deliveries carry the negative.
    public let pickupKg: [Double]
    /// Volume picked up here.
    public let pickupLitres: [Double]
    /// For a shipment half, the other half's index; otherwise -1.
    public let partner: [Int]
    /// Whether the stop is a shipment pickup (its partner must come later on the same trip).
    public let isShipmentPickup: [Bool]
    /// End of the promised slot as the search prices it (the slot's end less the objective's
    /// ``Objective/promiseMargin``), or +∞. Plans report lateness against the slot itself.
    public let promiseEnd: [Double]
    /// When a delivery's parcel reaches the outlet (its trip leaves after this); −∞ for others.
    public let release: [Double]
    /// The vehicle whose courier this stop belongs to (territory or own customer), or −1.
    public let preferredVehicle: [Int]
    /// Weight of leaving the stop unassigned (tier).
    public let priority: [Double]
    /// Whether stops differ in priority (customer tiers); not on a literature instance.
    let hasPriorities: Bool
    /// Bit mask of required skills.
    public let requiredSkills: [UInt64]
    /// The couriers.
    public let vehicles: [Vehicle]
    /// What the planner minimises.
    public let objective: Objective
    /// For each stop, other stops sorted by distance (the granular neighbourhood).
    public let neighbours: [[Int32]]
    /// Interchangeable couriers share a class: same capacity, shift, places, speed, skills and
    /// (when stops prefer couriers) the same courier.
    public let vehicleClass: [Int]
    /// Number of distinct vehicle classes.
    public let vehicleClassCount: Int
    /// Number of vehicles in each class.
    public var vehicleClassSizes: [Int] {
        var sizes = [Int](repeating: 0, count: vehicleClassCount)
        for c in vehicleClass { sizes[c] += 1 }
        return sizes
    }
    /// Whether couriers may return to the outlet to reload.
    public var allowsReloads: Bool { reloadMinutes != nil }
    /// Whether some parcel reaches the outlet after the day starts (`availableFrom`).
    public let hasReleases: Bool
    /// Whether some stop is half of a shipment (pickup and delivery on one trip).
    public let hasShipments: Bool
    /// Whether routes must keep their per-trip caches (loads picked up, departures, releases,
    /// slack): not on a single-trip day without releases, such as every literature instance.
    var tracksTrips: Bool { allowsReloads || hasReleases }
    /// Whether a route's update after an edit walks the trips it touched (trips, promises or
    /// shipments: an outlet day) rather than only the times (a literature instance).
    var updatesByTrips: Bool { tracksTrips || hasPromises || hasShipments }
    /// Whether a route's cost is only its distance, its courier and its off-territory stops (no
    /// per-minute, fair-day or weighed lateness term) and its day one trip: then the route's
    /// cached departures, latest arrivals and load maxima settle a move's feasibility and cost
    /// in O(1) — every literature instance under the hierarchical or distance objective.
    let hasScheduleFreeCost: Bool
    /// Whether every stop is a delivery loaded at the outlet (no pickups, no shipments): the
    /// load on board then only falls along a trip.
    let carriesDeliveriesOnly: Bool
    /// Whether the load on board can only fall along a route: deliveries only, none of them
    /// negative, and no reloads (one trip a day, as on every Solomon and Gehring–Homberger day).
    /// A route's prefix maxima of the load are then its load at the start, its suffix maxima
    /// the load itself.
    let loadOnlyFalls: Bool
    /// Whether some stop has a promised slot (none in a literature instance): routes keep their
    /// per-position promise caches only then.
    let hasPromises: Bool

    /// Tolerance (minutes) for windows and shift ends: single-precision matrices round legs by
    /// about 10⁻⁶ minutes; the checker allows 10⁻³.
    static let timeTolerance = 1e-4
    /// A promise counts as broken when service starts more than a second past its slot (the
    /// plan file's rule).
    static let promiseTolerance = 1.0 / 60

    /// What missing stop `s`'s promise costs when its service starts at `start`: the minutes late
    /// and, once more than a second late, the broken promise itself.
    @inline(__always)
    func promiseCost(_ s: Int, start: Double) -> Double {
        let late = start - promiseEnd[s]
        guard late > 0 else { return 0 }
        return objective.latenessPerMinute * late + (late > Self.promiseTolerance ? objective.perBrokenPromise : 0)
    }

    /// Whether the objective prices promises at all.
    var pricesPromises: Bool { objective.latenessPerMinute > 0 || objective.perBrokenPromise > 0 }

    /// A courier as the solver sees it.
    public struct Vehicle: Sendable {
        /// Index of the courier in the scenario.
        public let courier: Int
        /// Capacity in kg.
        public let capacityKg: Double
        /// Capacity in litres (+∞ when it does not bind).
        public let capacityLitres: Double
        /// Earliest departure.
        public let shiftStart: Double
        /// Latest return.
        public let shiftEnd: Double
        /// Start node.
        public let startNode: Int
        /// End node.
        public let endNode: Int
        /// Multiplier on the reference travel minutes for this courier's speed.
        public let timeScale: Double
        /// Bit mask of the courier's skills.
        public let skills: UInt64
    }

    /// Per-stop data, in problem order (internal; use ``ProblemBuilder``).
    struct StopData {
        var service: [Double] = [], windowOffset: [Int] = [0], windowStart: [Double] = [], windowEnd: [Double] = []
        var deliveryKg: [Double] = [], deliveryLitres: [Double] = [], pickupKg: [Double] = [], pickupLitres: [Double] = []
        var partner: [Int] = [], isShipmentPickup: [Bool] = [], promiseEnd: [Double] = [], release: [Double] = []
        var preferredVehicle: [Int] = [], priority: [Double] = [], requiredSkills: [UInt64] = []
    }

    /// Memberwise initialiser (internal; use ``ProblemBuilder``).
    init(stopCount: Int, nodeCount: Int, outletNode: Int, reloadMinutes: Double?, distance: [Float], time: [Float],
         minutesPerDistance: Double, isSymmetric: Bool, stops: StopData, vehicles: [Vehicle], objective: Objective, neighbourCount: Int) {
        self.stopCount = stopCount
        self.nodeCount = nodeCount
        self.outletNode = outletNode
        self.reloadMinutes = reloadMinutes
        self.distance = distance
        self.time = time
        self.minutesPerDistance = minutesPerDistance
        self.isSymmetric = isSymmetric
        self.service = stops.service
        self.windowOffset = stops.windowOffset
        self.windowStart = stops.windowStart
        self.windowEnd = stops.windowEnd
        self.deliveryKg = stops.deliveryKg
        self.deliveryLitres = stops.deliveryLitres
        self.pickupKg = stops.pickupKg
        self.pickupLitres = stops.pickupLitres
        self.partner = stops.partner
        self.isShipmentPickup = stops.isShipmentPickup
        self.promiseEnd = stops.promiseEnd
        self.release = stops.release
        let hasReleases = stops.release.contains { $0.isFinite }
        let hasShipments = stops.partner.contains { $0 >= 0 }
        self.hasReleases = hasReleases
        self.hasShipments = hasShipments
        self.hasScheduleFreeCost = objective.perMinute == 0 && objective.perSquaredWorkingMinute == 0
            && (objective.latenessPerMinute == 0 || !stops.promiseEnd.contains { $0.isFinite })
            && reloadMinutes == nil && !hasReleases
        self.hasPromises = stops.promiseEnd.contains { $0.isFinite }
        self.carriesDeliveriesOnly = !stops.pickupKg.contains { $0 != 0 } && !stops.pickupLitres.contains { $0 != 0 }
            && !hasShipments
        self.loadOnlyFalls = carriesDeliveriesOnly && reloadMinutes == nil
            && !stops.deliveryKg.contains { $0 < 0 } && !stops.deliveryLitres.contains { $0 < 0 }
        self.preferredVehicle = stops.preferredVehicle
        self.priority = stops.priority
        self.hasPriorities = stops.priority.contains { $0 != stops.priority.first }
        self.requiredSkills = stops.requiredSkills
        self.vehicles = vehicles
        self.objective = objective
        var lists: [[Int32]] = []
        lists.reserveCapacity(stopCount)
        let k = min(neighbourCount, max(stopCount - 1, 0))
        // The k nearest by a bounded insertion (O(n·k) per stop, no full sort); ties by index.
        var bestDistance = [Float](repeating: 0, count: k)
        var bestIndex = [Int](repeating: 0, count: k)
        for i in 0..<stopCount {
            var count = 0
            let row = i * nodeCount
            for j in 0..<stopCount where j != i {
                let d = distance[row + j]
                if count == k, d >= bestDistance[k - 1] { continue }
                var slot = count == k ? k - 1 : count
                while slot > 0, bestDistance[slot - 1] > d {
                    bestDistance[slot] = bestDistance[slot - 1]
                    bestIndex[slot] = bestIndex[slot - 1]
                    slot -= 1
                }
                bestDistance[slot] = d
                bestIndex[slot] = j
                if count < k { count += 1 }
            }
            lists.append(bestIndex.prefix(count).map { Int32($0) })
        }
        self.neighbours = lists
        var preferred = Set<Int>()
        for v in stops.preferredVehicle where v >= 0 { preferred.insert(v) }
        var classes: [Int] = []
        var signatures: [[Double]] = []
        for (index, v) in vehicles.enumerated() {
            let signature = [v.capacityKg, v.capacityLitres, v.shiftStart, v.shiftEnd, Double(v.startNode), Double(v.endNode),
                             v.timeScale, Double(v.skills), preferred.contains(index) ? Double(index) : -1]
            if let c = signatures.firstIndex(of: signature) {
                classes.append(c)
            } else {
                signatures.append(signature)
                classes.append(signatures.count - 1)
            }
        }
        self.vehicleClass = classes
        self.vehicleClassCount = signatures.count
    }

    /// Whether node `n` is a reload at the outlet inside a route (not a stop).
    @inline(__always)
    public func isReload(_ n: Int) -> Bool { n >= stopCount }

    /// Whether vehicle `v` may serve stop `i` (skills).
    @inline(__always)
    public func canServe(_ v: Int, _ i: Int) -> Bool {
        requiredSkills[i] & ~vehicles[v].skills == 0
    }

    /// Distance from node a to node b.
    @inline(__always)
    public func dist(_ a: Int, _ b: Int) -> Double { Double(distance[a * nodeCount + b]) }

    /// Travel minutes from node a to node b for vehicle v.
    @inline(__always)
    public func travel(_ a: Int, _ b: Int, _ v: Int) -> Double {
        let i = a * nodeCount + b
        return (time.isEmpty ? Double(distance[i]) * minutesPerDistance : Double(time[i])) * vehicles[v].timeScale
    }

    /// The matrix index of the leg from `a` into `u`, in `u`'s row when the matrix is symmetric.
    @inline(__always)
    private func index(from a: Int, into u: Int) -> Int { isSymmetric ? u * nodeCount + a : a * nodeCount + u }

    /// Distance from node `a` to node `u`, read where a scan over many `a` for one `u` keeps
    /// hitting the cache (``isSymmetric``).
    @inline(__always)
    func dist(from a: Int, into u: Int) -> Double { Double(distance[index(from: a, into: u)]) }

    /// Travel minutes from node `a` to node `u` for vehicle `v`, read like ``dist(from:into:)``.
    @inline(__always)
    func travel(from a: Int, into u: Int, _ v: Int) -> Double {
        let i = index(from: a, into: u)
        return (time.isEmpty ? Double(distance[i]) * minutesPerDistance : Double(time[i])) * vehicles[v].timeScale
    }


    /// When stop `i`'s last window closes: its deadline.
    @inline(__always)
    func deadline(_ i: Int) -> Double { windowEnd[windowOffset[i + 1] - 1] }

    /// The window (an index into ``windowStart`` and ``windowEnd``) that an arrival at stop `i`
    /// at `arrival` is served in: the first that has not closed, or `nil` when all have.
    @inline(__always)
    func servingWindow(_ i: Int, arrival: Double) -> Int? {
        var k = windowOffset[i]
        let end = windowOffset[i + 1]
        while k < end {
            if arrival <= windowEnd[k] + Self.timeTolerance { return k }
            k += 1
        }
        return nil
    }

    /// The start of service at stop `i` when arriving at `arrival`: the earliest window moment
    /// at or after `arrival`, or `nil` when every window has closed.
    @inline(__always)
    public func serviceStart(_ i: Int, arrival: Double) -> Double? {
        servingWindow(i, arrival: arrival).map { larger(arrival, windowStart[$0]) }
    }

    /// The end of the window that an arrival at stop `i` at `arrival` is served in (−∞ when
    /// every window has closed): a later arrival up to it keeps that window.
    @inline(__always)
    func windowEnd(of i: Int, arrival: Double) -> Double {
        servingWindow(i, arrival: arrival).map { windowEnd[$0] } ?? -.infinity
    }

    /// The latest arrival at stop `i` from which service can start by `latestStart` at the latest
    /// (−∞ when none): the window logic of the backward pass.
    @inline(__always)
    public func latestArrival(_ i: Int, startBy latestStart: Double) -> Double {
        var best = -Double.infinity
        var k = windowOffset[i]
        let end = windowOffset[i + 1]
        while k < end {
            if windowStart[k] <= latestStart + Self.timeTolerance { best = larger(best, min(windowEnd[k], latestStart)) }
            k += 1
        }
        return best
    }
}
