import DispatchModel

extension RoutingProblem {
    /// Above this many stops, recreate looks only next to each stop's nearest neighbours.
    static let granularThreshold = 400
    /// How many nearest neighbours a granular recreate looks at.
    static let granularity = 30

    /// Inserts `stops` one by one at their cheapest feasible place (SISR's recreate with blinks,
    /// Christiaens & Vanden Berghe 2020). Stops that fit nowhere stay unassigned. With
    /// `ownCourierOnly`, a stop that has its own courier (territory or customer list) is only tried
    /// in that courier's route, and stops without one are skipped: the territory-first pass of
    /// construction. Without `lookEverywhere`, a large day's stop that finds no place next to its
    /// neighbours (or with its own courier) stays out instead of trying every position of every
    /// route.
    func recreate(_ stops: [Int], into state: inout SearchState, rng: inout SplitMix64, blinkRate: Double,
                  allowGranular: Bool = true, ownCourierOnly: Bool = false, lookEverywhere: Bool = true) {
        // A place whose added distance alone costs as much as the best so far is passed over
        // before its times are worked out (``insertionsBoundedByDistance``).
        let distanceBounds = insertionsBoundedByDistance
        // Otherwise, where no weight is negative, a place whose stop joins its trip as it is
        // still costs at least its added distance: insertion stops there before the times.
        let costBounds = !distanceBounds && objective.hasNoNegativeWeight
        // A shipment is bounded by the best place so far either way (``pairInsertion(_:_:into:pickupPositions:bound:)``).
        let pairBounds = objective.hasNoNegativeWeight
        let emptyClassSeen = UnsafeMutableBufferPointer<Bool>.allocate(capacity: vehicleClassCount)
        defer { emptyClassSeen.deallocate() }
        for u in stops where state.routeOf[u] < 0 {
            let w = partner[u]
            let largeDay = allowGranular && stopCount > Self.granularThreshold
            let granular = largeDay && w < 0
            if w >= 0, !isShipmentPickup[u] { continue } // the pickup half inserts both
            let own = preferredVehicle[u]
            if ownCourierOnly, own < 0 || w >= 0 { continue }
            emptyClassSeen.initialize(repeating: false)
            // Large days: where a shipment's pickup may go in each route, next to its nearest
            // neighbours (before or after each), ascending.
            var nearPickupPositions: [Int: [Int]] = [:]
            if w >= 0, largeDay {
                for c32 in neighbours[u].prefix(Self.granularity) where state.routeOf[Int(c32)] >= 0 {
                    let c = Int(c32)
                    nearPickupPositions[state.routeOf[c], default: []].append(contentsOf: [state.position[c], state.position[c] + 1])
                }
                for r in nearPickupPositions.keys { nearPickupPositions[r] = Array(Set(nearPickupPositions[r] ?? [])).sorted() }
            }
            var bestRoute = -1, bestK1 = 0, bestK2 = -1
            var bestReload = ReloadPlacement.none
            let due = deadline(u)
            // u is left at the earliest when served at its first window's opening.
            let ready = windowStart[windowOffset[u]] + service[u] - Self.timeTolerance
            var bestCost = Double.infinity
            /// Tries positions `range` of route `r` (skipping some at the blink rate).
            func scan(_ r: Int, _ range: ClosedRange<Int>, blink: Bool) {
                // One borrow of the route for the whole scan: a copy per position would retain
                // each of its cached arrays.
                let route = state.routes[r]
                // Latest arrivals only grow along a route: the places before the first whose
                // next stop can still be reached after u is left at the earliest are skipped.
                let first = route.firstPlace(readyBy: ready, in: range, self)
                guard first <= range.upperBound else { return }
                for k in first...range.upperBound {
                    // Departures only grow along a route: once the courier leaves the stop
                    // before it after u's last window has closed, no later place can take u.
                    let (a, leave) = route.departure(before: k, self)
                    if leave > due + Self.timeTolerance { break }
                    if blink, blinkRate > 0, rng.chance(blinkRate) { continue }
                    if distanceBounds,
                       objective.perDistance * addedDistance(u, into: route, at: k, after: a, before: route.next(at: k, self).node) >= bestCost {
                        continue
                    }
                    if let insertion = insertionCost(u, into: route, at: k, bound: costBounds ? bestCost : .infinity), insertion.cost < bestCost {
                        bestCost = insertion.cost; bestRoute = r; bestK1 = k; bestReload = insertion.reload
                    }
                }
            }
            if ownCourierOnly {
                // Routes are indexed by vehicle.
                if !state.closed[own], canServe(own, u) { scan(own, 0...state.routes[own].stops.count, blink: false) }
                if bestRoute >= 0 { state.insert(u, route: bestRoute, at: bestK1, reload: bestReload, self) }
                continue
            }
            // A shipment tries first the route of its pickup's nearest routed neighbour: a good
            // place found early bounds the search of the other routes (Li & Lim 200, 15,000
            // steps: 1.2-1.7 times as fast with the bounds, the same plans).
            var firstRoute = -1
            if w >= 0, !largeDay {
                for c in neighbours[u].prefix(10) where state.routeOf[Int(c)] >= 0 && !state.closed[state.routeOf[Int(c)]] {
                    firstRoute = state.routeOf[Int(c)]
                    break
                }
            }
            for step in -1..<state.routes.count {
                let r = step < 0 ? firstRoute : step
                guard r >= 0, step < 0 || r != firstRoute, !state.closed[r] else { continue }
                // Fields read in place: a copy of the route would retain each of its cached arrays.
                let vehicle = state.routes[r].vehicle, routeIsEmpty = state.routes[r].isEmpty
                guard canServe(vehicle, u), w < 0 || canServe(vehicle, w) else { continue }
                if routeIsEmpty {
                    let c = vehicleClass[vehicle]
                    if emptyClassSeen[c] { continue }
                    emptyClassSeen[c] = true
                }
                if w >= 0 {
                    // Large days: the pickup goes next to one of its nearest neighbours in this route.
                    var positions: [Int]?
                    if largeDay, !routeIsEmpty {
                        guard let near = nearPickupPositions[r] else { continue }
                        positions = near
                    }
                    if let (k1, k2, cost) = pairInsertion(u, w, into: state.routes[r], pickupPositions: positions,
                                                                bound: pairBounds ? bestCost : .infinity), cost < bestCost {
                        bestCost = cost; bestRoute = r; bestK1 = k1; bestK2 = k2; bestReload = .none
                    }
                } else if !granular || routeIsEmpty {
                    scan(r, 0...state.routes[r].stops.count, blink: true)
                }
            }
            if granular {
                // Large days: only next to u's nearest assigned neighbours (a granular neighbourhood,
                // Toth & Vigo 2003), before or after each.
                for c32 in neighbours[u].prefix(Self.granularity) {
                    let c = Int(c32)
                    let r = state.routeOf[c]
                    guard r >= 0, !state.closed[r], canServe(state.routes[r].vehicle, u) else { continue }
                    scan(r, state.position[c]...(state.position[c] + 1), blink: true)
                }
                // The stop's own courier always bids: when no near neighbour rides with it, at
                // every position (otherwise a stop could never come back to its territory once its
                // building left); when one does, the scan above has already tried next to it.
                if own >= 0, !state.closed[own], !state.routes[own].isEmpty, canServe(own, u),
                   !neighbours[u].prefix(Self.granularity).contains(where: { state.routeOf[Int($0)] == own }) {
                    scan(own, 0...state.routes[own].stops.count, blink: true)
                }
                if bestRoute < 0, lookEverywhere {
                    // Nothing near its neighbours: look everywhere before giving up.
                    for r in state.routes.indices where !state.closed[r] && !state.routes[r].isEmpty
                        && canServe(state.routes[r].vehicle, u) {
                        scan(r, 0...state.routes[r].stops.count, blink: false)
                    }
                }
            }
            if bestRoute < 0, largeDay, w >= 0, lookEverywhere {
                // No place near its neighbours: try every position of every route.
                for r in state.routes.indices where !state.closed[r] && !state.routes[r].isEmpty
                    && canServe(state.routes[r].vehicle, u) && canServe(state.routes[r].vehicle, w) {
                    if let (k1, k2, cost) = pairInsertion(u, w, into: state.routes[r], bound: pairBounds ? bestCost : .infinity), cost < bestCost {
                        bestCost = cost; bestRoute = r; bestK1 = k1; bestK2 = k2; bestReload = .none
                    }
                }
            }
            guard bestRoute >= 0 else { continue }
            if w >= 0 {
                state.insertPair(u, w, route: bestRoute, at: bestK1, bestK2, self)
            } else {
                state.insert(u, route: bestRoute, at: bestK1, reload: bestReload, self)
            }
        }
    }

    /// Regret-2 construction: repeatedly inserts the stop whose best and second-best routes
    /// differ most (Potvin & Rousseau 1993), so hard stops are placed while there is still room.
    func regretConstruct(into state: inout SearchState, rng: inout SplitMix64) {
        var pending = (0..<stopCount).filter { state.routeOf[$0] < 0 && (partner[$0] < 0 || isShipmentPickup[$0]) }
        // Hard stops first: narrow windows, then high priority.
        while !pending.isEmpty {
            var chosen = -1
            var chosenRegret = -Double.infinity
            var chosenMove: (Int, Int, Int) = (-1, 0, -1)
            var chosenReload = ReloadPlacement.none
            var anyFeasible = false
            for (index, u) in pending.enumerated() {
                let w = partner[u]
                var best = Double.infinity, second = Double.infinity
                var move: (Int, Int, Int) = (-1, 0, -1)
                var moveReload = ReloadPlacement.none
                var emptyTried = Set<Int>()
                for r in state.routes.indices where !state.closed[r] {
                    let route = state.routes[r]
                    guard canServe(route.vehicle, u), w < 0 || canServe(route.vehicle, w) else { continue }
                    if route.isEmpty, !emptyTried.insert(vehicleClass[route.vehicle]).inserted { continue }
                    var routeBest = Double.infinity
                    var routeMove: (Int, Int, Int) = (-1, 0, -1)
                    var routeReload = ReloadPlacement.none
                    if w >= 0 {
                        if let (k1, k2, c) = pairInsertion(u, w, into: route) { routeBest = c; routeMove = (r, k1, k2) }
                    } else {
                        for k in 0...route.stops.count {
                            if let insertion = insertionCost(u, into: route, at: k), insertion.cost < routeBest {
                                routeBest = insertion.cost; routeMove = (r, k, -1); routeReload = insertion.reload
                            }
                        }
                    }
                    if routeBest < best {
                        second = best; best = routeBest; move = routeMove; moveReload = routeReload
                    } else if routeBest < second {
                        second = routeBest
                    }
                }
                guard move.0 >= 0 else { continue }
                anyFeasible = true
                // Priority lifts the regret of important stops; an only option is the most urgent.
                let regret = (second.isFinite ? second - best : 1e12) * priority[u] + rng.unit() * 1e-6
                if regret > chosenRegret { chosenRegret = regret; chosen = index; chosenMove = move; chosenReload = moveReload }
            }
            guard anyFeasible, chosen >= 0 else { break }
            let u = pending.remove(at: chosen)
            if partner[u] >= 0 {
                state.insertPair(u, partner[u], route: chosenMove.0, at: chosenMove.1, chosenMove.2, self)
            } else {
                state.insert(u, route: chosenMove.0, at: chosenMove.1, reload: chosenReload, self)
            }
        }
    }
}
