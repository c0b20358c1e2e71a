import Foundation

/// Simulated annealing's temperature over the improvement walk: geometric from `start` down to
/// `end` between the moment the walk begins (`begins`, as a share of the whole budget) and the
/// end of the budget (SISR, Christiaens & Vanden Berghe 2020: 100 → 1 on Solomon).
///
/// The walk begins after route elimination: when the temperature was cooled by the whole budget
/// instead, the walk started the distance phase at a tenth of `start` after an elimination of
/// half the budget, and stayed in the valley elimination left it in (C204 at 1 s and 10 s,
/// seeds 1–3: +10.5 % on every run; cooled from the top, its best-known distance).
struct CoolingSchedule: Sendable {
    /// Temperature when the walk begins.
    let start: Double
    /// Temperature at the end of the budget.
    let end: Double
    /// Share of the budget already used when the walk begins (0 ..< 1).
    let begins: Double

    /// How far the walk has gone (0 at its start, 1 at the end of the budget) when `progress` of
    /// the whole budget is used.
    func walked(_ progress: Double) -> Double {
        min(max((progress - begins) / max(1 - begins, 1e-9), 0), 1)
    }

    /// The temperature when `progress` of the whole budget is used.
    func temperature(_ progress: Double) -> Double {
        start * pow(end / start, walked(progress))
    }

    /// The rest of this schedule once `done` of its walk is behind (0 ..< 1): it starts at the
    /// temperature this one has there and ends at the same `end`, for a search that walks on
    /// from another's plan within one budget.
    func continued(from done: Double) -> CoolingSchedule {
        CoolingSchedule(start: start * pow(end / start, min(max(done, 0), 1)), end: end, begins: begins)
    }
}
