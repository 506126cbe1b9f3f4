// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "peerconf",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "peerconf", targets: ["peerconf"]),
        .library(name: "PeerConf", targets: ["PeerConf"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // libxml2 builds the NETCONF documents. The shim undefines LIBXML_ICU_ENABLED:
        // Debian's headers would otherwise pull in the system ICU, which clashes with the
        // toolchain's ICU inside Foundation on a clean build.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libcrypto's SHA-256 for the output manifest's digests.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // libxml2's allocation hooks: a per-thread arena for documents built, serialized
        // and freed in one call (see Sources/CXMLArena/xml_arena.c).
        .target(name: "CXMLArena"),
        .target(
            name: "PeerConf",
            dependencies: [
                "CLibXML2",
                "CLibCrypto",
                "CXMLArena",
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTemplatesPlugin"]
        ),
        // Templates/ ships inside the binary: the plugin runs the embedder on every build.
        .executableTarget(name: "embed-templates", path: "Sources/embed-templates"),
        .plugin(
            name: "EmbedTemplatesPlugin",
            capability: .buildTool(),
            dependencies: ["embed-templates"],
            path: "Sources/EmbedTemplatesPlugin"
        ),
        .executableTarget(
            name: "peerconf",
            dependencies: [
                "PeerConf",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic large definitions for benchmarks and scale tests.
        .target(name: "Workload", path: "Sources/Workload"),
        .executableTarget(
            name: "peerconf-bench",
            dependencies: [
                "PeerConf",
                "Workload",
            ],
            path: "Sources/peerconf-bench"
        ),
        // The fuzzing invariants (text -> load -> validate -> render): run by the libFuzzer
        // target below and replayed by the tests over the seeds and regressions.
        .target(name: "PeerConfFuzzing", dependencies: ["PeerConf"], path: "Sources/PeerConfFuzzing"),
        .testTarget(
            name: "PeerConfTests",
            dependencies: [
                "PeerConf",
                "CXMLArena",
                "PeerConfFuzzing",
                "Workload",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Golden files are read from the source tree, so recording can rewrite them.
            exclude: ["Golden"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer executable exists only for `Tests/Fuzz/run.sh` (PEERCONF_FUZZ=1, built with
// -sanitize=fuzzer,address in its own scratch folder); `swift build` and `swift test`
// never see it.
if Context.environment["PEERCONF_FUZZ"] == "1" {
    package.targets += [
        .target(name: "CLibFuzzer", path: "Tests/Fuzz/CLibFuzzer"),
        .executableTarget(name: "peerconf-fuzz", dependencies: ["PeerConfFuzzing", "CLibFuzzer"], path: "Tests/Fuzz/peerconf-fuzz"),
    ]
    package.products.append(.executable(name: "peerconf-fuzz", targets: ["peerconf-fuzz"]))
}
