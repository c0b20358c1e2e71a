import DispatchModel

/// Writes a ``Plan`` as JSON (`"routes"`, `"unassigned"`, `"summary"`), deterministically.
public enum PlanWriter {
    /// The plan JSON text.
    public static func json(_ plan: Plan, scenarioName: String) -> String {
        func minutes(_ x: Double) -> JSONValue { .number((x * 100).rounded() / 100) }
        let routes = plan.routes.map { route in
            JSONValue.object([
                "courier": .string(route.courier),
                "departure": minutes(route.departure),
                "return": minutes(route.returnTime),
                "distance": .number((route.distance * 1000).rounded() / 1000),
                "stops": .array(route.stops.map { visit in
                    .object([
                        "id": .string(visit.id), "arrival": minutes(visit.arrival), "start": minutes(visit.start),
                        "departure": minutes(visit.departure), "eta": .string(Clock.format(visit.start)),
                        "lateness": visit.lateness > 0 ? minutes(visit.lateness) : nil,
                    ])
                }),
            ])
        }
        let summary = JSONValue.object([
            "scenario": .string(scenarioName),
            "couriersUsed": .number(Double(plan.couriersUsed)),
            "distance": .number((plan.distance * 1000).rounded() / 1000),
            "duration": minutes(plan.duration),
            "lateness": minutes(plan.lateness),
            "unassigned": .number(Double(plan.unassigned.count)),
            "cost": .number((plan.cost * 1000).rounded() / 1000),
        ])
        return JSONWriter.write(.object([
            "format": .string("dispatchdesk.plan/1"),
            "summary": summary,
            "routes": .array(routes),
            "unassigned": .array(plan.unassigned.map { .object(["id": .string($0.id), "reason": .string($0.reason)]) }),
        ]))
    }
}
