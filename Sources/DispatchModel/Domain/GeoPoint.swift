/// A point on the map in WGS-84 degrees (planar benchmark coordinates are a ``PlanarPoint``).
public struct GeoPoint: Sendable, Hashable, Codable {
    /// Latitude in degrees, -90…90.
    public var lat: Double
    /// Longitude in degrees, -180…180.
    public var lon: Double

    /// A point at `lat`, `lon`.
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Whether both coordinates lie in their ranges.
    public var isValid: Bool { lat.isFinite && lon.isFinite && abs(lat) <= 90 && abs(lon) <= 180 }

    /// Great-circle distance in kilometres (haversine, mean Earth radius 6,371.0088 km).
    public func kilometres(to other: GeoPoint) -> Double {
        Self.kilometres(from: self, cosLat: cosLat, to: other, cosLat: other.cosLat)
    }

    /// The cosine of the latitude, which ``kilometres(from:cosLat:to:cosLat:)`` takes: a distance
    /// table computes it once a point, not twice a pair.
    public var cosLat: Double { cosine(lat * (Double.pi / 180)) }

    /// ``kilometres(to:)`` from `a` to `b` with their ``cosLat`` given: the same value, bit for
    /// bit, with two cosines a pair fewer (the solver's distance table of a 12,000-stop day
    /// computes 72 million of them).
    public static func kilometres(from a: GeoPoint, cosLat cosA: Double, to b: GeoPoint, cosLat cosB: Double) -> Double {
        let r = 6371.0088
        let toRad = Double.pi / 180
        let dLat = (b.lat - a.lat) * toRad
        let dLon = (b.lon - a.lon) * toRad
        let h = sinSquared(dLat / 2) + cosA * cosB * sinSquared(dLon / 2)
        return 2 * r * arcsine(min(1, h.squareRoot()))
    }

    /// The point `km` kilometres from here on compass `bearing` (radians, 0 = north); for generating scenarios.
    public func offset(kilometres km: Double, bearing: Double) -> GeoPoint {
        let dLat = km * cosine(bearing) / 111.195
        let dLon = km * sine(bearing) / (111.195 * cosine(lat * Double.pi / 180))
        return GeoPoint(lat: lat + dLat, lon: lon + dLon)
    }
}

// Foundation-free trigonometry through the C library.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

@inline(__always) func sine(_ x: Double) -> Double { sin(x) }
@inline(__always) func cosine(_ x: Double) -> Double { cos(x) }
@inline(__always) func arcsine(_ x: Double) -> Double { asin(x) }
@inline(__always) func sinSquared(_ x: Double) -> Double { let s = sin(x); return s * s }
