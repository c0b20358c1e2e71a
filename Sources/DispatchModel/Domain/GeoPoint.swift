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
        let r = 6371.0088
        let toRad = Double.pi / 180
        let dLat = (other.lat - lat) * toRad
        let dLon = (other.lon - lon) * toRad
        let a = sinSquared(dLat / 2) + cosine(lat * toRad) * cosine(other.lat * toRad) * sinSquared(dLon / 2)
        return 2 * r * arcsine(min(1, a.squareRoot()))
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
