import DispatchModel
import DispatchPlan
import DispatchSolver

/// Re-sequences the rest of a trip under way: the courier continues from where it was last seen
/// with what it carries (deliveries on board, pickups on the way), in the order that keeps the most
/// promises, and brings back what no longer fits. A one-courier, one-trip day for the solver,
/// started from the old order.
struct CurrentTrip: Sendable {
    let objective: Objective
    let iterations: Int
    let seed: UInt64

    /// What rides along to the outlet on a trip under way whatever the order of the rest: pickups
    /// made (`recorded`), shipments picked up whose delivery is not ahead on the trip (`open`) and
    /// not tried yet, and parcels that failed (among them those to retry, `retried`, which left
    /// the trip's visits). A shipment's parcel weighs what its pickup loaded, and counts once: a
    /// delivery tried (made, failed or to retry) settles it.
    static func carried(recorded: [Plan.Visit], open: [Plan.Visit], retried: [String], scenario: Scenario,
                        stops: [String: Stop]) -> (kg: Double, litres: Double) {
        let ahead = Set(open.compactMap { stops[$0.id] }.filter { $0.kind == .shipmentDelivery }.compactMap(\.shipment))
        let tried = Set((recorded.map(\.id) + retried).compactMap { stops[$0] }
            .filter { $0.kind == .shipmentDelivery }.compactMap(\.shipment))
        var carried = (kg: 0.0, litres: 0.0)
        func carry(_ stop: Stop) {
            let parcel = stop.kind == .shipmentDelivery
                ? scenario.shipmentPickup(of: stop.shipment) ?? stop : stop
            carried.kg += parcel.weightKg
            carried.litres += parcel.volumeLitres
        }
        for visit in recorded {
            guard let stop = stops[visit.id] else { continue }
            switch (stop.kind, visit.status) {
            case (.pickup, .done): carry(stop)
            case (.shipmentPickup, .done):
                if let shipment = stop.shipment, !ahead.contains(shipment), !tried.contains(shipment) { carry(stop) }
            case (.delivery, .failed), (.shipmentDelivery, .failed): carry(stop)
            default: break
            }
        }
        for id in retried { if let stop = stops[id] { carry(stop) } }
        return carried
    }

    /// The new order of `visits` (not yet made) for `courier`, who is at `place` at `time`, and the
    /// ids it cannot serve on this trip any more. `nil` when the day cannot be expressed (a measured matrix).
    ///
    /// `onBoard` are the shipments whose pickup is done: their deliveries weigh what was picked up.
    /// `carried` is what else rides along until the outlet (pickups made, parcels that failed):
    /// it takes that much of the courier's capacity for the rest of the trip.
    func sequence(_ visits: [Plan.Visit], courier: Courier, place: Location, time: Double, onBoard: Set<String>,
                  carried: (kg: Double, litres: Double) = (0, 0),
                  scenario: Scenario, stops: [String: Stop]) -> (order: [Plan.Visit], dropped: [String])? {
        if case .matrix = scenario.travel { return nil }
        var outlet = scenario.outlet
        outlet.reloadMinutes = nil
        var rider = courier
        rider.start = place
        rider.end = nil
        rider.capacityKg = max(0, courier.capacityKg - carried.kg)
        rider.capacityLitres = courier.capacityLitres.map { max(0, $0 - carried.litres) }
        let start = Int(time.rounded(.up))
        guard start < courier.shift.end else { return nil }
        rider.shift = TimeWindow(start: start, end: courier.shift.end)
        let parcels = visits.compactMap { visit -> Stop? in
            // The slot told to the customer is the promise the new order prices.
            guard var stop = stops[visit.id]?.holding(slot: visit.slot) else { return nil }
            // On board already: a parcel to hand over, whatever it was picked up as.
            if stop.kind == .shipmentDelivery, let shipment = stop.shipment, onBoard.contains(shipment) {
                stop = stop.pickedUp(by: scenario.shipmentPickup(of: shipment))
            }
            stop.availableFrom = nil
            return stop
        }
        let day = Scenario(name: scenario.name, outlet: outlet, couriers: [rider], stops: parcels, travel: scenario.travel, weather: scenario.weather)
        let options = SearchOptions(iterations: iterations, seconds: 60, seed: seed, workers: 1, localSearch: true,
                                    initialSolution: InitialSolution(trips: [courier.id: [parcels.map(\.id)]]))
        let plan = RoutePlanner.plan(day, objective: objective, options: options, setPartitioning: false)
        let byID = Dictionary(visits.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let order = (plan.routes.first?.stops ?? []).compactMap { byID[$0.id] }
        return (order, plan.unassigned.map(\.id))
    }
}
