// swift-tools-version: 6.1
// DispatchDesk: plans the day of a courier outlet (快递网点).
// Modules in pipeline order; none imports a later one:
//   DispatchModel → DispatchPlan → DispatchCheck → GLPK (over CGLPK) → DispatchSolver → DispatchReport → DispatchCLI → desk
// The risk stage (DispatchRisk: Monte Carlo risk, scan logs, calibration, day simulator) reads the model and the plan,
// never the solver; the report reads the model, the plan and the risk. The replan (DispatchReplan) reads the model, the
// plan, the risk's scan clock and drives the solver; only the CLI uses it.
// The plan (DispatchPlan) is data every later stage reads; the checker imports the model and the plan, never the solver.
import PackageDescription

let package = Package(
    name: "DispatchDesk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DispatchDesk", targets: ["DispatchModel", "DispatchPlan", "DispatchCheck", "DispatchSolver", "DispatchRisk", "DispatchReport", "DispatchReplan"]),
        .executable(name: "desk", targets: ["desk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "DispatchModel"),
        .target(name: "DispatchPlan", dependencies: ["DispatchModel"]),
        .target(name: "DispatchCheck", dependencies: ["DispatchModel", "DispatchPlan"]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "GLPK", dependencies: ["CGLPK"]),
        .target(name: "DispatchSolver", dependencies: ["DispatchModel", "DispatchPlan", "GLPK"]),
        .target(name: "DispatchRisk", dependencies: ["DispatchModel", "DispatchPlan"]),
        .target(name: "DispatchReport", dependencies: ["DispatchModel", "DispatchPlan", "DispatchRisk"]),
        // The day as it happens: events from the handhelds, the state at a moment, the replan and its diff.
        .target(name: "DispatchReplan", dependencies: ["DispatchModel", "DispatchPlan", "DispatchSolver", "DispatchRisk"]),
        .target(
            name: "DispatchCLI",
            dependencies: [
                "DispatchModel", "DispatchPlan", "DispatchCheck", "DispatchSolver", "DispatchRisk", "DispatchReport", "DispatchReplan",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "desk", dependencies: ["DispatchCLI"]),
        .testTarget(name: "DispatchModelTests", dependencies: ["DispatchModel"]),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "DispatchPlanTests", dependencies: ["DispatchModel", "DispatchPlan"]),
        .testTarget(name: "DispatchCheckTests", dependencies: ["DispatchModel", "DispatchPlan", "DispatchCheck"]),
        .testTarget(name: "DispatchSolverTests", dependencies: ["DispatchModel", "DispatchPlan", "DispatchCheck", "DispatchSolver", "GLPK"]),
        .testTarget(name: "DispatchRiskTests", dependencies: ["DispatchModel", "DispatchPlan", "DispatchSolver", "DispatchRisk"]),
        .testTarget(name: "DispatchReportTests", dependencies: ["DispatchModel", "DispatchPlan", "DispatchCheck", "DispatchSolver", "DispatchRisk", "DispatchReport"]),
        .testTarget(name: "DispatchReplanTests", dependencies: ["DispatchModel", "DispatchPlan", "DispatchCheck", "DispatchSolver", "DispatchReplan"]),
        // Fixtures are read from disk by path (see Fixture.swift), not bundled.
        .testTarget(name: "DispatchCLITests", dependencies: ["DispatchCLI", "DispatchModel", "DispatchPlan", "DispatchRisk", "DispatchReport", "DispatchSolver"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
