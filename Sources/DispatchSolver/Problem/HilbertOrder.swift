import DispatchModel

/// Numbers points along a Hilbert curve, so that points close in space get close numbers.
///
/// A large day's stops are numbered this way before the matrix is built: an insertion scan
/// reads the legs between the stop being placed and the stops around its nearest neighbours,
/// which then sit in a few neighbouring cache lines of the matrix row instead of one line each
/// (Bartholdi & Platzman 1982 use the same curve as a routing heuristic; here it is only a
/// memory layout, and the plan does not depend on it beyond ties).
enum HilbertOrder {
    /// Cells per side of the grid the points are snapped to.
    static let side: UInt32 = 1 << 16

    /// `indices` sorted by the Hilbert position of `location(i)` over the points' bounding box
    /// (ties by index).
    static func sorted(_ indices: [Int], location: (Int) -> Location) -> [Int] {
        guard indices.count > 1 else { return indices }
        let points = indices.map { location($0).planarCoordinates }
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for p in points {
            minX = min(minX, p.x); maxX = max(maxX, p.x); minY = min(minY, p.y); maxY = max(maxY, p.y)
        }
        let span = max(maxX - minX, maxY - minY, 1e-12)
        let scale = Double(side - 1) / span
        func cell(_ v: Double, _ low: Double) -> UInt32 {
            let c = ((v - low) * scale).rounded(.down)
            return c.isFinite ? UInt32(min(max(c, 0), Double(side - 1))) : 0
        }
        let keyed = zip(indices, points).map { i, p in (key: position(x: cell(p.x, minX), y: cell(p.y, minY)), index: i) }
        return keyed.sorted { ($0.key, $0.index) < ($1.key, $1.index) }.map(\.index)
    }

    /// The distance along the Hilbert curve of cell (x, y) on a ``side`` × ``side`` grid: at each
    /// scale, which quadrant the cell is in, with the cell rotated into that quadrant's frame.
    static func position(x: UInt32, y: UInt32) -> UInt64 {
        var x = x, y = y
        var d: UInt64 = 0
        var s = side / 2
        while s > 0 {
            let rx: UInt32 = (x & s) != 0 ? 1 : 0
            let ry: UInt32 = (y & s) != 0 ? 1 : 0
            d += UInt64(s) * UInt64(s) * UInt64((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    x = side - 1 - x
                    y = side - 1 - y
                }
                swap(&x, &y)
            }
            s /= 2
        }
        return d
    }
}
