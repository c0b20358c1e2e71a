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
    targets: [
        .executableTarget(
            name: "RouteBuilder",
            dependencies: [
                .product(name: "DispatchDesk", package: "DispatchDesk"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RouteBuilder",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RiskEstimator",
            dependencies: [
                .product(name: "DispatchDesk", package: "DispatchDesk"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/RiskEstimator",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Replan",
            dependencies: [
                .product(name: "DispatchDesk", package: "DispatchDesk"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Replan",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Scaling",
            dependencies: [
                .product(name: "DispatchDesk", package: "DispatchDesk"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Scaling",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
