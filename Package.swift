// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "webcare",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "webcare", targets: ["InboxTUI"]),
        .library(name: "InboxModel", targets: ["InboxModel"]),
        .library(name: "InboxStore", targets: ["InboxStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // No pkgConfig: SwiftPM refuses the -D flags ncursesw's .pc file carries, so
        // shim.h defines what they would and module.modulemap names the libraries.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "InboxModel"),
        .target(
            name: "InboxStore",
            dependencies: [
                "InboxModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "InboxTUI",
            dependencies: [
                "InboxModel",
                "InboxStore",
                "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ReplyLengthBenchmark",
            dependencies: ["InboxModel"],
            path: "Benchmarks/ReplyLength",
            exclude: ["generate_corpus.py", "twitter_text_reference.py"]
        ),
        .executableTarget(
            name: "ClassifierReport",
            dependencies: ["InboxModel"],
            path: "Benchmarks/Classifier"
        ),
        .executableTarget(
            name: "TriageBenchmark",
            dependencies: ["InboxModel", "InboxStore"],
            path: "Benchmarks/Triage",
            exclude: ["measure_import.py"]
        ),
        // What several test targets share (a seeded generator); not part of the product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "InboxModelTests",
            dependencies: ["InboxModel", "TestSupport", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Conformance"), .copy("Fixtures")]
        ),
        .testTarget(
            name: "InboxStoreTests",
            dependencies: ["InboxStore", "InboxModel", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "InboxTUITests",
            dependencies: ["InboxTUI", "InboxStore", "InboxModel", "CNcurses"],
            // Read from the source tree by path, so a re-record writes where git sees it.
            exclude: ["Screens/Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
