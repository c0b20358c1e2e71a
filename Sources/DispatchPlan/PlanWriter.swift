import DispatchModel

/// Writes a ``Plan`` as `dispatchdesk.plan/2` JSON, deterministically (docs/formats.md).
public enum PlanWriter {
    /// The plan JSON text.
    public static func json(_ plan: Plan) -> String {
        JSONWriter.write(value(plan))
    }

    /// The plan as a JSON value.
    public static func value(_ plan: Plan) -> JSONValue {
        let routes = plan.routes.map { route in
            JSONValue.object([
                "courier": .string(route.courier),
                "shiftStart": minutes(route.shiftStart),
                "reloadMinutes": tenths(route.reloadMinutes),
                "departure": minutes(route.departure),
                "return": minutes(route.returnTime),
                "workingMinutes": tenths(route.workingMinutes),
                "dayMinutes": tenths(route.dayMinutes),
                "ridingMinutes": tenths(route.ridingMinutes),
                "waitingMinutes": tenths(route.waitingMinutes),
                "serviceMinutes": tenths(route.serviceMinutes),
                "km": .number((route.distance * 1000).rounded() / 1000),
                "stops": .number(Double(route.stops.count)),
                "trips": .array(route.trips.map(trip)),
            ])
        }
        let summary = JSONValue.object([
            "couriersOut": .number(Double(plan.couriersUsed)),
            "trips": .number(Double(plan.tripCount)),
            "stops": .number(Double(plan.routes.reduce(0) { $0 + $1.stops.count })),
            "unassigned": .number(Double(plan.unassigned.count)),
            "promisesKept": .number(Double(plan.promisesKept)),
            "promisesBroken": .number(Double(plan.promisesBroken)),
            "lateMinutes": tenths(plan.lateness),
            "earlyMinutes": tenths(plan.earliness),
            "latestReturn": minutes(plan.latestReturn),
            "longestWorkingMinutes": tenths(plan.longestWorkingMinutes),
            "meanWorkingMinutes": tenths(plan.meanWorkingMinutes),
            "workingMinutesSpread": tenths(plan.workingMinutesSpread),
            "km": .number((plan.distance * 1000).rounded() / 1000),
            "cost": .number((plan.cost * 1000).rounded() / 1000),
        ])
        // Timings are printed, not written: the same scenario and seed give the same file.
        let statistics = JSONValue.object(plan.statistics.keys.sorted().filter { !$0.lowercased().hasSuffix("seconds") }.map { key in
            (key: key, node: JSONNode(.number(((plan.statistics[key] ?? 0) * 10_000).rounded() / 10_000)))
        })
        return .object([
            "format": .string(Plan.format),
            "name": .string(plan.name),
            "scenario": plan.scenario.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) },
            "objective": .string(plan.objective),
            "summary": summary,
            "statistics": statistics,
            "routes": .array(routes),
            "unassigned": .array(plan.unassigned.map { .object(["id": .string($0.id), "reason": .string($0.reason)]) }),
        ])
    }

    static func trip(_ trip: Plan.Trip) -> JSONValue {
        .object([
            "departure": minutes(trip.departure),
            "return": minutes(trip.returnTime),
            "loadKg": tenths(trip.loadKg),
            "peakKg": tenths(trip.peakKg),
            "peakLitres": tenths(trip.peakLitres),
            "resume": trip.resume.map { resume in
                var fields: [(key: String, node: JSONNode)] = [("after", JSONNode(.number(Double(resume.afterStops)))),
                                                               ("time", JSONNode(minutes(resume.time)))]
                switch resume.location {
                case .geographic(let p): fields += [("lat", JSONNode(.number(p.lat))), ("lon", JSONNode(.number(p.lon)))]
                case .planar(let p): fields += [("x", JSONNode(.number(p.x))), ("y", JSONNode(.number(p.y)))]
                }
                if let stop = resume.stop { fields.append(("stop", JSONNode(.string(stop)))) }
                return .object(fields)
            },
            "stops": .array(trip.stops.map(visit)),
        ])
    }

    static func visit(_ visit: Plan.Visit) -> JSONValue {
        .object([
            "id": .string(visit.id),
            "eta": .string(Clock.format(visit.start)),
            "arrival": minutes(visit.arrival),
            "start": minutes(visit.start),
            "departure": minutes(visit.departure),
            "window": visit.windows.isEmpty ? nil : .string(visit.windows.map(\.description).joined(separator: ", ")),
            "promise": visit.promise.map { .string($0.description) },
            "slot": visit.slot.map { .string($0.description) },
            "early": tenths(visit.early),
            "late": tenths(visit.late),
            "status": .string(visit.status.rawValue),
        ])
    }

    /// Minutes since midnight with four decimals: enough for a re-read plan to pass the checker.
    static func minutes(_ x: Double) -> JSONValue { .number((x * 10_000).rounded() / 10_000) }
    static func tenths(_ x: Double) -> JSONValue { .number((x * 10).rounded() / 10) }
}
