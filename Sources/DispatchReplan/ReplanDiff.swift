import DispatchModel
import DispatchPlan

/// What a replan changed, for the desk: stops moved between couriers, ETAs that moved by more
/// than ``etaThreshold`` minutes, promises that cannot be kept (whom to call or text), failures
/// reported, the slots given to new requests, and couriers back after their shift.
public struct ReplanDiff: Sendable, Equatable {
    /// ETA changes at most this many minutes are not news.
    public static let etaThreshold = 15.0
    /// The format of the diff file.
    public static let format = "dispatchdesk.replan-diff/1"

    /// A stop given to another courier.
    public struct Move: Sendable, Equatable {
        /// Stop id; the courier it had; the courier it has now.
        public var id: String, from: String, to: String
    }
    /// A stop whose ETA moved.
    public struct ETAChange: Sendable, Equatable {
        /// Stop id and its courier now.
        public var id: String, courier: String
        /// The old and the new ETA (minutes since midnight).
        public var from: Double, to: Double
    }
    /// A promise (or a slot told to the customer) that the new plan does not keep.
    public struct BrokenPromise: Sendable, Equatable {
        /// Stop id and its customer.
        public var id: String, customer: String?
        /// How to reach the customer: a call for those who asked to be called first (the elderly), else SMS.
        public var contact: ContactMethod
        /// The promise or slot.
        public var promise: TimeWindow
        /// The new ETA, or `nil` when the stop is not served today.
        public var eta: Double?
        /// Why, in words.
        public var reason: String
    }
    /// A new request and what to tell its customer.
    public struct NewStop: Sendable, Equatable {
        /// Stop id, its courier (or `nil`: not served today), its slot and ETA.
        public var id: String, courier: String?, slot: TimeWindow?, eta: Double?
    }
    /// A failure reported by a handheld.
    public struct Failure: Sendable, Equatable {
        /// Stop id, when, why, and what happens now.
        public var id: String, time: Double, reason: String, outcome: String
    }

    /// A courier back after its shift ends because of what already happened (a late scan far out):
    /// overtime to agree with the courier.
    public struct LateBack: Sendable, Equatable {
        /// Courier id.
        public var courier: String
        /// When it is back (at the outlet, or its end place), and when its shift ends (minutes since midnight).
        public var back: Double, shiftEnd: Double
        /// Minutes of overtime.
        public var minutes: Double { back - shiftEnd }
    }

    /// The moment of the replan.
    public var now: Double
    /// Stops moved between couriers.
    public var moved: [Move] = []
    /// ETAs moved by more than ``etaThreshold`` minutes (stops still to visit).
    public var etaChanged: [ETAChange] = []
    /// Promises that cannot be kept.
    public var promisesBroken: [BrokenPromise] = []
    /// New requests.
    public var newStops: [NewStop] = []
    /// Failures this replan learnt of.
    public var failures: [Failure] = []
    /// Couriers back after their shift ends.
    public var lateBack: [LateBack] = []
    /// Stops still to visit that kept their courier, and all stops still to visit in both plans.
    public var keptCourier = 0, comparable = 0

    /// An empty diff (nothing changed).
    public init(now: Double) { self.now = now }

    /// The changes from `old` to `new`.
    public init(old: Plan, new: Plan, scenario: Scenario, now: Double, failures: [String: (time: Double, reason: String)],
                newStops: Set<String>) {
        self.now = now
        var before: [String: (courier: String, eta: Double)] = [:]
        for route in old.routes { for visit in route.stops where !visit.isRecorded { before[visit.id] = (route.courier, visit.start) } }
        var stopByID: [String: Stop] = [:]
        for stop in scenario.stops where stopByID[stop.id] == nil { stopByID[stop.id] = stop }
        var routedNow: [String: (courier: String, visit: Plan.Visit)] = [:]
        for route in new.routes {
            for visit in route.stops {
                routedNow[visit.id] = (route.courier, visit)
                guard !visit.isRecorded else { continue }
                if let was = before[visit.id] {
                    comparable += 1
                    if was.courier == route.courier { keptCourier += 1 } else { moved.append(Move(id: visit.id, from: was.courier, to: route.courier)) }
                    if abs(visit.start - was.eta) > Self.etaThreshold {
                        etaChanged.append(ETAChange(id: visit.id, courier: route.courier, from: was.eta, to: visit.start))
                    }
                }
                if let promise = visit.slot ?? visit.promise, visit.breaksPromise {
                    promisesBroken.append(BrokenPromise(id: visit.id, customer: stopByID[visit.id]?.customer,
                                                        contact: stopByID[visit.id]?.contact ?? .sms, promise: promise, eta: visit.start,
                                                        reason: visit.late > 0 ? "\(Int(visit.late.rounded(.up))) min late" : "\(Int(visit.early.rounded(.up))) min early"))
                }
            }
        }
        // The slots told to customers are promises too, also for stops that left their trip.
        var slotOf: [String: TimeWindow] = [:]
        for route in old.routes { for visit in route.stops { if let slot = visit.slot { slotOf[visit.id] = slot } } }
        for u in new.unassigned {
            comparable += before[u.id] == nil ? 0 : 1
            guard let stop = stopByID[u.id], let promise = slotOf[u.id] ?? stop.promise, failures[u.id] == nil || scenario.outlet.failedDelivery == .retry else { continue }
            promisesBroken.append(BrokenPromise(id: u.id, customer: stop.customer, contact: stop.contact, promise: promise, eta: nil,
                                                reason: "not served today: " + u.reason))
        }
        for id in newStops.sorted() {
            let routed = routedNow[id]
            self.newStops.append(NewStop(id: id, courier: routed?.courier, slot: routed?.visit.slot, eta: routed?.visit.start))
        }
        let retry = scenario.outlet.failedDelivery == .retry
        for (id, failure) in failures.sorted(by: { $0.key < $1.key }) {
            let outcome: String
            if !retry { outcome = "back to the outlet" } else if let routed = routedNow[id] {
                outcome = "retry by \(routed.courier) at \(Clock.format(routed.visit.start))"
            } else {
                outcome = "retry does not fit today"
            }
            self.failures.append(Failure(id: id, time: failure.time, reason: failure.reason, outcome: outcome))
        }
        for courier in scenario.couriers {
            guard let back = new.routes.first(where: { $0.courier == courier.id })?.trips.last?.returnTime,
                  back > Double(courier.shift.end) + 1e-3 else { continue }
            lateBack.append(LateBack(courier: courier.id, back: back, shiftEnd: Double(courier.shift.end)))
        }
        moved.sort { $0.id < $1.id }
        etaChanged.sort { $0.id < $1.id }
        promisesBroken.sort { $0.id < $1.id }
    }

    /// Share of the stops still to visit (in both plans) that kept their courier; 1 when there are none.
    public var shareKeptCourier: Double { comparable == 0 ? 1 : Double(keptCourier) / Double(comparable) }

    /// The diff as text for the terminal.
    public var text: String {
        var lines = ["replan at \(Clock.format(now)): \(moved.count) stops moved between couriers, \(etaChanged.count) ETAs changed by more than \(Int(Self.etaThreshold)) min, \(promisesBroken.count) promises cannot be kept"]
        for late in lateBack {
            lines.append("  \(late.courier) back at \(Clock.format(late.back)), \(Int(late.minutes.rounded(.up))) min after the shift ends at \(Clock.format(late.shiftEnd)): overtime")
        }
        for failure in failures { lines.append("  failed \(failure.id) at \(Clock.format(failure.time)) (\(failure.reason)): \(failure.outcome)") }
        for move in moved { lines.append("  moved \(move.id): \(move.from) → \(move.to)") }
        for change in etaChanged { lines.append("  ETA \(change.id) (\(change.courier)): \(Clock.format(change.from)) → \(Clock.format(change.to))") }
        for broken in promisesBroken {
            let channel = broken.contact == .call ? "call" : "SMS"
            lines.append("  \(channel) \(broken.customer ?? broken.id) about \(broken.id): promised \(broken.promise), \(broken.eta.map { "now " + Clock.format($0) } ?? "not today") (\(broken.reason))")
        }
        for stop in newStops {
            if let courier = stop.courier, let slot = stop.slot {
                lines.append("  new \(stop.id): \(courier), slot \(slot)\(stop.eta.map { ", ETA " + Clock.format($0) } ?? "")")
            } else {
                lines.append("  new \(stop.id): cannot be served today")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diff as JSON (`dispatchdesk.replan-diff/1`, see docs/formats.md).
    public func json(plan: String, previous: String) -> String {
        func minutes(_ x: Double) -> JSONValue { .number((x * 10_000).rounded() / 10_000) }
        return JSONWriter.write(.object([
            "format": .string(Self.format),
            "plan": .string(plan),
            "previous": .string(previous),
            "now": .string(Clock.format(now)),
            "keptCourier": .number(Double(keptCourier)),
            "stillToVisit": .number(Double(comparable)),
            "moved": .array(moved.map { .object(["id": .string($0.id), "from": .string($0.from), "to": .string($0.to)]) }),
            "etaChanged": .array(etaChanged.map {
                .object(["id": .string($0.id), "courier": .string($0.courier), "from": minutes($0.from), "to": minutes($0.to)])
            }),
            "promisesBroken": .array(promisesBroken.map {
                .object(["id": .string($0.id), "customer": $0.customer.map(JSONValue.string), "contact": .string($0.contact.rawValue),
                         "promise": .string($0.promise.description), "eta": $0.eta.map(minutes), "reason": .string($0.reason)])
            }),
            "newStops": .array(newStops.map {
                .object(["id": .string($0.id), "courier": $0.courier.map(JSONValue.string), "slot": $0.slot.map { .string($0.description) },
                         "eta": $0.eta.map(minutes)])
            }),
            "failures": .array(failures.map {
                .object(["id": .string($0.id), "time": minutes($0.time), "reason": .string($0.reason), "outcome": .string($0.outcome)])
            }),
            "lateBack": .array(lateBack.map {
                .object(["courier": .string($0.courier), "back": minutes($0.back), "shiftEnd": minutes($0.shiftEnd), "minutes": minutes($0.minutes)])
            }),
        ]))
    }
}
