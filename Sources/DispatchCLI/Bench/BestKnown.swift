import DispatchModel

/// A best-known solution from the literature, as one row of a `BKS.csv`.
///
/// Hierarchical rows give the vehicle count and the distance reached with it; distance rows give
/// the shortest total distance known (with the vehicles it used, if the file says); a row whose
/// objective is empty applies to any objective.
public struct BestKnown: Sendable, Equatable {
    /// Instance name (`C101`, `C1_4_2`, `lc1_2_2`).
    public var instance: String
    /// Vehicles of the best-known solution, when the file gives them.
    public var vehicles: Int?
    /// Total distance of the best-known solution.
    public var distance: Double
    /// The objective the row was found under (`hierarchical`, `distance`), `nil` for any.
    public var objective: String?

    /// A best-known solution.
    public init(instance: String, vehicles: Int?, distance: Double, objective: String? = nil) {
        self.instance = instance
        self.vehicles = vehicles
        self.distance = distance
        self.objective = objective
    }

    /// Whether a distance gap means anything only when the vehicle count is reached: true for
    /// vehicles-first rows, false for distance-only ones (fewer kilometres with more vehicles
    /// is the point of a distance objective).
    public var gapNeedsVehicles: Bool { vehicles != nil && objective != "distance" }
}
