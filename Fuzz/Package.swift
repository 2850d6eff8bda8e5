// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for the topology loader, the lesson/expectation loaders and the explorer's `:` command
// parser. Build and run them with scripts/fuzz.sh (it passes -sanitize=fuzzer,address to every module,
// so the loaders and Yams are instrumented too). Not part of the root package: `swift build` there
// never sees these flags.
//
// Each target defines LLVMFuzzerTestOneInput and `<Module>_main` (the name SwiftPM links as `main`),
// which runs libFuzzer's driver; no top-level code: -parse-as-library.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "routescope-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "routescope", path: ".."),
    ],
    targets: [
        // A header for libFuzzer's driver entry point (nothing to link: -sanitize=fuzzer brings it).
        .systemLibrary(name: "CLibFuzzer"),
        // The invariants the loader targets check (positions inside the text, messages, order).
        .target(name: "FuzzSupport", dependencies: [.product(name: "TopologyFile", package: "routescope")]),
        .executableTarget(name: "FuzzTopologyLoader", dependencies: [
            "CLibFuzzer", "FuzzSupport",
            .product(name: "TopologyFile", package: "routescope"),
            .product(name: "RoutingEngine", package: "routescope"),
        ], swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzLessonLoader", dependencies: [
            "CLibFuzzer", "FuzzSupport",
            .product(name: "TopologyFile", package: "routescope"),
            .product(name: "RoutingEngine", package: "routescope"),
        ], swiftSettings: fuzzTarget),
        .executableTarget(name: "FuzzColonCommand", dependencies: [
            "CLibFuzzer",
            .product(name: "Explorer", package: "routescope"),
        ], swiftSettings: fuzzTarget),
    ],
    swiftLanguageModes: [.v6]
)
