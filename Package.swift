// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "routescope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "routescope", targets: ["routescope"]),
        // Libraries for the fuzz package in Fuzz/ (libFuzzer needs its own build flags).
        .library(name: "RoutingEngine", targets: ["RoutingEngine"]),
        .library(name: "TopologyFile", targets: ["TopologyFile"]),
        .library(name: "Explorer", targets: ["Explorer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pure: network model, BGP propagation, Azure policies, best path, diff, explain, trace.
        // No file I/O, no YAML, no terminal.
        .target(name: "RoutingEngine"),
        // Topology files: YAML in and out, validation with file:line:column.
        .target(name: "TopologyFile", dependencies: [
            "RoutingEngine",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Text (FRR / Azure) and JSON renderings of an engine result.
        .target(name: "Reports", dependencies: ["RoutingEngine"]),
        // Pure explorer UI: state, update(msg), view(state) → grid of cells. No curses.
        // Edits are made to a topology file's text and loaded with the same loader (TopologyFile, no I/O).
        .target(name: "Explorer", dependencies: ["RoutingEngine", "Reports", "TopologyFile"]),
        // ncursesw through a module map and a shim (macros → functions, no C globals).
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // The only module that talks to ncurses.
        .target(name: "TerminalDriver", dependencies: ["CNcursesw", "Explorer"]),
        .executableTarget(name: "routescope", dependencies: [
            "RoutingEngine", "TopologyFile", "Reports", "Explorer", "TerminalDriver",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Release-build benchmark: `swift run -c release routescope-bench`.
        .executableTarget(name: "routescope-bench", dependencies: ["RoutingEngine", "TopologyFile", "Explorer"]),
        // Property tests draw their cases from a fixed seed (SeededPropertyCheck): the same cases on every run.
        .testTarget(name: "RoutingEngineTests", dependencies: ["RoutingEngine"]),
        .testTarget(name: "TopologyFileTests", dependencies: ["TopologyFile", "RoutingEngine"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ExplorerTests", dependencies: ["Explorer", "TopologyFile", "RoutingEngine"],
                    exclude: ["Goldens"]),
        // ncurses is process-global: these run in one serialized suite.
        .testTarget(name: "TerminalDriverTests", dependencies: ["TerminalDriver", "Explorer", "CNcursesw", "RoutingEngine", "TopologyFile"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TopologyFile", "RoutingEngine"],
                    exclude: ["Goldens"]),
        // Runs the real binary: depending on the executables makes `swift test` build them (the
        // benchmark writes the scale topology).
        .testTarget(name: "CLITests", dependencies: ["routescope", "routescope-bench", "Explorer", "TopologyFile", "RoutingEngine"]),
    ]
)
