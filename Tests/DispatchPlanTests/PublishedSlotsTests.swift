import Testing
import DispatchModel
@testable import DispatchPlan

/// Publishing a plan gives every stop still to come the slot its customer is told.
@Suite struct PublishedSlotsTests {
    func visit(_ id: String, eta: Double, windows: [TimeWindow], promise: TimeWindow? = nil, status: Plan.StopStatus = .planned) -> Plan.Visit {
        Plan.Visit(id: id, arrival: eta, start: eta, departure: eta + 2, windows: windows, promise: promise, status: status)
    }

    @Test(arguments: [
        // ETA 10:37, open window: a quarter of the slot before it, on ten-minute marks (10:22
        // rounded down): 10:20–11:20.
        (637.0, TimeWindow(start: 480, end: 1260), TimeWindow(start: 620, end: 680)),
        // ETA 08:10 in a window from 08:00: moved inside it, 08:00–09:00.
        (490.0, TimeWindow(start: 480, end: 1260), TimeWindow(start: 480, end: 540)),
        // ETA 11:55 in a window to 12:00: 11:00–12:00.
        (715.0, TimeWindow(start: 600, end: 720), TimeWindow(start: 660, end: 720)),
        // A 40-minute window holds the whole slot: cut to it.
        (605.0, TimeWindow(start: 590, end: 630), TimeWindow(start: 590, end: 630)),
    ])
    func aSlotAroundTheETAInsideItsWindow(_ eta: Double, _ window: TimeWindow, _ expected: TimeWindow) {
        #expect(Plan.slot(around: eta, width: 60, windows: [window]) == expected)
    }

    @Test func promisesAreTheirOwnSlotsAndVisitsDoneKeepNone() throws {
        let promise = TimeWindow(start: 600, end: 630)
        let trip = Plan.Trip(departure: 480, returnTime: 700, stops: [
            visit("done", eta: 500, windows: [TimeWindow(start: 480, end: 1260)], status: .done),
            visit("promised", eta: 610, windows: [TimeWindow(start: 480, end: 1260)], promise: promise),
            visit("open", eta: 650, windows: [TimeWindow(start: 480, end: 1260), TimeWindow(start: 1080, end: 1200)]),
        ])
        let plan = Plan(routes: [Plan.CourierRoute(courier: "c", trips: [trip], distance: 5, shiftStart: 480)], unassigned: [])
        let published = plan.publishingSlots(width: 60)
        let stops = try #require(published.routes.first?.stops)
        #expect(stops[0].slot == nil)
        #expect(stops[1].slot == promise)
        let open = try #require(stops[2].slot)
        #expect(open.end - open.start == 60)
        #expect(Double(open.start) <= 650 && 650 <= Double(open.end))
        // Publishing twice changes nothing.
        #expect(published.publishingSlots(width: 30) == published)
    }

    /// Every ETA lies inside its slot, whatever the width and the window.
    @Test func everyETAIsInsideItsSlot() {
        var rng = SplitMix64(seed: 9)
        for _ in 0..<2_000 {
            let start = 420 + rng.below(600), length = 10 + rng.below(300)
            let window = TimeWindow(start: start, end: start + length)
            let eta = Double(window.start) + rng.unit() * Double(length)
            let width = 20 + rng.below(160)
            let slot = Plan.slot(around: eta, width: width, windows: [window])
            #expect(Double(slot.start) <= eta && eta <= Double(slot.end), "eta \(eta) width \(width) window \(window) slot \(slot)")
            #expect(slot.start >= window.start && slot.end <= window.end)
            #expect(slot.end - slot.start == min(width, length))
        }
    }
}
