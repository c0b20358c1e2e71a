/// How travel time and distance between two places are known.
public enum TravelModel: Sendable, Hashable, Codable {
    /// Great-circle distance × `detourFactor` (streets are not straight), ridden at the courier's
    /// speed × `speedFactor` (below 1 in rain).
    case haversine(detourFactor: Double, speedFactor: Double)
    /// Planar Euclidean distance; time = distance / `unitsPerMinute` (Solomon instances: 1).
    case euclidean(unitsPerMinute: Double)
    /// A measured matrix (exported from OSRM or Valhalla) keyed by stop and outlet ids.
    case matrix(TravelMatrix)

    /// The default for an outlet: detour factor 1.3, no weather slowdown.
    public static let streets = TravelModel.haversine(detourFactor: 1.3, speedFactor: 1)
    /// The detour factors a scenario may give: streets are at least as long as the straight line,
    /// and ten times longer is a typo.
    public static let detourFactors: ClosedRange<Double> = 1...10
    /// The speed factors a scenario may give: a twentieth of the speed (a blizzard) to ten times.
    public static let speedFactors: ClosedRange<Double> = 0.05...10
}

/// Travel minutes and kilometres between named places, as read from a matrix CSV.
public struct TravelMatrix: Sendable, Hashable, Codable {
    /// Place ids (stop ids and the outlet id) in index order.
    public var ids: [String]
    /// Row-major minutes, `ids.count`².
    public var minutes: [Double]
    /// Row-major kilometres, `ids.count`².
    public var kilometres: [Double]

    /// A matrix over `ids`; both arrays are row-major and `ids.count`² long.
    public init(ids: [String], minutes: [Double], kilometres: [Double]) {
        self.ids = ids
        self.minutes = minutes
        self.kilometres = kilometres
    }
}
