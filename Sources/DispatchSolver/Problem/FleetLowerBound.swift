extension RoutingProblem {
    /// The fewest couriers that can carry every stop's load in one trip each, or 0 when no bound
    /// holds (couriers may reload). Each courier's deliveries are on board when it leaves and its
    /// pickups when it returns, so the couriers sent out, largest first, must hold the day's
    /// deliveries and, separately, its pickups, in kilograms and in litres (shipments, picked up
    /// and delivered on the way, load a courier only in between and count in neither).
    ///
    /// Route elimination stops at this bound once every stop is placed: no plan that places every
    /// stop has fewer routes, and the time it would spend trying goes to the distance walk.
    /// The bound is the best-known vehicle count on 21 of Solomon's 56 instances (every C one,
    /// R204, R207, R208, R211) and on 8 of the 12 Gehring–Homberger 400 files. Measured at 10 s,
    /// one worker, both arms at once: R204, R207, R208 and R211 over seeds 1–8, +2.27 % → +1.91 %
    /// mean gap to the best-known distance (14 runs better, 11 worse), where elimination used to
    /// spend half the budget trying for one route fewer.
    var fleetLowerBound: Int {
        guard !allowsReloads, !vehicles.isEmpty else { return 0 }
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
}
