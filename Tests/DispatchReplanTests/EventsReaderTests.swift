import DispatchModel
import DispatchPlan
import Testing
@testable import DispatchReplan

@Suite struct EventsReaderTests {
    static let plan = ReplanTestDays.planarPlan()
    /// The plan's couriers (shifts 08:00–20:00, 15 km/h) around a lat/lon outlet with a 3 km zone:
    /// positions are checked against it.
    static let day: Scenario = {
        var day = ReplanTestDays.planarDay()
        day.outlet.location = .geographic(lat: 30.2791, lon: 120.1312)
        day.outlet.zoneRadiusKm = 3
        day.travel = .streets
        return day
    }()

    @Test func readsDoneFailedAndPositions() throws {
        let text = "time,courier,stop,event,lat,lon,reason\n08:31:30,A,a1,failed,,,refused\n08:40,A,,position,30.27,120.13,\n"
        let events = try EventsReader.read(text: text, path: "e.csv", plan: Self.plan, scenario: Self.day, now: 540)
        #expect(events == [ReplanEvent(time: 511.5, courier: "A", stop: "a1", kind: .failed, reason: .refused, line: 2),
                           ReplanEvent(time: 520, courier: "A", kind: .position, location: .geographic(lat: 30.27, lon: 120.13), line: 3)])
    }

    @Test(arguments: [
        ("time,courier,stop,event,lat,lon\n08:40,A,zz,done,,\n", 2, "stop", "\"zz\" is not a stop of the plan"),
        ("time,courier,stop,event,lat,lon\n07:59,A,a1,done,,\n", 2, "time", "07:59 is before the plan's start (08:00)"),
        ("time,courier,stop,event,lat,lon\n09:01,A,a1,done,,\n", 2, "time", "09:01 is after --now (09:00)"),
        ("time,courier,stop,event,lat,lon\n08:10,A,a1,done,,\n08:20,A,x,done\n", 3, "csv", "4 field(s), but the header has 6"),
        ("time,courier,stop,event,lat,lon\n8h10,A,a1,done,,\n", 2, "time", "\"8h10\" is not a time HH:MM or HH:MM:SS"),
        ("time,courier,stop,event,lat,lon\n08:10,A,a1,arrived,,\n", 2, "event", "\"arrived\" is not one of done, failed, position"),
        ("time,courier,stop,event,lat,lon\n08:10,A,,position,,\n", 2, "lat", "a position needs lat and lon"),
        // A handheld's GPS glitch: null island, and a fix 200 km off, far beyond the 3 km zone plus 10 km.
        ("time,courier,stop,event,lat,lon\n08:10,A,a1,done,,\n08:30,A,,position,0,0\n", 3, "lat",
         "(0, 0) is 12864.2 km from the outlet; a courier is never more than 13.0 km from it"),
        ("time,courier,stop,event,lat,lon\n08:30,A,,position,32.08,120.13\n", 2, "lat", "(32.08, 120.13) is 200.3 km from the outlet"),
        ("time,courier,stop,event,lat,lon\n08:10,A,a1,done,,\n08:20,A,a1,done,,\n", 3, "stop", "a1 is already reported on line 2"),
        ("time,courier,stop,event,lat,lon,reason\n08:10,A,a1,failed,,,away\n", 2, "reason", "\"away\" is not one of not_home, refused, wrong_address"),
        ("time,courier,stop,event,lat,lon\n08:10,Z,a1,done,,\n", 2, "courier", "\"Z\" has no route in the plan"),
        ("time,courier,stop,event,lat\n", 1, "lon", "column is missing (expected time,courier,stop,event,lat,lon,reason)"),
    ])
    func badEventsNameTheFileLineAndField(text: String, line: Int, field: String, message: String) {
        #expect(throws: ReplanError.self) { try EventsReader.read(text: text, path: "events.csv", plan: Self.plan, scenario: Self.day, now: 540) }
        do {
            _ = try EventsReader.read(text: text, path: "events.csv", plan: Self.plan, scenario: Self.day, now: 540)
        } catch {
            guard case let .invalid(path, errorLine, errorField, errorMessage) = error else { Issue.record("\(error)"); return }
            #expect(path == "events.csv" && errorLine == line && errorField == field)
            #expect(errorMessage.contains(message), "\(errorMessage)")
        }
    }

    @Test func aPositionWithinTheOutletsAreaIsRead() throws {
        // 7.7 km out, beyond the 3 km zone but within its 10 km margin.
        let text = "time,courier,stop,event,lat,lon\n08:40,A,,position,30.34,120.17\n"
        let events = try EventsReader.read(text: text, path: "e.csv", plan: Self.plan, scenario: Self.day, now: 540)
        #expect(events.map(\.location) == [.geographic(lat: 30.34, lon: 120.17)])
    }

    @Test func aPositionFromWhichTheCourierCannotBeBackInTheShiftIsRead() throws {
        // 7.7 km out at 19:40: the ride back (40 min at 15 km/h on streets) ends after the shift at
        // 20:00. A courier running late is no bad GPS fix: the replan reports the overtime
        // (ReplannerTests.stopsTheCourierCannotServeInItsShiftLeaveTheTripWithAReason).
        let text = "time,courier,stop,event,lat,lon\n19:40,A,,position,30.34,120.17\n"
        let events = try EventsReader.read(text: text, path: "e.csv", plan: Self.plan, scenario: Self.day, now: 1190)
        #expect(events.map(\.location) == [.geographic(lat: 30.34, lon: 120.17)])
    }

    @Test func aPositionInLatLonOnAnXYDayIsAnError() {
        let text = "time,courier,stop,event,lat,lon\n08:40,A,,position,30.27,120.13\n"
        #expect {
            try EventsReader.read(text: text, path: "e.csv", plan: Self.plan, scenario: ReplanTestDays.planarDay(), now: 540)
        } throws: { error in
            error as? ReplanError == .invalid(path: "e.csv", line: 2, field: "lat", message: "a position in lat/lon, but the day's places are x/y")
        }
    }
}
