extension Route {
    /// ``update(_:scope:)`` after an edit of a feasible, complete route whose cache was whole, on
    /// a day with trips, promises or shipments (an outlet day): only what the edit can have
    /// changed is recomputed, the rest of every cache moves with the unchanged tail.
    ///
    /// - The trips the edit touched (from the trip holding the last unchanged stop before it to the
    ///   reload closing the trip of the first unchanged stop after it) get their releases, loads,
    ///   pickups, open shipments and load maxima afresh; other trips keep theirs (they are the
    ///   same stops in the same order). Where the edit stays inside one trip and moves no reload
    ///   and no shipment's stop (``Edit/loadChange``), that trip's loads are shifted by the edit's
    ///   change instead (``shiftTripLoads(_:by:first:oldTail:tail:trip:)``).
    /// - Times are walked forward from the reload before those trips (its departure waits for
    ///   their parcels), until a stop of the unchanged tail starts, or a reload of it leaves, when
    ///   it did before; latest arrivals backward from the edit until one equals what it was.
    /// - Trip slack, promise counts and promise room are rewritten where those two walks reached.
    ///
    /// The same operations on the same values as a full update, in the same order, so the same
    /// numbers (a test compares every cache with a route built afresh, exactly; shifted loads
    /// agree with the afresh ones to rounding, exactly where weights and volumes are whole
    /// numbers): an outlet route is 2–4 trips of 80–100 stops, and an insertion changes one trip
    /// and, through the waits after it, only a stretch of the times.
    mutating func resumeTripUpdate(_ p: RoutingProblem, after edit: Edit) {
        let n = stops.count, m = edit.oldCount
        guard edit.prefix < n || n != m else { return }
        let v = p.vehicles[vehicle]
        let reload = p.reloadMinutes ?? 0
        let tracksTrips = p.tracksTrips, keepsPromises = p.hasPromises
        let first = edit.prefix, tail = n - edit.suffix, oldTail = m - edit.suffix
        let oldPromisesAtFirst = promisesFrom[first]

        // The unchanged tail moves to its new positions (and arcs); the edited stretch is
        // rewritten below.
        let positions = repeatElement(0.0, count: tail - first)
        arrival.replaceSubrange(first..<oldTail, with: positions)
        start.replaceSubrange(first..<oldTail, with: positions)
        departure.replaceSubrange(first..<oldTail, with: positions)
        latestArrival.replaceSubrange(first..<oldTail, with: positions)
        promisesFrom.replaceSubrange(first..<oldTail, with: repeatElement(0, count: tail - first))
        promiseRoom.replaceSubrange(first..<oldTail, with: repeatElement(.infinity, count: tail - first))
        if keepsPromises {
            lateMinutes.replaceSubrange(first..<oldTail, with: positions)
            breaksPromise.replaceSubrange(first..<oldTail, with: repeatElement(false, count: tail - first))
        }
        // The trips the edit touched: arcs `touchedFrom...touchedTo` (the first arc of the trip
        // holding position first − 1, and the reload closing the trip of position `tail`, or
        // the end). Their loads, releases, pickups, maxima, departures and slack are rewritten
        // on every arc below; only the arcs of later trips move to their new places.
        var touchedFrom = first
        while touchedFrom > 0, !p.isReload(stops[touchedFrom - 1]) { touchedFrom -= 1 }
        var touchedTo = tail
        while touchedTo < n, !p.isReload(stops[touchedTo]) { touchedTo += 1 }
        let arcs = Self.ArcRefit(first: first, oldTail: oldTail, tail: tail, moves: touchedTo < n)
        feasible = true
        complete = true
        if tracksTrips {
            arcs.refit(&tripDeparture, 0)
            arcs.refit(&tripSlack, 0)
        }
        // Every so many shifts, every trip's loads are summed afresh, so that the rounding of
        // the shifts cannot add up.
        let resums = edit.loadChange != nil && loadShifts >= Self.loadShiftsBetweenSums
        if let change = edit.loadChange, !resums {
            // One trip, edited without a reload or a shipment: its loads move by the edit's change.
            shiftTripLoads(p, by: change, first: first, oldTail: oldTail, tail: tail, trip: touchedFrom...touchedTo)
            loadShifts += 1
        } else {
            let loads = resums ? Self.ArcRefit(first: 0, oldTail: m, tail: n, moves: false) : arcs
            loads.refit(&loadKg, 0)
            loads.refit(&loadLitres, 0)
            loads.refit(&prefixMaxKg, 0)
            loads.refit(&prefixMaxLitres, 0)
            loads.refit(&suffixMaxKg, 0)
            loads.refit(&suffixMaxLitres, 0)
            if tracksTrips {
                loads.refit(&pickedKg, 0)
                loads.refit(&pickedLitres, 0)
                loads.refit(&tripRelease, 0)
                loads.refit(&openShipments, 0)
            }
            refreshTrips(p, arcs: resums ? 0...n : touchedFrom...touchedTo)
            if resums { loadShifts = 0 }
        }

        // Forward: from the reload before the touched trips (or the start) until the times meet
        // those of the unchanged tail again.
        var time: Double
        var tripDepartureTime: Double
        let departureBefore: Double
        if touchedFrom == 0 {
            departureBefore = firstDeparture
            time = max(v.shiftStart, tracksTrips ? tripRelease[0] : -.infinity)
            firstDeparture = time
            if tracksTrips { tripDeparture[0] = time }
        } else {
            let r = touchedFrom - 1
            departureBefore = departure[r]
            time = max(arrival[r] + reload, tripRelease[r + 1])
            departure[r] = time
            if tracksTrips { tripDeparture[r + 1] = time }
        }
        tripDepartureTime = time
        // Positions from `settled` on have the times they had.
        var settled = n
        var k = touchedFrom
        // The trip leaves when it did: the stops before the edit keep their times (the walk
        // would compute the same values again), so it starts at the edit.
        let departureKept = first > touchedFrom && time == departureBefore
        if departureKept {
            k = first
            time = departure[first - 1]
            if tracksTrips { tripDeparture[first] = tripDepartureTime }
        }
        while k < n {
            let s = stops[k]
            let arrive = time + arcMinutes[k]
            arrival[k] = arrive
            if p.isReload(s) {
                let before = departure[k]
                start[k] = arrive
                time = max(arrive + reload, tripRelease[k + 1])
                departure[k] = time
                tripDepartureTime = time
                if tracksTrips { tripDeparture[k + 1] = time }
                if k >= tail, time == before { settled = k + 1; break }
            } else {
                let before = start[k]
                let visit = Self.serve(s, arriving: arrive, promises: keepsPromises, p)
                start[k] = visit.start
                if !visit.served { feasible = false }
                if keepsPromises { lateMinutes[k] = visit.late; breaksPromise[k] = visit.broken }
                time = start[k] + p.service[s]
                departure[k] = time
                if tracksTrips { tripDeparture[k + 1] = tripDepartureTime }
                if k >= tail, visit.served, start[k] == before {
                    // The rest of this trip leaves with the departure it has now.
                    if tracksTrips {
                        var a = k + 1
                        while a <= n {
                            tripDeparture[a] = tripDepartureTime
                            if a == n || p.isReload(stops[a]) { break }
                            a += 1
                        }
                    }
                    settled = k + 1
                    break
                }
            }
            k += 1
        }

        // Totals, summed as a full update sums them.
        distance = 0
        for a in 0...n { distance += arcDistance[a] }
        lateness = 0
        brokenPromises = 0
        if keepsPromises {
            for a in 0..<n {
                lateness += lateMinutes[a]
                if breaksPromise[a] { brokenPromises += 1 }
            }
        }
        offTerritory += edit.offTerritoryChange
        closeDay(p)

        // Backward: latest arrivals from the edit until one is what it was.
        var latest = tail < n ? latestArrival[tail] : v.shiftEnd
        var lowestLatest = tail
        k = tail - 1
        while k >= 0 {
            let s = stops[k]
            let latestDeparture = latest - arcMinutes[k + 1]
            let value = p.isReload(s) ? latestDeparture - reload : p.latestArrival(s, startBy: latestDeparture - p.service[s])
            if k < first, latestArrival[k] == value { break }
            latestArrival[k] = value
            latest = value
            lowestLatest = k
            k -= 1
        }

        // Trip slack: trips whose reload's departure or first latest arrival changed.
        if tracksTrips {
            var tripStart = min(lowestLatest, touchedFrom)
            while tripStart > 0, !p.isReload(stops[tripStart - 1]) { tripStart -= 1 }
            while tripStart <= settled, tripStart <= n {
                let slack: Double
                if tripStart == 0 {
                    slack = latestArrival[0] - arcMinutes[0] - firstDeparture
                } else {
                    let latestDeparture = (tripStart < n ? latestArrival[tripStart] : v.shiftEnd) - arcMinutes[tripStart]
                    slack = latestDeparture - departure[tripStart - 1]
                }
                var a = tripStart
                while true {
                    tripSlack[a] = slack
                    if a == n || p.isReload(stops[a]) { break }
                    a += 1
                }
                tripStart = a + 1
            }
        }

        guard keepsPromises else { return }
        // Promise counts: afresh over the edit, shifted before it.
        k = tail - 1
        while k >= first {
            promisesFrom[k] = promisesFrom[k + 1] + (!p.isReload(stops[k]) && p.promiseEnd[stops[k]].isFinite ? 1 : 0)
            k -= 1
        }
        let shift = promisesFrom[first] - oldPromisesAtFirst
        if shift != 0 { for a in 0..<first { promisesFrom[a] += shift } }
        // Promise room: from the last position whose times changed, back until below every
        // change it equals what it was.
        let lowestChange = departureKept ? first : min(first, touchedFrom - 1)
        k = settled - 1
        while k >= 0 {
            var room = Double.infinity
            if promisesFrom[k] > 0 {
                let s = stops[k]
                if p.isReload(s) {
                    room = departure[k] - arrival[k] - reload + promiseRoom[k + 1]
                } else {
                    let wait = start[k] - arrival[k]
                    var value = min(wait + promiseRoom[k + 1], p.windowEnd(of: s, arrival: arrival[k]) - arrival[k])
                    if p.promiseEnd[s].isFinite { value = min(value, wait + larger(p.promiseEnd[s] - start[k], 0)) }
                    room = larger(value, 0)
                }
            }
            if k < lowestChange, room == promiseRoom[k], (promisesFrom[k] > 0) == (promisesFrom[k] - shift > 0) { break }
            promiseRoom[k] = room
            k -= 1
        }
    }

    /// How many updates may shift a trip's loads by an edit's change before the next sums every
    /// trip's loads afresh: each shift rounds once, so a load is never more than this many
    /// roundings from its sum (on the filing's 2,000-stop day, without resums, a load had drifted
    /// 2e-9 kg from its sum after 60 s).
    static let loadShiftsBetweenSums = 32

    /// Fits an arc cache to the edited sequence. With `moves`, the arcs after the edit move to
    /// their new places (later trips keep their values); without, the touched trips reach the
    /// end and everything from the edit on is rewritten, so the cache only takes its new length.
    struct ArcRefit {
        let first: Int, oldTail: Int, tail: Int, moves: Bool

        @inline(__always)
        func refit<T>(_ cache: inout [T], _ value: T) {
            if moves {
                cache.replaceSubrange(first...oldTail, with: repeatElement(value, count: tail - first + 1))
            } else {
                Route.resize(&cache, cache.count - oldTail + tail, value)
            }
        }
    }

    /// Releases, loads, pickups, open shipments and load maxima of the trips on `arcs` (from a
    /// trip's first arc to a reload's or the end), as a full update computes them; marks the
    /// route infeasible or incomplete where those trips break a capacity or a shipment.
    private mutating func refreshTrips(_ p: RoutingProblem, arcs: ClosedRange<Int>) {
        let from = arcs.lowerBound, to = arcs.upperBound
        let tracksTrips = p.tracksTrips
        // Releases and the loads each trip leaves with.
        var tripStartArc = from
        var release = -Double.infinity
        var kg = 0.0, litres = 0.0
        for k in from..<to {
            let s = stops[k]
            if p.isReload(s) {
                if tracksTrips { for a in tripStartArc...k { tripRelease[a] = release } }
                loadKg[tripStartArc] = kg
                loadLitres[tripStartArc] = litres
                tripStartArc = k + 1
                release = -.infinity; kg = 0; litres = 0
                continue
            }
            release = larger(release, p.release[s])
            kg += p.deliveryKg[s]; litres += p.deliveryLitres[s]
        }
        if tracksTrips { for a in tripStartArc...to { tripRelease[a] = release } }
        loadKg[tripStartArc] = kg
        loadLitres[tripStartArc] = litres

        // Loads along the trips, pickups collected and shipments on board.
        if tracksTrips { pickedKg[from] = 0; pickedLitres[from] = 0; openShipments[from] = 0 }
        var onBoard: [Int] = []
        var running = RunningLoad(kg: loadKg[from], litres: loadLitres[from], pickedKg: 0, pickedLitres: 0)
        for k in from..<to { carryLoad(at: k, stops[k], running: &running, tripCaches: tracksTrips, onBoard: &onBoard, p) }
        if !onBoard.isEmpty { complete = false }

        // Trip-local running maxima of the load.
        if p.loadOnlyFalls {
            fillLoadMaxima(p)
        } else {
            fillLoadMaxima(p, arcs: from...to)
        }
    }
}
