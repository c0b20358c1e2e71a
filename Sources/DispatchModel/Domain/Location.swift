/// Where a place is: a point on the Earth (outlet days) or a point on a plane (literature instances).
///
/// The two kinds never mix in one scenario: a geographic point is checked as degrees and measured
/// along the Earth's surface, a planar one is any finite x/y and measured with a ruler. Solomon,
/// Gehring–Homberger and Li & Lim files give planar points; the scenario JSON gives geographic ones.
///
/// ```swift
/// let outlet = Location.geographic(lat: 30.2791, lon: 120.1312)
/// let depot = Location.planar(x: 35, y: 35)
/// depot.planarDistance(to: .planar(x: 38, y: 39)) // 5.0
/// ```
public enum Location: Sendable, Hashable {
    /// WGS-84 latitude and longitude in degrees.
    case geographic(GeoPoint)
    /// Planar x/y in the instance's own unit.
    case planar(PlanarPoint)

    /// A geographic location at `lat`, `lon` degrees.
    public static func geographic(lat: Double, lon: Double) -> Location { .geographic(GeoPoint(lat: lat, lon: lon)) }

    /// A planar location at `x`, `y`.
    public static func planar(x: Double, y: Double) -> Location { .planar(PlanarPoint(x: x, y: y)) }

    /// Planar coordinates beyond this magnitude are a typo; within it, every distance stays finite.
    public static let planarLimit = 1e9

    /// Whether the numbers are usable: degrees in range for a geographic point, within
    /// ±``planarLimit`` for a planar one.
    public var isValid: Bool {
        switch self {
        case .geographic(let point): return point.isValid
        case .planar(let point): return abs(point.x) <= Self.planarLimit && abs(point.y) <= Self.planarLimit
        }
    }

    /// Whether this is a geographic (lat/lon) location.
    public var isGeographic: Bool {
        if case .geographic = self { return true }
        return false
    }

    /// The coordinates as a plane sees them: x/y, or longitude/latitude for a geographic point
    /// (the scenario JSON's `euclidean` travel model measures degrees with a ruler).
    public var planarCoordinates: PlanarPoint {
        switch self {
        case .geographic(let point): return PlanarPoint(x: point.lon, y: point.lat)
        case .planar(let point): return point
        }
    }

    /// Great-circle kilometres between two geographic locations; when either is planar there are no
    /// kilometres, and the planar distance (in the instance's unit) stands in for them.
    public func kilometres(to other: Location) -> Double {
        if case .geographic(let a) = self, case .geographic(let b) = other { return a.kilometres(to: b) }
        return planarDistance(to: other)
    }

    /// Euclidean distance between the planar coordinates (see ``planarCoordinates``).
    public func planarDistance(to other: Location) -> Double {
        planarCoordinates.distance(to: other.planarCoordinates)
    }

    /// The location `km` kilometres away on compass `bearing` (radians, 0 = north; planar: +y);
    /// for generating scenarios and tests.
    public func offset(kilometres km: Double, bearing: Double) -> Location {
        switch self {
        case .geographic(let point): return .geographic(point.offset(kilometres: km, bearing: bearing))
        case .planar(let point): return .planar(x: point.x + km * sine(bearing), y: point.y + km * cosine(bearing))
        }
    }

    /// The coordinates for messages: "(lat, lon)" or "(x, y)".
    public var coordinateText: String {
        switch self {
        case .geographic(let point): return "(\(point.lat), \(point.lon))"
        case .planar(let point): return "(\(point.x), \(point.y))"
        }
    }
}

/// Encoded as `{"lat": …, "lon": …}` or `{"x": …, "y": …}`, the way the scenario files write them.
extension Location: Codable {
    private enum Keys: String, CodingKey { case lat, lon, x, y }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.lat) || container.contains(.lon) {
            self = .geographic(lat: try container.decode(Double.self, forKey: .lat), lon: try container.decode(Double.self, forKey: .lon))
        } else {
            self = .planar(x: try container.decode(Double.self, forKey: .x), y: try container.decode(Double.self, forKey: .y))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .geographic(let point):
            try container.encode(point.lat, forKey: .lat)
            try container.encode(point.lon, forKey: .lon)
        case .planar(let point):
            try container.encode(point.x, forKey: .x)
            try container.encode(point.y, forKey: .y)
        }
    }
}
