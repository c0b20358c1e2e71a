/// One courier's day as one sequence: stops, with reloads at the outlet (the outlet's node)
/// between trips — `a b c R d e R f` is three trips (PyVRP's reload depots; Cattaruzza, Absi &
/// Feillet 2016). Every operator works on the whole sequence.
///
/// `update` is the one schedule computation: it fills the cache that makes an insertion check
/// O(1) — arrival, service start and departure per position, latest arrival per position, and per
/// arc (arc k enters position k; arc `count` reaches the end place) the load on board, its
/// trip-local prefix and suffix maxima, the pickups collected so far in the trip, the trip's
/// departure, its release (the latest `availableFrom` of its deliveries) and how long its
/// departure could slip. After an edit of a feasible route an update walks only the edited
/// stretch and as far as its effect on the times reaches: on a literature instance (no trips,
/// promises or shipments) in `resumeUpdate`, on an outlet day the trips the edit touched as well
/// (``resumeTripUpdate(_:after:)``).
struct Route: Sendable {
    var vehicle: Int
    var stops: [Int] = []
    /// Arrival, service start and departure at each position (a reload's departure waits for the
    /// next trip's parcels).
    var arrival: [Double] = []
    var start: [Double] = []
    var departure: [Double] = []
    /// Latest arrival at each position that keeps the rest of the route feasible.
    var latestArrival: [Double] = []
    /// Per arc: load on board, trip-local running maxima, pickups collected so far in the trip.
    var loadKg: [Double] = [0], loadLitres: [Double] = [0]
    var prefixMaxKg: [Double] = [0], suffixMaxKg: [Double] = [0]
    var prefixMaxLitres: [Double] = [0], suffixMaxLitres: [Double] = [0]
    var pickedKg: [Double] = [0], pickedLitres: [Double] = [0]
    /// Per arc: the departure of its trip, its trip's release, and how many minutes that
    /// departure may slip without breaking the rest of the route.
    var tripDeparture: [Double] = [0], tripRelease: [Double] = [0], tripSlack: [Double] = [0]
    /// Number of promised stops at positions ≥ k (k = count: 0), to skip lateness propagation.
    var promisesFrom: [Int] = [0]
    /// Per position (k = count: +∞): how many minutes later position k may be reached before any
    /// promise at positions ≥ k costs more — the waits on the way absorb the delay, each promise
    /// gives its minutes before its slot ends, and no stop's delayed arrival may fall into a later
    /// window. An insertion that delays position k by no more than this leaves the promises
    /// downstream as they were, without walking them.
    var promiseRoom: [Double] = [.infinity]
    /// Per arc: shipments picked up and not yet delivered (a trip may not be split there).
    var openShipments: [Int] = [0]
    /// Per arc (arc k enters position k; arc `count` reaches the end place): its distance and
    /// this courier's minutes on it. Kept across updates where the sequence did not change (the
    /// stretch before and after an edit), so an update reads the matrix only at the edit: read
    /// along a route, every leg is a cache miss on a large day.
    var arcDistance: [Double] = [], arcMinutes: [Double] = []
    /// The sequence and courier the arc caches were read for, and scratch storage for the arcs read.
    private var arcStops: [Int] = [], arcVehicle = -1
    private var spareArcDistance: [Double] = [], spareArcMinutes: [Double] = []
    /// Whether the last update filled the whole cache (``UpdateScope/full``).
    private var cachedFully = false
    /// How many updates have shifted a trip's loads by an edit's change
    /// (``shiftTripLoads(_:by:first:oldTail:tail:trip:)``) since every trip's loads were last
    /// summed afresh from the parcels (``loadShiftsBetweenSums``).
    var loadShifts = 0
    /// Leaves the start place.
    var firstDeparture = 0.0
    /// Totals.
    var distance = 0.0
    var lateness = 0.0
    /// Promises served more than ``RoutingProblem/promiseTolerance`` past their slot.
    var brokenPromises = 0
    /// Per position, on days with promised slots: minutes served past the slot (0 on time, at a
    /// reload, or where no window can be kept), and whether that breaks the promise. ``lateness``
    /// and ``brokenPromises`` are their totals, so an update after an edit rewrites only the
    /// positions whose times changed.
    var lateMinutes: [Double] = [], breaksPromise: [Bool] = []
    var endTime = 0.0
    /// Working minutes: away on trips plus reloads. A trip leaves just in time for its first
    /// stop (no wait at a door the courier could have spent at the outlet), and time at the
    /// outlet between trips beyond the reload is not work.
    var duration = 0.0
    /// Minutes from the shift start to the last return.
    var dayLength = 0.0
    var offTerritory = 0
    /// Windows, shift end, capacity, and no shipment delivered before its pickup.
    var feasible = true
    /// Every shipment picked up is delivered on the same trip (a prefix of a route may not be).
    var complete = true

    init(vehicle: Int) { self.vehicle = vehicle }

    /// Makes this route a copy of the route at `other` in its own storage: every array is
    /// overwritten in place, so a route kept as an undo copy is refilled without allocating (a
    /// copy by assignment shares `other`'s arrays, and the next edit of either then reallocates
    /// each array it writes). The scratch arrays stay this route's own. A pointer, not a value:
    /// a route passed by value is a copy, every array retained and released.
    mutating func overwrite(with other: UnsafePointer<Route>) {
        vehicle = other.pointee.vehicle
        Self.overwrite(&stops, with: other.pointee.stops)
        Self.overwrite(&arrival, with: other.pointee.arrival)
        Self.overwrite(&start, with: other.pointee.start)
        Self.overwrite(&departure, with: other.pointee.departure)
        Self.overwrite(&latestArrival, with: other.pointee.latestArrival)
        Self.overwrite(&loadKg, with: other.pointee.loadKg)
        Self.overwrite(&loadLitres, with: other.pointee.loadLitres)
        Self.overwrite(&prefixMaxKg, with: other.pointee.prefixMaxKg)
        Self.overwrite(&suffixMaxKg, with: other.pointee.suffixMaxKg)
        Self.overwrite(&prefixMaxLitres, with: other.pointee.prefixMaxLitres)
        Self.overwrite(&suffixMaxLitres, with: other.pointee.suffixMaxLitres)
        Self.overwrite(&pickedKg, with: other.pointee.pickedKg)
        Self.overwrite(&pickedLitres, with: other.pointee.pickedLitres)
        Self.overwrite(&tripDeparture, with: other.pointee.tripDeparture)
        Self.overwrite(&tripRelease, with: other.pointee.tripRelease)
        Self.overwrite(&tripSlack, with: other.pointee.tripSlack)
        Self.overwrite(&promisesFrom, with: other.pointee.promisesFrom)
        Self.overwrite(&promiseRoom, with: other.pointee.promiseRoom)
        Self.overwrite(&openShipments, with: other.pointee.openShipments)
        Self.overwrite(&arcDistance, with: other.pointee.arcDistance)
        Self.overwrite(&arcMinutes, with: other.pointee.arcMinutes)
        Self.overwrite(&arcStops, with: other.pointee.arcStops)
        arcVehicle = other.pointee.arcVehicle
        cachedFully = other.pointee.cachedFully
        loadShifts = other.pointee.loadShifts
        firstDeparture = other.pointee.firstDeparture
        distance = other.pointee.distance
        lateness = other.pointee.lateness
        brokenPromises = other.pointee.brokenPromises
        Self.overwrite(&lateMinutes, with: other.pointee.lateMinutes)
        Self.overwrite(&breaksPromise, with: other.pointee.breaksPromise)
        endTime = other.pointee.endTime
        duration = other.pointee.duration
        dayLength = other.pointee.dayLength
        offTerritory = other.pointee.offTerritory
        feasible = other.pointee.feasible
        complete = other.pointee.complete
    }

    /// `target`'s elements replaced by `source`'s, in `target`'s buffer when it has the room.
    @inline(__always)
    private static func overwrite<T>(_ target: inout [T], with source: [T]) {
        target.removeAll(keepingCapacity: true)
        target.append(contentsOf: source)
    }

    /// Whether the courier stays at the outlet (no stop at all).
    var isEmpty: Bool { stops.isEmpty }

    /// The cost of this route under the problem's objective.
    func cost(_ p: RoutingProblem) -> Double {
        guard !stops.isEmpty else { return 0 }
        let o = p.objective
        return o.perCourier + o.perDistance * distance + promiseCost(p) + o.perMinute * dayLength
            + o.perSquaredWorkingMinute * duration * duration + o.offTerritory * Double(offTerritory)
    }

    /// What the route's missed promises cost: the minutes late and the promises broken.
    func promiseCost(_ p: RoutingProblem) -> Double {
        p.objective.latenessPerMinute * lateness + p.objective.perBrokenPromise * Double(brokenPromises)
    }

    /// The latest a trip can leave `origin` and still start its first stop at `firstStart`:
    /// leaving just in time instead of waiting at the door.
    @inline(__always)
    static func leave(earliest: Double, origin: Int, first: Int, firstStart: Double, vehicle: Int, _ p: RoutingProblem) -> Double {
        max(earliest, firstStart - p.travel(from: origin, into: first, vehicle))
    }

    /// Departure time from position k−1 (k = 0: from the start place) and the node there.
    @inline(__always)
    func departure(before k: Int, _ p: RoutingProblem) -> (node: Int, time: Double) {
        if k == 0 { return (p.vehicles[vehicle].startNode, firstDeparture) }
        return (stops[k - 1], departure[k - 1])
    }

    /// The node at position k (k = count: the end place) and its latest arrival.
    @inline(__always)
    func next(at k: Int, _ p: RoutingProblem) -> (node: Int, latest: Double) {
        if k == stops.count { return (p.vehicles[vehicle].endNode, p.vehicles[vehicle].shiftEnd) }
        return (stops[k], latestArrival[k])
    }

    /// The first place k in `range` whose next node (position k, or the end place) is still
    /// reached in time when the courier is ready to ride on at `ready`, or one past the range.
    /// Latest arrivals grow along a route, so a binary search suffices; a place before it cannot
    /// take a stop that is left no earlier than `ready`.
    @inline(__always)
    func firstPlace(readyBy ready: Double, in range: ClosedRange<Int>, _ p: RoutingProblem) -> Int {
        var lo = range.lowerBound, hi = range.upperBound + 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if next(at: mid, p).latest < ready { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Drops reloads that separate nothing: at the start, at the end, or next to another reload.
    mutating func dropIdleReloads(_ p: RoutingProblem) {
        guard p.allowsReloads else { return }
        // Compacted in place, writing only once a reload has been dropped: a route left as it
        // was keeps its stop list unshared (a rebuilt list copied it on every update).
        var kept = 0
        for k in stops.indices {
            let s = stops[k]
            if p.isReload(s), kept == 0 || p.isReload(stops[kept - 1]) { continue }
            if kept != k { stops[kept] = s }
            kept += 1
        }
        while kept > 0, p.isReload(stops[kept - 1]) { kept -= 1 }
        if kept < stops.count { stops.removeSubrange(kept...) }
    }

    /// Where a sequence changed: the previous one had `oldCount` stops, and the first `prefix`
    /// and last `suffix` positions are the same stops as before (they do not overlap).
    struct Edit {
        let prefix: Int, suffix: Int, oldCount: Int
        /// Stops off the courier's territory in the new stretch, less those in the old one.
        var offTerritoryChange = 0
        /// The new stretch's deliveries and pickups less the old one's, on an outlet day where
        /// neither stretch holds a reload or a shipment's stop; `nil` otherwise.
        var loadChange: LoadChange?
    }

    /// Deliveries and pickups (weight and volume) one stretch of stops adds over another.
    struct LoadChange {
        var deliveredKg = 0.0, deliveredLitres = 0.0, pickedKg = 0.0, pickedLitres = 0.0

        /// What `stretch` delivers and picks up, or `nil` when it holds a reload or a shipment's
        /// stop (those change a trip's shape, not only its load).
        init?(_ stretch: ArraySlice<Int>, _ p: RoutingProblem) {
            for s in stretch {
                if p.isReload(s) || p.partner[s] >= 0 { return nil }
                deliveredKg += p.deliveryKg[s]; deliveredLitres += p.deliveryLitres[s]
                pickedKg += p.pickupKg[s]; pickedLitres += p.pickupLitres[s]
            }
        }

        /// `new`'s deliveries and pickups less `old`'s.
        init?(from old: ArraySlice<Int>, to new: ArraySlice<Int>, _ p: RoutingProblem) {
            guard let before = LoadChange(old, p), let after = LoadChange(new, p) else { return nil }
            deliveredKg = after.deliveredKg - before.deliveredKg
            deliveredLitres = after.deliveredLitres - before.deliveredLitres
            pickedKg = after.pickedKg - before.pickedKg
            pickedLitres = after.pickedLitres - before.pickedLitres
        }
    }

    /// Refreshes ``arcDistance`` and ``arcMinutes`` for the current stops, keeping the entries of
    /// the previous sequence's common prefix and suffix and reading only the arcs between them.
    /// Returns the edit when the previous sequence's caches were for this courier.
    @discardableResult
    private mutating func refreshArcs(_ p: RoutingProblem) -> Edit? {
        let n = stops.count
        let m = arcStops.count
        // Old arc j joins the previous sequence's positions j − 1 and j (or the start, the end);
        // the common prefix keeps its arcs, the common suffix keeps them shifted by n − m.
        let reusable = arcVehicle == vehicle && arcDistance.count == m + 1
        var prefix = 0, suffix = 0
        if reusable {
            let limit = min(n, m)
            while prefix < limit, stops[prefix] == arcStops[prefix] { prefix += 1 }
            while suffix < limit - prefix, stops[n - 1 - suffix] == arcStops[m - 1 - suffix] { suffix += 1 }
            if prefix == n, n == m { return Edit(prefix: n, suffix: 0, oldCount: m) }
        }
        // New arcs prefix…n − suffix: the first joins position prefix − 1 (or the start), the
        // last reaches position n − suffix (or the end).
        let v = p.vehicles[vehicle]
        spareArcDistance.removeAll(keepingCapacity: true)
        spareArcMinutes.removeAll(keepingCapacity: true)
        for k in prefix...(n - suffix) {
            let a = k == 0 ? v.startNode : stops[k - 1], b = k == n ? v.endNode : stops[k]
            spareArcDistance.append(p.dist(a, b))
            spareArcMinutes.append(p.travel(a, b, vehicle))
        }
        if reusable {
            arcDistance.replaceSubrange(prefix...(m - suffix), with: spareArcDistance)
            arcMinutes.replaceSubrange(prefix...(m - suffix), with: spareArcMinutes)
        } else {
            arcDistance.removeAll(keepingCapacity: true)
            arcDistance.append(contentsOf: spareArcDistance)
            arcMinutes.removeAll(keepingCapacity: true)
            arcMinutes.append(contentsOf: spareArcMinutes)
        }
        guard reusable else {
            arcStops.removeAll(keepingCapacity: true)
            arcStops.append(contentsOf: stops)
            arcVehicle = vehicle
            return nil
        }
        var edit = Edit(prefix: prefix, suffix: suffix, oldCount: m)
        edit.offTerritoryChange = offTerritoryCount(stops[prefix..<(n - suffix)], p) - offTerritoryCount(arcStops[prefix..<(m - suffix)], p)
        if p.updatesByTrips, !p.hasReleases {
            edit.loadChange = LoadChange(from: arcStops[prefix..<(m - suffix)], to: stops[prefix..<(n - suffix)], p)
        }
        arcStops.removeAll(keepingCapacity: true)
        arcStops.append(contentsOf: stops)
        return edit
    }

    /// How many of `stretch`'s stops are off this courier's territory.
    private func offTerritoryCount(_ stretch: ArraySlice<Int>, _ p: RoutingProblem) -> Int {
        var count = 0
        for s in stretch where !p.isReload(s) {
            let preferred = p.preferredVehicle[s]
            if preferred >= 0, preferred != vehicle { count += 1 }
        }
        return count
    }

    /// Resizes an array to `count` elements, each `value`, reusing its storage.
    @inline(__always)
    static func reset(_ array: inout [Double], _ count: Int, _ value: Double = 0) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: repeatElement(value, count: count))
    }

    /// Resizes an array to `count` elements, keeping those it had (new ones are `value`): for a
    /// cache the update then overwrites everywhere, or one that holds `value` everywhere.
    @inline(__always)
    static func resize<T>(_ array: inout [T], _ count: Int, _ value: T) {
        if array.count > count {
            array.removeLast(array.count - count)
        } else if array.count < count {
            array.append(contentsOf: repeatElement(value, count: count - array.count))
        }
    }

    /// How much of the cache ``update(_:scope:)`` fills.
    enum UpdateScope {
        /// Everything: what insertion and the moves read.
        case full
        /// Cost and feasibility only (the totals, times and loads): latest arrivals, trip slack,
        /// load maxima and promise counts are left stale. For a scratch route that is priced
        /// and thrown away (``SequenceEvaluator``).
        case costOnly
    }

    /// Recomputes the cache after the stop list changed (idle reloads are dropped first); all of
    /// it unless `scope` is ``UpdateScope/costOnly``. Returns the first position whose stop may
    /// have changed: the stops before it are where they were.
    @discardableResult
    mutating func update(_ p: RoutingProblem, scope: UpdateScope = .full) -> Int {
        dropIdleReloads(p)
        let edit = refreshArcs(p)
        let v = p.vehicles[vehicle]
        let n = stops.count
        let reload = p.reloadMinutes ?? 0
        let full = scope == .full
        // Where the previous cache was whole and feasible, only what the edit can have changed
        // is recomputed; the rest is what it was, shifted.
        if full, cachedFully, feasible, let edit {
            if !p.updatesByTrips {
                resumeUpdate(p, after: edit)
                return edit.prefix
            }
            // Days with trips, promises or shipments: the trips the edit touched, and the times
            // as far as its effect reaches (see ``resumeTripUpdate(_:after:)``).
            if complete, n > 0, edit.oldCount > 0 {
                resumeTripUpdate(p, after: edit)
                return edit.prefix
            }
        }
        cachedFully = full
        loadShifts = 0
        // Caches the passes below overwrite everywhere are only resized.
        Self.resize(&arrival, n, 0); Self.resize(&start, n, 0); Self.resize(&departure, n, 0)
        if full { Self.resize(&latestArrival, n, 0) }
        let keepsLateness = full && p.hasPromises
        if keepsLateness { Self.resize(&lateMinutes, n, 0); Self.resize(&breaksPromise, n, false) }
        Self.resize(&loadKg, n + 1, 0); Self.resize(&loadLitres, n + 1, 0)
        // The per-trip caches only where there are trips or releases (a literature instance has neither).
        let tracksTrips = p.tracksTrips, fillsTripCaches = tracksTrips && full
        if tracksTrips { Self.reset(&tripRelease, n + 1, -.infinity) }
        if fillsTripCaches {
            Self.resize(&pickedKg, n + 1, 0); Self.resize(&pickedLitres, n + 1, 0)
            Self.resize(&tripDeparture, n + 1, 0); Self.resize(&tripSlack, n + 1, 0)
            Self.resize(&openShipments, n + 1, 0)
            pickedKg[0] = 0; pickedLitres[0] = 0; openShipments[0] = 0
        }
        feasible = true
        complete = true
        distance = 0
        lateness = 0
        brokenPromises = 0
        offTerritory = 0

        // Trips: their releases and the loads they leave with (arc k belongs to the trip that
        // contains position k−1's departure; a reload at position j ends one trip at arc j and
        // starts the next at arc j + 1).
        var tripStartArc = 0
        var release = -Double.infinity
        var kg = 0.0, litres = 0.0
        func closeTrip(at lastArc: Int) {
            if tracksTrips { for a in tripStartArc...lastArc { tripRelease[a] = release } }
            loadKg[tripStartArc] = kg
            loadLitres[tripStartArc] = litres
        }
        for (k, s) in stops.enumerated() {
            if p.isReload(s) {
                closeTrip(at: k)
                tripStartArc = k + 1
                release = -.infinity; kg = 0; litres = 0
                continue
            }
            release = larger(release, p.release[s])
            kg += p.deliveryKg[s]; litres += p.deliveryLitres[s]
            let preferred = p.preferredVehicle[s]
            if preferred >= 0, preferred != vehicle { offTerritory += 1 }
        }
        closeTrip(at: n)

        // Forward: times, loads and shipment order.
        var time = max(v.shiftStart, tracksTrips ? tripRelease[0] : -.infinity)
        firstDeparture = time
        var tripDepartureTime = time
        if fillsTripCaches { tripDeparture[0] = time }
        // Shipment pickups on board in the current trip (their deliveries must follow in it).
        var onBoard: [Int] = []
        var running = RunningLoad(kg: loadKg[0], litres: loadLitres[0], pickedKg: 0, pickedLitres: 0)
        for (k, s) in stops.enumerated() {
            distance += arcDistance[k]
            let arrive = time + arcMinutes[k]
            arrival[k] = arrive
            if p.isReload(s) {
                start[k] = arrive
                time = max(arrive + reload, tripRelease[k + 1])
                departure[k] = time
                tripDepartureTime = time
                if keepsLateness { lateMinutes[k] = 0; breaksPromise[k] = false }
            } else {
                let visit = Self.serve(s, arriving: arrive, promises: true, p)
                start[k] = visit.start
                if !visit.served { feasible = false }
                if visit.late > 0 {
                    lateness += visit.late
                    if visit.broken { brokenPromises += 1 }
                }
                if keepsLateness { lateMinutes[k] = visit.late; breaksPromise[k] = visit.broken }
                time = start[k] + p.service[s]
                departure[k] = time
            }
            carryLoad(at: k, s, running: &running, tripCaches: fillsTripCaches, onBoard: &onBoard, p)
            if fillsTripCaches { tripDeparture[k + 1] = tripDepartureTime }
        }
        if !onBoard.isEmpty { complete = false }
        distance += arcDistance[n]
        closeDay(p)

        guard full else {
            // The peak load is the largest on any arc (the trip-local maxima below peak there too).
            var peakKg = 0.0, peakLitres = 0.0
            for a in 0...n { peakKg = larger(peakKg, loadKg[a]); peakLitres = larger(peakLitres, loadLitres[a]) }
            if peakKg > v.capacityKg + 1e-9 || peakLitres > v.capacityLitres + 1e-9 { feasible = false }
            return 0
        }

        // Backward: latest arrivals, and how far each trip's departure may slip.
        var latest = v.shiftEnd
        var k = n - 1
        while k >= 0 {
            let s = stops[k]
            let latestDeparture = latest - arcMinutes[k + 1]
            if p.isReload(s) {
                tripSlack[k + 1] = latestDeparture - departure[k]
                latest = latestDeparture - reload
            } else {
                latest = p.latestArrival(s, startBy: latestDeparture - p.service[s])
            }
            latestArrival[k] = latest
            k -= 1
        }
        if tracksTrips {
            tripSlack[0] = n == 0 ? v.shiftEnd - firstDeparture : latest - arcMinutes[0] - firstDeparture
            // Spread each trip's slack over its arcs (the value at its first arc).
            var slack = tripSlack[0]
            for a in 0...n {
                if a > 0, p.isReload(stops[a - 1]) { slack = tripSlack[a] }
                tripSlack[a] = slack
            }
        }

        fillLoadMaxima(p)
        // Without promised slots these hold 0 and +∞ everywhere: resized, never written.
        Self.resize(&promisesFrom, n + 1, 0)
        guard p.hasPromises else {
            Self.resize(&promiseRoom, n + 1, .infinity)
            return 0
        }
        promisesFrom[n] = 0
        if n > 0 {
            for a in stride(from: n - 1, through: 0, by: -1) {
                promisesFrom[a] = promisesFrom[a + 1] + (!p.isReload(stops[a]) && p.promiseEnd[stops[a]].isFinite ? 1 : 0)
            }
        }
        Self.reset(&promiseRoom, n + 1, .infinity)
        if n > 0, promisesFrom[0] > 0 {
            for a in stride(from: n - 1, through: 0, by: -1) {
                guard promisesFrom[a] > 0 else { continue }
                let s = stops[a]
                if p.isReload(s) {
                    promiseRoom[a] = departure[a] - arrival[a] - reload + promiseRoom[a + 1]
                    continue
                }
                let wait = start[a] - arrival[a]
                var room = min(wait + promiseRoom[a + 1], p.windowEnd(of: s, arrival: arrival[a]) - arrival[a])
                if p.promiseEnd[s].isFinite { room = min(room, wait + larger(p.promiseEnd[s] - start[a], 0)) }
                promiseRoom[a] = larger(room, 0)
            }
        }
        return 0
    }

    /// The day's totals from the times along it: the return (the last departure and the ride to
    /// the end place), infeasible past the shift's end, the minutes from the shift start, and
    /// the working minutes (``duration``: each trip from when it leaves, just in time for its
    /// first stop, to its return, plus the reloads). Every update ends with this; on a day
    /// without reloads (no route holds one) the day is one trip, read without a walk.
    mutating func closeDay(_ p: RoutingProblem) {
        let n = stops.count, v = p.vehicles[vehicle]
        endTime = (n == 0 ? firstDeparture : departure[n - 1]) + arcMinutes[n]
        if endTime > v.shiftEnd + RoutingProblem.timeTolerance { feasible = false }
        dayLength = n == 0 ? 0 : endTime - v.shiftStart
        duration = 0
        guard n > 0 else { return }
        guard let reload = p.reloadMinutes else {
            duration = endTime - max(firstDeparture, start[0] - arcMinutes[0])
            return
        }
        var earliest = firstDeparture, firstPosition = 0
        for k in 0...n where k == n || p.isReload(stops[k]) {
            let back = k == n ? endTime : arrival[k]
            duration += back - max(earliest, start[firstPosition] - arcMinutes[firstPosition])
            if k < n {
                duration += reload
                earliest = departure[k]; firstPosition = k + 1
            }
        }
    }

    /// One stop served on the forward walk, arriving at `arrive`: service starts in the first
    /// window still open (`served`), or, where every window has closed, at the arrival (which
    /// makes the route infeasible); `late` is the minutes past its promised slot, `broken`
    /// whether that breaks the promise (``RoutingProblem/promiseTolerance``). Without
    /// `promises` (a day without promised slots) neither is worked out. The full update and
    /// both resumed ones step through a route with this.
    @inline(__always)
    static func serve(_ s: Int, arriving arrive: Double, promises: Bool, _ p: RoutingProblem)
        -> (start: Double, served: Bool, late: Double, broken: Bool) {
        guard let st = p.serviceStart(s, arrival: arrive) else { return (arrive, false, 0, false) }
        guard promises, st > p.promiseEnd[s] else { return (st, true, 0, false) }
        return (st, true, st - p.promiseEnd[s], st > p.promiseEnd[s] + RoutingProblem.promiseTolerance)
    }

    /// The load on the arc after position k (stop or reload `s`), and with `tripCaches` the
    /// pickups collected in its trip and the shipments on board after it; `onBoard` holds the
    /// trip's shipment pickups not yet delivered. A delivery before its pickup makes the route
    /// infeasible, a reload with a shipment on board incomplete. A reload's own arc load is its
    /// next trip's, written with the trip's deliveries. `running` holds the load and pickups on
    /// arc k on entry, those on arc k + 1 on return: the loop over a route carries them in
    /// registers instead of reading back the arc it has just written.
    @inline(__always)
    mutating func carryLoad(at k: Int, _ s: Int, running: inout RunningLoad, tripCaches: Bool, onBoard: inout [Int], _ p: RoutingProblem) {
        if p.isReload(s) {
            if !onBoard.isEmpty { complete = false; onBoard.removeAll() }
            running = RunningLoad(kg: loadKg[k + 1], litres: loadLitres[k + 1], pickedKg: 0, pickedLitres: 0)
            if tripCaches { pickedKg[k + 1] = 0; pickedLitres[k + 1] = 0 }
        } else {
            running.kg = running.kg + p.pickupKg[s] - p.deliveryKg[s]
            running.litres = running.litres + p.pickupLitres[s] - p.deliveryLitres[s]
            loadKg[k + 1] = running.kg
            loadLitres[k + 1] = running.litres
            if tripCaches {
                // Net of shipments: a trip is only split where none is on board.
                running.pickedKg += p.pickupKg[s]
                running.pickedLitres += p.pickupLitres[s]
                pickedKg[k + 1] = running.pickedKg
                pickedLitres[k + 1] = running.pickedLitres
            }
            if p.partner[s] >= 0 {
                if p.isShipmentPickup[s] {
                    onBoard.append(s)
                } else if let j = onBoard.firstIndex(of: p.partner[s]) {
                    onBoard.remove(at: j)
                } else {
                    feasible = false
                }
            }
        }
        if tripCaches { openShipments[k + 1] = onBoard.count }
    }

    /// The load on an arc and the pickups collected in its trip so far, carried along a route by
    /// ``carryLoad(at:_:running:tripCaches:onBoard:_:)``.
    struct RunningLoad {
        var kg: Double, litres: Double, pickedKg: Double, pickedLitres: Double
    }

    /// Fills the trip-local running maxima of the load (a reload starts them over) and marks
    /// the route infeasible when the load on some arc is over the courier's capacity.
    mutating func fillLoadMaxima(_ p: RoutingProblem) {
        let v = p.vehicles[vehicle]
        let n = stops.count
        if p.loadOnlyFalls {
            // The load only falls: the most on board before an arc is what left the start, the
            // most after it is the load on it (the values the passes below compute, exactly).
            Self.reset(&prefixMaxKg, n + 1, loadKg[0]); Self.reset(&prefixMaxLitres, n + 1, loadLitres[0])
            suffixMaxKg.removeAll(keepingCapacity: true); suffixMaxKg.append(contentsOf: loadKg)
            suffixMaxLitres.removeAll(keepingCapacity: true); suffixMaxLitres.append(contentsOf: loadLitres)
            if loadKg[0] > v.capacityKg + 1e-9 || loadLitres[0] > v.capacityLitres + 1e-9 { feasible = false }
            return
        }
        Self.resize(&prefixMaxKg, n + 1, 0); Self.resize(&prefixMaxLitres, n + 1, 0)
        Self.resize(&suffixMaxKg, n + 1, 0); Self.resize(&suffixMaxLitres, n + 1, 0)
        fillLoadMaxima(p, arcs: 0...n)
    }

    /// Fills the trip-local running maxima of the load on `arcs` (from a trip's first arc to a
    /// reload's or the end; the caches already have a place for every arc) and marks the route
    /// infeasible when the load on one of those arcs is over the courier's capacity.
    mutating func fillLoadMaxima(_ p: RoutingProblem, arcs: ClosedRange<Int>) {
        let from = arcs.lowerBound, to = arcs.upperBound
        let v = p.vehicles[vehicle]
        prefixMaxKg[from] = loadKg[from]; prefixMaxLitres[from] = loadLitres[from]
        suffixMaxKg[to] = loadKg[to]; suffixMaxLitres[to] = loadLitres[to]
        // The peak is the largest load on any of these arcs.
        var peakKg = loadKg[from], peakLitres = loadLitres[from]
        if to > from {
            // The running maxima are carried in registers, not read back from the arc before.
            var runningKg = loadKg[from], runningLitres = loadLitres[from]
            for a in (from + 1)...to {
                let kg = loadKg[a], litres = loadLitres[a]
                if p.isReload(stops[a - 1]) {
                    runningKg = kg; runningLitres = litres
                } else {
                    runningKg = larger(runningKg, kg); runningLitres = larger(runningLitres, litres)
                }
                prefixMaxKg[a] = runningKg; prefixMaxLitres[a] = runningLitres
                peakKg = larger(peakKg, kg); peakLitres = larger(peakLitres, litres)
            }
            runningKg = loadKg[to]; runningLitres = loadLitres[to]
            for a in stride(from: to - 1, through: from, by: -1) {
                let kg = loadKg[a], litres = loadLitres[a]
                if p.isReload(stops[a]) {
                    runningKg = kg; runningLitres = litres
                } else {
                    runningKg = larger(runningKg, kg); runningLitres = larger(runningLitres, litres)
                }
                suffixMaxKg[a] = runningKg; suffixMaxLitres[a] = runningLitres
            }
        }
        if peakKg > v.capacityKg + 1e-9 || peakLitres > v.capacityLitres + 1e-9 { feasible = false }
    }

    /// ``update(_:scope:)`` after an edit of a feasible route whose cache was whole, on a day
    /// without trips, promises or shipments (a literature instance): the times are walked forward
    /// from the edit only until a stop of the unchanged tail starts when it did before, and the
    /// latest arrivals backward from the edit only until they meet the previous ones; loads and
    /// totals as in a full update. The same operations on the same values as a full update, so
    /// the same numbers.
    private mutating func resumeUpdate(_ p: RoutingProblem, after edit: Edit) {
        let n = stops.count
        guard edit.prefix < n || n != edit.oldCount else { return }
        let v = p.vehicles[vehicle]
        let first = edit.prefix, tail = n - edit.suffix, oldTail = edit.oldCount - edit.suffix
        // The previous tail moves to its new positions; the edited stretch is rewritten below.
        let edited = repeatElement(0.0, count: tail - first)
        arrival.replaceSubrange(first..<oldTail, with: edited)
        start.replaceSubrange(first..<oldTail, with: edited)
        departure.replaceSubrange(first..<oldTail, with: edited)
        latestArrival.replaceSubrange(first..<oldTail, with: edited)
        feasible = true
        complete = true
        lateness = 0
        brokenPromises = 0

        // Forward from the edit; in the tail, a stop that starts when it did before leaves the
        // rest of the schedule as it was.
        var time = first == 0 ? firstDeparture : departure[first - 1]
        var k = first
        while k < n {
            let s = stops[k]
            let arrive = time + arcMinutes[k]
            let previousStart = k >= tail ? start[k] : -.infinity
            arrival[k] = arrive
            let visit = Self.serve(s, arriving: arrive, promises: false, p)
            start[k] = visit.start
            time = visit.start + p.service[s]
            departure[k] = time
            if !visit.served {
                feasible = false
            } else if visit.start == previousStart {
                break
            }
            k += 1
        }
        distance = 0
        for a in 0...n { distance += arcDistance[a] }
        closeDay(p)

        // Backward from the edit; before it, a latest arrival equal to the previous one leaves
        // the earlier ones as they were.
        var latest = tail < n ? latestArrival[tail] : v.shiftEnd
        k = tail - 1
        while k >= 0 {
            let s = stops[k]
            latest = p.latestArrival(s, startBy: latest - arcMinutes[k + 1] - p.service[s])
            if k < first, latestArrival[k] == latest { break }
            latestArrival[k] = latest
            k -= 1
        }

        // Loads, as a full update computes them.
        offTerritory += edit.offTerritoryChange
        var kg = 0.0, litres = 0.0
        for s in stops { kg += p.deliveryKg[s]; litres += p.deliveryLitres[s] }
        Self.resize(&loadKg, n + 1, 0); Self.resize(&loadLitres, n + 1, 0)
        loadKg[0] = kg; loadLitres[0] = litres
        // The running load carried in a register (the same sums in the same order as reading
        // back the arc before): a store read back at once waited for the store on every stop.
        for (k, s) in stops.enumerated() {
            kg = kg + p.pickupKg[s] - p.deliveryKg[s]
            litres = litres + p.pickupLitres[s] - p.deliveryLitres[s]
            loadKg[k + 1] = kg; loadLitres[k + 1] = litres
        }
        fillLoadMaxima(p)
        Self.resize(&promisesFrom, n + 1, 0)
        Self.resize(&promiseRoom, n + 1, .infinity)
    }
}
