import Testing
@testable import DispatchSolver

@Suite struct CoolingScheduleTests {
    /// The walk that begins after route elimination (here at 40 % of the budget) starts at the
    /// full temperature, ends at the final one, and cools geometrically in between: halfway
    /// through the walk it is at the geometric mean.
    @Test func theWalkStartsHotWhereverItBegins() {
        let schedule = CoolingSchedule(start: 100, end: 1, begins: 0.4)
        #expect(schedule.temperature(0) == 100)
        #expect(schedule.temperature(0.4) == 100)
        #expect(abs(schedule.temperature(0.7) - 10) < 1e-9)
        #expect(abs(schedule.temperature(1) - 1) < 1e-9)
        #expect(abs(schedule.temperature(1.5) - 1) < 1e-9)
        #expect(schedule.walked(0.4) == 0 && abs(schedule.walked(0.7) - 0.5) < 1e-12 && schedule.walked(1) == 1)
        var previous = Double.infinity
        for step in 0...100 {
            let t = schedule.temperature(Double(step) / 100)
            #expect(t <= previous)
            previous = t
        }
    }

    /// A walk that begins with the budget (no route elimination) is the plain schedule.
    @Test func withoutEliminationTheWholeBudgetCools() {
        let schedule = CoolingSchedule(start: 50, end: 0.5, begins: 0)
        #expect(abs(schedule.temperature(0.5) - 5) < 1e-9)
        #expect(abs(schedule.walked(0.25) - 0.25) < 1e-12)
    }

    /// A schedule continued from 55 % of its walk starts where the whole one is at 55 %
    /// (100 → 1: 100 × 0.01^0.55 ≈ 7.94) and ends at the same temperature; continued from
    /// nothing it is the whole one, and a share past the ends is clamped.
    @Test func aContinuedScheduleStartsWhereTheWholeOneIs() {
        let whole = CoolingSchedule(start: 100, end: 1, begins: 0)
        let rest = whole.continued(from: 0.55)
        #expect(abs(rest.start - whole.temperature(0.55)) < 1e-9)
        #expect(abs(rest.start - 7.943_282_347) < 1e-6)
        #expect(rest.end == 1 && rest.begins == 0)
        #expect(abs(rest.temperature(1) - 1) < 1e-9)
        #expect(rest.temperature(0.5) < whole.temperature(0.5))
        #expect(whole.continued(from: 0).start == 100)
        #expect(abs(whole.continued(from: 1.5).start - 1) < 1e-9 && whole.continued(from: -1).start == 100)
    }
}
