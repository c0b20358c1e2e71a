/// The larger of two numbers that are not NaN: the value `max(x, y)` returns, written the way
/// the processor's own maximum takes its operands (`x > y ? x : y`), so that it compiles to one
/// instruction. `max` must also return `x` when `y` is NaN, which costs a compare and a blend
/// on a loop's critical path. Times, loads and distances are never NaN.
@inline(__always)
func larger(_ x: Double, _ y: Double) -> Double { x > y ? x : y }
