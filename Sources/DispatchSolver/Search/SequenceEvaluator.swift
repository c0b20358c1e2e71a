/// Exact cost of a candidate stop sequence for one vehicle, recomputed from scratch in O(length):
/// times with every window, weight and volume on board, shipment order, promise lateness. The
/// local search screens moves in O(1) by distance first, so this runs only on promising moves.
struct SequenceEvaluator {
    /// Scratch: which shipment pickups are on board (indexed by stop).
    private var onBoard: [Bool]

    init(_ p: RoutingProblem) {
        onBoard = [Bool](repeating: false, count: p.stopCount)
    }

    /// The route cost of `stops` on vehicle `v`, or `nil` when infeasible.
    mutating func cost(_ stops: [Int], vehicle v: Int, _ p: RoutingProblem) -> Double? {
        guard !stops.isEmpty else { return 0 }
        let vehicle = p.vehicles[v]
        var kg = 0.0, litres = 0.0
        for s in stops {
            guard p.canServe(v, s) else { return nil }
            kg += p.deliveryKg[s]; litres += p.deliveryLitres[s]
        }
        if kg > vehicle.capacityKg + 1e-9 || litres > vehicle.capacityLitres + 1e-9 { return nil }
        var node = vehicle.startNode
        var time = vehicle.shiftStart
        var distance = 0.0, lateness = 0.0
        var feasible = true
        var opened: [Int] = []
        for s in stops {
            distance += p.dist(node, s)
            guard let start = p.serviceStart(s, arrival: time + p.travel(node, s, v)) else { feasible = false; break }
            if start > p.promiseEnd[s] { lateness += start - p.promiseEnd[s] }
            kg += p.pickupKg[s] - p.deliveryKg[s]
            litres += p.pickupLitres[s] - p.deliveryLitres[s]
            if kg > vehicle.capacityKg + 1e-9 || litres > vehicle.capacityLitres + 1e-9 { feasible = false; break }
            if p.partner[s] >= 0 {
                if p.isShipmentPickup[s] {
                    onBoard[s] = true
                    opened.append(s)
                } else if !onBoard[p.partner[s]] {
                    feasible = false; break
                } else {
                    onBoard[p.partner[s]] = false
                }
            }
            time = start + p.service[s]
            node = s
        }
        var unclosed = false
        for s in opened where onBoard[s] { unclosed = true; onBoard[s] = false }
        guard feasible, !unclosed else { return nil }
        distance += p.dist(node, vehicle.endNode)
        let end = time + p.travel(node, vehicle.endNode, v)
        guard end <= vehicle.shiftEnd + 1e-9 else { return nil }
        let o = p.objective
        return o.perCourier + o.perDistance * distance + o.latenessPerMinute * lateness + o.perMinute * (end - vehicle.shiftStart)
    }
}
