/// The checks that make a scenario plannable, beyond reading its fields.
public enum ScenarioValidator {
    /// Findings about `loaded.scenario`, each naming the file, line and field.
    public static func validate(_ loaded: LoadedScenario) -> [Diagnostic] {
        let log = DiagnosticLog()
        let scenario = loaded.scenario
        let couriers = scenario.couriers
        let fallback = SourceLocation(file: "scenario", line: 0)
        func stopSource(_ i: Int) -> SourceLocation { i < loaded.stopSources.count ? loaded.stopSources[i] : fallback }
        func courierSource(_ i: Int) -> SourceLocation { i < loaded.courierSources.count ? loaded.courierSources[i] : fallback }
        let mainFile = loaded.courierSources.first?.file ?? loaded.stopSources.first?.file ?? "scenario"

        // An empty list or a missing key is the reader's error, on its line; couriers that could not
        // be read are each an error of their own.
        if couriers.isEmpty, loaded.errors.isEmpty {
            log.error(mainFile, 0, "couriers", "no couriers: nothing can be planned")
        }

        // Duplicate ids.
        var firstCourier: [String: Int] = [:]
        for (i, courier) in couriers.enumerated() {
            if let j = firstCourier[courier.id] {
                let src = courierSource(i), first = courierSource(j)
                log.error(src.file, src.line(of: "id"), "id", "duplicate courier id \"\(courier.id)\" (first at \(first.file):\(first.line))")
            } else {
                firstCourier[courier.id] = i
            }
        }
        var firstStop: [String: Int] = [:]
        for (i, stop) in scenario.stops.enumerated() {
            if let j = firstStop[stop.id] {
                let src = stopSource(i), first = stopSource(j)
                log.error(src.file, src.line(of: "id"), "id", "duplicate stop id \"\(stop.id)\" (first at \(first.file):\(first.line))")
            } else {
                firstStop[stop.id] = i
            }
        }

        // Couriers' own sanity.
        for (i, courier) in couriers.enumerated() where courier.shift.start >= courier.shift.end {
            let src = courierSource(i)
            log.error(src.file, src.line(of: "shift"), "shift", "courier \(courier.id): the shift \(courier.shift) is empty")
        }

        let maxKg = couriers.map(\.capacityKg).max() ?? 0
        let maxLitres: Double? = couriers.contains { $0.capacityLitres == nil } ? nil : couriers.compactMap(\.capacityLitres).max()
        let allSkills = Set(couriers.flatMap(\.skills))
        let earliestShift = couriers.map(\.shift.start).min() ?? scenario.outlet.day.start
        let latestShift = couriers.map(\.shift.end).max() ?? scenario.outlet.day.end

        var shipmentHalves: [String: (pickups: [Int], deliveries: [Int])] = [:]
        // Stops whose fastest ride from the outlet is longer than ``Scenario/longestRideMinutes``.
        var tooFar: [(index: Int, minutes: Double)] = []
        let rides = OutletRides(scenario)
        for (i, stop) in scenario.stops.enumerated() {
            let src = stopSource(i)
            let who = "stop \(stop.id)"
            // Degrees are checked only where the numbers are degrees; planar x/y need only be finite.
            if !stop.location.isValid {
                let field = stop.location.isGeographic ? "lat" : "x"
                let range = stop.location.isGeographic ? "out of range (latitude -90…90, longitude -180…180)" : "out of range (±1e9)"
                log.error(src.file, src.line(of: field), field, "\(who): coordinates \(stop.location.coordinateText) are \(range)")
            }
            if stop.location.isGeographic != scenario.outlet.location.isGeographic {
                let field = stop.location.isGeographic ? "lat" : "x"
                log.error(src.file, src.line(of: field), field,
                          "\(who): \(stop.location.isGeographic ? "lat/lon" : "x/y") coordinates, but the outlet has \(stop.location.isGeographic ? "x/y" : "lat/lon"); one scenario uses one kind")
            }
            if !couriers.isEmpty {
                let reachable = stop.windows.contains { window in
                    couriers.contains { window.start <= $0.shift.end && window.end >= $0.shift.start }
                }
                if !reachable {
                    let phrase = stop.windowPhrase.map { "\"\($0)\" " } ?? ""
                    log.error(src.file, src.line(of: "window"), "window",
                              "\(who): window \(phrase)(\(stop.windows.map(\.description).joined(separator: ", "))) lies outside every courier's shift (\(Clock.format(earliestShift))-\(Clock.format(latestShift)))")
                }
                if stop.weightKg > maxKg {
                    log.error(src.file, src.line(of: "weightKg"), "weightKg",
                              "\(who): \(JSONWriter.formatNumber(stop.weightKg)) kg is more than any courier can carry (largest: \(JSONWriter.formatNumber(maxKg)) kg)")
                }
                if let maxLitres, stop.volumeLitres > maxLitres {
                    log.error(src.file, src.line(of: "volumeLitres"), "volumeLitres",
                              "\(who): \(JSONWriter.formatNumber(stop.volumeLitres)) L is bulkier than any courier can carry (largest: \(JSONWriter.formatNumber(maxLitres)) L)")
                }
                for skill in stop.requiredSkills where !allSkills.contains(skill) {
                    log.error(src.file, src.line(of: "skills"), "skills", "\(who): needs skill \"\(skill)\", which no courier has")
                }
            }
            if stop.location.isValid, let radius = scenario.outlet.zoneRadiusKm, !scenario.isInZone(stop) {
                let km = scenario.outlet.location.kilometres(to: stop.location)
                log.warning(src.file, src.line(of: "lat"), "lat",
                            "\(who): \(format1(km)) km from the outlet, outside the \(format1(radius)) km zone; it will not be routed and is listed as unassigned")
            }
            if let promise = stop.promise, !stop.windows.contains(where: { $0.overlaps(promise) }) {
                log.warning(src.file, src.line(of: "promise"), "promise",
                            "\(who): the promised slot \(promise) lies outside the customer's window")
            }
            if stop.location.isValid, let ride = rides.fastest(to: stop), !(ride <= Scenario.longestRideMinutes) {
                tooFar.append((i, ride))
            }
            // Promises and windows that no courier can reach in time: the earliest shift start plus
            // the ride from the outlet (or, for a parcel on a later truck, its arrival plus the ride).
            if stop.location.isValid, scenario.isInZone(stop), let earliest = rides.earliestArrival(at: stop) {
                if let promise = stop.promise, Double(promise.end) < earliest - 1e-9 {
                    log.warning(src.file, src.line(of: "promise"), "promise",
                                "\(who): the promised slot \(promise) ends before any courier can get there (\(Clock.format(earliest)) at the earliest)")
                }
                if let last = stop.windows.map(\.end).max(), Double(last) < earliest - 1e-9 {
                    log.warning(src.file, src.line(of: "window"), "window",
                                "\(who): every window ends before any courier can get there (\(Clock.format(earliest)) at the earliest)")
                }
            }
            switch stop.kind {
            case .shipmentPickup, .shipmentDelivery:
                guard let shipment = stop.shipment else {
                    log.error(src.file, src.line(of: "kind"), "shipment", "\(who): a \(stop.kind.rawValue) needs a \"shipment\" id shared with its other half")
                    continue
                }
                var halves = shipmentHalves[shipment] ?? ([], [])
                if stop.kind == .shipmentPickup { halves.pickups.append(i) } else { halves.deliveries.append(i) }
                shipmentHalves[shipment] = halves
            case .delivery, .pickup:
                break
            }
        }
        if let (first, minutes) = tooFar.first {
            let src = stopSource(first)
            let days = minutes < 1e6 * 24 * 60 ? "\(format1(minutes / (24 * 60))) days" : "more than a million days"
            let others = tooFar.count > 1 ? " (and \(tooFar.count - 1) other stop(s))" : ""
            log.error(src.file, src.line(of: "id"), "travel",
                      "stop \(scenario.stops[first].id)\(others): the fastest ride from the outlet takes \(days), more than a week: check the travel model's speedFactor or unitsPerMinute and the couriers' speedKmh")
        }
        for (shipment, halves) in shipmentHalves.sorted(by: { $0.key < $1.key }) where halves.pickups.count != 1 || halves.deliveries.count != 1 {
            let i = (halves.pickups + halves.deliveries).min() ?? 0
            let src = stopSource(i)
            log.error(src.file, src.line(of: "shipment"), "shipment",
                      "shipment \"\(shipment)\" has \(halves.pickups.count) pickup(s) and \(halves.deliveries.count) delivery(ies); it needs exactly one of each")
        }

        if case .haversine = scenario.travel, !scenario.outlet.location.isGeographic {
            log.error(mainFile, 0, "travel", "planar x/y coordinates have no great-circle distance: use the \"euclidean\" or \"matrix\" travel model")
        }
        if case .matrix(let matrix) = scenario.travel {
            let known = Set(matrix.ids)
            let missing = ([scenario.outlet.id] + scenario.stops.map(\.id)).filter { !known.contains($0) }
            if let first = missing.first {
                log.error(mainFile, 0, "travel", "the travel matrix has no rows for \(missing.count) place(s), e.g. \"\(first)\"")
            }
        }
        return log.items
    }

    /// The earliest minute any courier can arrive at `stop`: a shift start (or, for a delivery on
    /// a later truck, its `availableFrom`) plus the ride from the outlet; `nil` for a measured
    /// matrix or no couriers.
    /// The couriers' rides from the outlet, priced once per riding speed: a day of a thousand
    /// couriers rides at a few speeds (before, each stop priced a ride for every courier, twice).
    struct OutletRides {
        let scenario: Scenario
        /// One courier for each distinct speed.
        let riders: [Courier]
        /// Each courier's shift start and the index of its speed among `riders`.
        let couriers: [(shiftStart: Double, speed: Int)]

        init(_ scenario: Scenario) {
            self.scenario = scenario
            var riders: [Courier] = [], index: [Double: Int] = [:], couriers: [(Double, Int)] = []
            for courier in scenario.couriers {
                let k = index[courier.speedKmh] ?? riders.count
                if k == riders.count { riders.append(courier); index[courier.speedKmh] = k }
                couriers.append((Double(courier.shift.start), k))
            }
            self.riders = riders
            self.couriers = couriers
        }

        /// Minutes from the outlet to `stop` at each speed; `nil` on a matrix day (the matrix
        /// reader checks its own minutes) or without couriers.
        func minutes(to stop: Stop) -> [Double]? {
            if case .matrix = scenario.travel { return nil }
            guard !riders.isEmpty else { return nil }
            return riders.map {
                scenario.ride(from: scenario.outlet.location, fromID: scenario.outlet.id, to: stop.location, toID: stop.id, courier: $0).minutes
            }
        }

        /// The fastest courier's ride from the outlet to `stop`.
        func fastest(to stop: Stop) -> Double? { minutes(to: stop)?.min() }

        /// The earliest any courier can be at `stop`: its shift start (or, for a parcel on a later
        /// truck, its arrival at the outlet) plus the ride.
        func earliestArrival(at stop: Stop) -> Double? {
            guard let rides = minutes(to: stop) else { return nil }
            let truck = stop.kind == .delivery ? Double(stop.availableFrom ?? 0) : 0
            return couriers.map { max($0.shiftStart, truck) + rides[$0.speed] }.min()
        }
    }

    /// `x` with one decimal; beyond a trillion (or not finite) in Swift's own form, as rounding
    /// it to an `Int` would trap.
    static func format1(_ x: Double) -> String {
        guard abs(x) < 1e12 else { return JSONWriter.formatNumber(x) }
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
