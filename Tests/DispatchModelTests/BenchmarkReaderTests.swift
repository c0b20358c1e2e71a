import Testing
@testable import DispatchModel

/// Solomon / Gehring–Homberger and Li & Lim: the depot found by its number, every number read or
/// its line reported, demands of the sign the format allows.
@Suite struct BenchmarkReaderTests {
    static func solomon(_ customers: [String], vehicles: String = "  25   200") -> String {
        (["C101", "", "VEHICLE", "NUMBER     CAPACITY", vehicles, "", "CUSTOMER",
          "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME", " "] + customers)
            .joined(separator: "\r\n") + "\r\n"
    }

    static let depot = "    0      40         50          0          0       1236          0"
    static let one = "    1      45         68         10        912        967         90"
    static let two = "    2      45         70         30        825        870         90"

    @Test func depotIsCustomerZeroWhereverItsRowIs() {
        let loaded = SolomonReader.read(text: Self.solomon([Self.one, Self.depot, Self.two]), path: "c.txt")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenario.outlet.location == .planar(x: 40, y: 50))
        #expect(loaded.scenario.stops.map(\.id) == ["1", "2"])
        #expect(loaded.scenario.stops.first?.location == .planar(x: 45, y: 68))
    }

    @Test func withoutADepotRowNothingIsPlanned() {
        // Before, customer 1 silently became the depot.
        let loaded = SolomonReader.read(text: Self.solomon([Self.one, Self.two]), path: "c.txt")
        #expect(loaded.errors.map(\.description) == ["c.txt:0: CUSTOMER: no depot row: customer 0 is the depot and must be listed"])
        #expect(loaded.scenario.stops.isEmpty)
    }

    @Test func aDemandWrittenInWordsIsAnErrorNamingTheLine() {
        // Before, the line was skipped and the customer vanished with exit 0.
        let loaded = SolomonReader.read(text: Self.solomon([Self.depot, "    1      45         68        ten        912        967         90", Self.two]),
                                        path: "c.txt")
        #expect(loaded.errors.map(\.description) == [#"c.txt:11: DEMAND: "ten" is not a number"#])
    }

    @Test(arguments: [
        ("    1      45         68        -10        912        967         90", "DEMAND: customer 1: demand -10 is negative"),
        ("    1      45         68         10        912.5      967         90", "READY TIME: customer 1: 912.5 is not a whole minute"),
        ("    1      45         68         10        912        967         -1", "SERVICE TIME: customer 1: service time -1 is not between 0"),
        ("    1      2e9        68         10        912        967         90", "x: stop 1: coordinates (2000000000.0, 68.0) are out of range"),
        ("    1      45         68         10        968        967         90", "DUE DATE: customer 1: ready time after due date"),
        ("    1      45         68         10        912        967", "CUSTOMER: expected 7 numbers"),
        ("    1      45         68         10        912        967         90   3", "CUSTOMER: expected 7 numbers"),
        ("    1      45         68         0x10      912        967         90", #"DEMAND: "0x10" is not a number"#),
        ("    1      nan        68         10        912        967         90", #"XCOORD.: "nan" is not a number"#),
        ("    1.5    45         68         10        912        967         90", "CUST NO.: \"1.5\" is not a customer number"),
        ("    0      45         68         10        912        967         90", "CUST NO.: customer 0 appears twice (first on line 10)"),
    ])
    func everyBadFieldIsReportedOnItsLine(_ row: String, _ message: String) {
        let loaded = SolomonReader.read(text: Self.solomon([Self.depot, row]), path: "c.txt")
        #expect(loaded.errors.contains { $0.description.hasPrefix("c.txt:11: " + message) }, "\(loaded.errors)")
    }

    @Test func aFleetThatIsNotAWholeNumberIsAnError() {
        let loaded = SolomonReader.read(text: Self.solomon([Self.depot, Self.one], vehicles: "  2.5   200"), path: "c.txt")
        #expect(loaded.errors.first?.description.hasPrefix("c.txt:5: NUMBER:") == true, "\(loaded.errors)")
    }

    static func liLim(_ tasks: [String]) -> String { (["2\t50\t1", "0\t0\t0\t0\t0\t100\t0\t0\t0"] + tasks).joined(separator: "\n") + "\n" }

    @Test func liLimPairsNameEachOtherWithOppositeDemands() {
        let good = LiLimReader.read(text: Self.liLim(["1\t1\t1\t5\t0\t50\t1\t0\t2", "2\t2\t2\t-5\t0\t80\t1\t1\t0"]), path: "l.txt")
        #expect(good.errors.isEmpty, "\(good.errors)")
        #expect(good.scenario.stops.map(\.kind) == [.shipmentPickup, .shipmentDelivery])
        #expect(good.scenario.stops.map(\.location) == [.planar(x: 1, y: 1), .planar(x: 2, y: 2)])
    }

    @Test(arguments: [
        (["1\t1\t1\t5\t0\t50\t1\t0\t2", "2\t2\t2\t5\t0\t80\t1\t1\t0"], "l.txt:4: pickup: task 2: a pickup (demand > 0) must have 0 in the pickup column"),
        (["1\t1\t1\t5\t0\t50\t1\t0\t2", "2\t2\t2\t-4\t0\t80\t1\t1\t0"], "l.txt:3: demand: task 1: demand 5 does not balance its partner 2's -4"),
        (["1\t1\t1\t0\t0\t50\t1\t0\t2"], "l.txt:3: demand: task 1: demand 0 is neither a pickup (> 0) nor a delivery (< 0)"),
        (["1\t1\t1\tfive\t0\t50\t1\t0\t2"], #"l.txt:3: demand: "five" is not a number"#),
        (["1\t1\t1\t5\t0\t50.5\t1\t0\t2"], "l.txt:3: latest: task 1: 50.5 is not a whole minute"),
    ])
    func liLimRowsOfTheWrongSignOrShapeAreErrors(_ tasks: [String], _ message: String) {
        let loaded = LiLimReader.read(text: Self.liLim(tasks), path: "l.txt")
        #expect(loaded.errors.contains { $0.description.hasPrefix(message) }, "\(loaded.errors)")
    }

    @Test func liLimDetectionSkipsBlankLinesWithoutTrapping() throws {
        // Found by the Li & Lim fuzzer (crash-eb8953b3…): a blank first line made the detector
        // index a lazy view past its end and trap.
        let crash: [UInt8] = [0x0D, 0x35, 0xFF, 0xFF, 0x03, 0xFF, 0x09, 0x32, 0x00, 0x0A] + Array(repeating: 0, count: 40) + [0x38, 0x21]
        let text = String(decoding: crash, as: UTF8.self)
        #expect(!LiLimReader.looksLikeLiLim(text))
        #expect(!LiLimReader.read(text: text, path: "l.txt").errors.isEmpty)
        #expect(LiLimReader.looksLikeLiLim("\r\n\n2\t50\t1\n\n0\t0\t0\t0\t0\t100\t0\t0\t0\n"))
        #expect(!LiLimReader.looksLikeLiLim("\n2\t50\t1\n"))
    }

    @Test func liLimWithoutTaskZeroHasNoDepot() {
        let loaded = LiLimReader.read(text: "2\t50\t1\n1\t1\t1\t5\t0\t50\t1\t0\t2\n2\t2\t2\t-5\t0\t80\t1\t1\t0\n", path: "l.txt")
        #expect(loaded.errors.map(\.description) == ["l.txt:0: task: no depot row: task 0 is the depot and must be listed"])
    }

    @Test func thousandCustomerFilesRead() {
        // Gehring–Homberger 1,000 and Li & Lim 1,000 layouts: wider numbers, same columns.
        var rows = ["    0     250        250          0          0       3000          0"]
        for k in 1...1000 {
            rows.append("  \(k)     \(k % 500)        \((k * 7) % 500)         \(10 + k % 30)        \(k)       \(k + 1500)         90")
        }
        let homberger = SolomonReader.read(text: Self.solomon(rows, vehicles: " 250          200"), path: "C1_10_1.TXT")
        #expect(homberger.errors.isEmpty, "\(homberger.errors.prefix(3))")
        #expect(homberger.scenario.stops.count == 1000)
        #expect(homberger.scenario.couriers.count == 250)

        var tasks = ["100\t200\t1", "0\t250\t250\t0\t0\t3000\t0\t0\t0"]
        for k in stride(from: 1, through: 1000, by: 2) {
            tasks.append("\(k)\t\(k % 500)\t\((k * 3) % 500)\t10\t0\t2000\t90\t0\t\(k + 1)")
            tasks.append("\(k + 1)\t\((k * 5) % 500)\t\(k % 499)\t-10\t0\t2900\t90\t\(k)\t0")
        }
        let liLim = LiLimReader.read(text: tasks.joined(separator: "\r\n"), path: "LC1_10_1.txt")
        #expect(liLim.errors.isEmpty, "\(liLim.errors.prefix(3))")
        #expect(liLim.scenario.stops.count == 1000)
        #expect(Set(liLim.scenario.stops.compactMap(\.shipment)).count == 500)
    }
}
