import DispatchModel

extension Plan {
    /// The slot widths, in minutes, that `desk plan --slot-width` and `desk replan --slot-width`
    /// accept: from 20 (the ten-minute rounding keeps the ETA inside) to 720, a whole working day
    /// (an outlet that tells "some time today").
    public static let slotWidthMinutes: ClosedRange<Int> = 20...720

    /// The share of a published slot before the ETA: a quarter, so that three quarters of the
    /// slot lie after it, because delays make a courier later far more often than earlier. On the
    /// shipped outlet day (10 s, seed 1, 60-minute slots for all 2,000 stops) the slots `desk report`
    /// expects broken were 349.6 with the ETA in the middle of the slot, 226.5 a third into it,
    /// 187.2 a quarter into it (677, 395 and 298 at risk); a slot that starts at the ETA would
    /// keep the courier waiting at the door whenever it is early.
    public static let slotLead = 0.25

    /// The plan as published to customers: every visit still to come gets the slot the customer
    /// is told by SMS or phone. A promised stop's slot is its promise; any other stop gets `width`
    /// minutes from a quarter of `width` before its ETA (``slotLead``), on ten-minute marks
    /// ("10:20–11:20" for an ETA of 10:37), moved inside the window the ETA falls in (and cut to it
    /// when the window is shorter). `desk replan` then keeps these
    /// slots as promises. Visits that already have a slot keep it.
    /// - Parameter width: the slot's length in minutes (at least 20, so the rounding keeps the
    ///   ETA inside; see ``slotWidthMinutes``).
    public func publishingSlots(width: Int) -> Plan {
        let width = max(width, Self.slotWidthMinutes.lowerBound)
        var published = self
        for r in published.routes.indices {
            for t in published.routes[r].trips.indices {
                for v in published.routes[r].trips[t].stops.indices {
                    let visit = published.routes[r].trips[t].stops[v]
                    guard visit.slot == nil, visit.status == .planned || visit.status == .inProgress else { continue }
                    published.routes[r].trips[t].stops[v].slot = visit.promise ?? Self.slot(around: visit.start, width: width, windows: visit.windows)
                }
            }
        }
        return published
    }

    /// `width` minutes from ``slotLead`` of it before `eta`, on ten-minute marks, inside the window
    /// that holds the ETA.
    static func slot(around eta: Double, width: Int, windows: [TimeWindow]) -> TimeWindow {
        var start = Int(((eta - Double(width) * slotLead) / 10).rounded(.down)) * 10
        var end = start + width
        let minute = Int(eta.rounded(.down))
        if let window = windows.first(where: { $0.start <= minute && minute <= $0.end }) {
            if start < window.start { start = window.start; end = min(window.start + width, window.end) }
            if end > window.end { end = window.end; start = max(window.end - width, window.start) }
        }
        return TimeWindow(start: max(start, 0), end: min(end, 24 * 60))
    }
}
