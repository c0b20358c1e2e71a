// swift-tools-version: 6.1
// Benchmarks for DispatchDesk, kept out of the product's build: `cd Benchmarks && swift package benchmark`.
import PackageDescription

let package = Package(
    name: "DispatchDeskBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "DispatchDesk", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: ["RouteBuilder", "RiskEstimator", "Replan", "Scaling"].map(benchmarkTarget),
    swiftLanguageModes: [.v6]
)

/// One benchmark executable: `Benchmarks/NAME/*.swift`, the library and package-benchmark.
func benchmarkTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            .product(name: "DispatchDesk", package: "DispatchDesk"),
            .product(name: "Benchmark", package: "benchmark"),
        ],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
