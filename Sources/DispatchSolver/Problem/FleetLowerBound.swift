extension RoutingProblem {
    /// The fewest couriers any plan that places every stop must send out, or 0 when no bound
    /// holds (couriers may reload): the larger of ``capacityFleetBound`` and
    /// ``incompatibleStopsFleetBound``.
    ///
    /// Route elimination stops at this bound once every stop is placed: no plan that places every
    /// stop has fewer routes, and the time it would spend trying goes to the distance walk.
    var fleetLowerBound: Int {
        guard !allowsReloads, !vehicles.isEmpty else { return 0 }
        return max(capacityFleetBound, incompatibleStopsFleetBound)
    }

    /// The fewest couriers that can carry every stop's load in one trip each. Each courier's
    /// deliveries are on board when it leaves and its pickups when it returns, so the couriers
    /// sent out, largest first, must hold the day's deliveries and, separately, its pickups, in
    /// kilograms and in litres (shipments, picked up and delivered on the way, load a courier
    /// only in between and count in neither).
    ///
    /// The bound is the best-known vehicle count on 21 of Solomon's 56 instances (every C one,
    /// R204, R207, R208, R211) and on 8 of the 12 Gehring–Homberger 400 files. Measured at 10 s,
    /// one worker, both arms at once: R204, R207, R208 and R211 over seeds 1–8, +2.27 % → +1.91 %
    /// mean gap to the best-known distance (14 runs better, 11 worse), where elimination used to
    /// spend half the budget trying for one route fewer.
    var capacityFleetBound: Int {
        var totals = (deliveryKg: 0.0, deliveryLitres: 0.0, pickupKg: 0.0, pickupLitres: 0.0)
        for s in 0..<stopCount where partner[s] < 0 {
            totals.deliveryKg += max(deliveryKg[s], 0)
            totals.deliveryLitres += max(deliveryLitres[s], 0)
            totals.pickupKg += max(pickupKg[s], 0)
            totals.pickupLitres += max(pickupLitres[s], 0)
        }
        func couriersNeeded(_ total: Double, _ capacity: (Vehicle) -> Double) -> Int {
            guard total > 1e-9 else { return 0 }
            var carried = 0.0
            for (count, room) in vehicles.map(capacity).sorted(by: >).enumerated() {
                carried += room
                if carried >= total - 1e-9 { return count + 1 }
            }
            return vehicles.count
        }
        return max(couriersNeeded(totals.deliveryKg, \.capacityKg), couriersNeeded(totals.deliveryLitres, \.capacityLitres),
                   couriersNeeded(totals.pickupKg, \.capacityKg), couriersNeeded(totals.pickupLitres, \.capacityLitres))
    }

    /// The number of ``incompatibleStops``: each of them needs a courier of its own.
    var incompatibleStopsFleetBound: Int { incompatibleStops.count }

    /// The largest set of stops found in which no two can share a route, in either order, on
    /// any courier (``shareARoute(_:_:courier:)``), in the order found: Kontoravdis & Bard
    /// 1995's incompatibility clique. A greedy clique from each of the most incompatible stops
    /// (at most ``incompatibilityStarts``), adding the candidate incompatible with most of the
    /// others left, so the set is a clique found, not necessarily the largest; empty above
    /// ``incompatibilityLimit`` stops.
    ///
    /// On Solomon's tight-window days it is what the best-known fleet needs: 17 stops on R102,
    /// 13 on R103, 10 on C101, where capacity alone asks for 8, 8 and 10 couriers (R101 18 of
    /// its 19, R105 7 of 14: most days need bigger fleets than their incompatible stops show).
    var incompatibleStops: [Int] {
        let n = stopCount
        guard n > 0, n <= Self.incompatibilityLimit else { return [] }
        // One courier of each class stands for the class.
        var classCouriers: [Int] = []
        var seen = Set<Int>()
        for v in vehicles.indices where seen.insert(vehicleClass[v]).inserted { classCouriers.append(v) }
        // Stops no courier can serve at all stay out of every plan and out of the bound.
        let servable = (0..<n).filter { s in classCouriers.contains { shareARoute(s, s, courier: $0) } }
        guard let firstServable = servable.first else { return [] }
        let words = (n + 63) / 64
        var incompatible = [UInt64](repeating: 0, count: n * words)
        for (index, i) in servable.enumerated() {
            for j in servable[(index + 1)...] where partner[i] != j {
                guard !classCouriers.contains(where: { shareARoute(i, j, courier: $0) }) else { continue }
                incompatible[i * words + j / 64] |= 1 << UInt64(j % 64)
                incompatible[j * words + i / 64] |= 1 << UInt64(i % 64)
            }
        }
        func count(_ i: Int, within set: [UInt64]) -> Int {
            var total = 0
            for w in 0..<words { total += (incompatible[i * words + w] & set[w]).nonzeroBitCount }
            return total
        }
        var everyStop = [UInt64](repeating: 0, count: words)
        for s in servable { everyStop[s / 64] |= 1 << UInt64(s % 64) }
        let degree = (0..<n).map { count($0, within: everyStop) }
        let starts = servable.filter { degree[$0] > 0 }
            .sorted { (degree[$0], -$0) > (degree[$1], -$1) }
            .prefix(Self.incompatibilityStarts)
        var largest = [firstServable]
        for s in starts {
            var clique = [s]
            var candidates = (0..<words).map { incompatible[s * words + $0] }
            while true {
                var chosen = -1, chosenCount = -1
                for w in 0..<words {
                    var bits = candidates[w]
                    while bits != 0 {
                        let c = w * 64 + bits.trailingZeroBitCount
                        bits &= bits - 1
                        let k = count(c, within: candidates)
                        if k > chosenCount { chosen = c; chosenCount = k }
                    }
                }
                guard chosen >= 0 else { break }
                clique.append(chosen)
                for w in 0..<words { candidates[w] &= incompatible[chosen * words + w] }
            }
            if clique.count > largest.count { largest = clique }
        }
        return largest
    }

    /// Days above this many stops get no incompatibility bound (its pairs grow with the square).
    static let incompatibilityLimit = 1_000
    /// Stops a greedy clique starts from, the most incompatible first.
    static let incompatibilityStarts = 100

    /// Whether courier `v` can serve stops `i` and `j` on one trip of their own, in either order:
    /// leaving at its shift's start, within their hard windows, back by its shift's end, and
    /// (stops that are not shipment halves) with both deliveries on board at the start and both
    /// pickups at the end. Release times and everything else on a route are left out, so a pair
    /// that fails here fails on every route. `i == j`: whether it can serve the stop at all.
    func shareARoute(_ i: Int, _ j: Int, courier v: Int) -> Bool {
        guard canServe(v, i), canServe(v, j) else { return false }
        let vehicle = vehicles[v]
        if i != j, partner[i] < 0, partner[j] < 0 {
            let tolerance = 1e-9
            guard deliveryKg[i] + deliveryKg[j] <= vehicle.capacityKg + tolerance,
                  deliveryLitres[i] + deliveryLitres[j] <= vehicle.capacityLitres + tolerance,
                  max(pickupKg[i], 0) + max(pickupKg[j], 0) <= vehicle.capacityKg + tolerance,
                  max(pickupLitres[i], 0) + max(pickupLitres[j], 0) <= vehicle.capacityLitres + tolerance else { return false }
        }
        func inOrder(_ first: Int, _ second: Int) -> Bool {
            guard let a = serviceStart(first, arrival: vehicle.shiftStart + travel(vehicle.startNode, first, v)) else { return false }
            var time = a + service[first]
            if first != second {
                guard let b = serviceStart(second, arrival: time + travel(first, second, v)) else { return false }
                time = b + service[second]
            }
            return time + travel(second, vehicle.endNode, v) <= vehicle.shiftEnd + Self.timeTolerance
        }
        return inOrder(i, j) || (i != j && inOrder(j, i))
    }
}
