import DispatchModel
import DispatchPlan
import Testing
@testable import DispatchReplan

@Suite struct EventsReaderTests {
    static let plan = ReplanTestDays.planarPlan()

    @Test func readsDoneFailedAndPositions() throws {
        let text = "time,courier,stop,event,lat,lon,reason\n08:31:30,A,a1,failed,,,refused\n08:40,A,,position,30.27,120.13,\n"
        let events = try EventsReader.read(text: text, path: "e.csv", plan: Self.plan, now: 540)
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
        ("time,courier,stop,event,lat,lon\n08:10,A,a1,done,,\n08:20,A,a1,done,,\n", 3, "stop", "a1 is already reported on line 2"),
        ("time,courier,stop,event,lat,lon,reason\n08:10,A,a1,failed,,,away\n", 2, "reason", "\"away\" is not one of not_home, refused, wrong_address"),
        ("time,courier,stop,event,lat,lon\n08:10,Z,a1,done,,\n", 2, "courier", "\"Z\" has no route in the plan"),
        ("time,courier,stop,event,lat\n", 1, "lon", "column is missing (expected time,courier,stop,event,lat,lon,reason)"),
    ])
    func badEventsNameTheFileLineAndField(text: String, line: Int, field: String, message: String) {
        #expect(throws: ReplanError.self) { try EventsReader.read(text: text, path: "events.csv", plan: Self.plan, now: 540) }
        do {
            _ = try EventsReader.read(text: text, path: "events.csv", plan: Self.plan, now: 540)
        } catch {
            guard case let .invalid(path, errorLine, errorField, errorMessage) = error else { Issue.record("\(error)"); return }
            #expect(path == "events.csv" && errorLine == line && errorField == field)
            #expect(errorMessage.contains(message), "\(errorMessage)")
        }
    }
}
