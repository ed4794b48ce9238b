// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "costplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "costplan", targets: ["costplan"]),
        .library(name: "CostPlan", targets: ["CostPlan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.63.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Domain: plan model + validation, pricing rules, estimator, the PriceCatalog protocol.
        .target(
            name: "CostPlan",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The SQLite rate catalog: schema, migrations, loading pricing/ sheets, AWS Price List import and fetch.
        .target(
            name: "CostPlanStore",
            dependencies: ["CostPlan", "CostPlanHTTP", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // HTTP client layer (AsyncHTTPClient): requests, streamed downloads, retries, errors without secrets.
        .target(
            name: "CostPlanHTTP",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // The pricing/ sheets compiled into the executable (generated at build time by the plugin below).
        .target(name: "CostPlanRateSheets", plugins: [.plugin(name: "EmbedRateSheets")]),
        .plugin(name: "EmbedRateSheets", capability: .buildTool(), dependencies: ["embed-rate-sheets"]),
        .executableTarget(name: "embed-rate-sheets", path: "Plugins/embed-rate-sheets"),
        // `costplan comment`: GitHub pull request comments and GitLab merge request notes over CostPlanHTTP.
        .target(name: "CostPlanForge", dependencies: ["CostPlanHTTP"]),
        // Pure renderers: Estimate -> table | JSON.
        .target(name: "CostPlanReports", dependencies: ["CostPlan"]),
        // What the commands do and print (the diff, the reports, comment posting, pricing info, import and
        // fetch summaries, progress bars) and terminal output that cannot drive the terminal; used by the executable.
        .target(name: "CostPlanConsole", dependencies: [
            "CostPlan", "CostPlanStore", "CostPlanRateSheets", "CostPlanReports", "CostPlanHTTP", "CostPlanForge", "CostPlanServer",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
        ]),
        // The web reports server (Hummingbird): receives `some PriceCatalog`, never the store.
        .target(
            name: "CostPlanServer",
            dependencies: [
                "CostPlan", "CostPlanReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The command-line tool: the composition root.
        .executableTarget(
            name: "costplan",
            dependencies: [
                "CostPlan", "CostPlanStore", "CostPlanReports", "CostPlanServer", "CostPlanForge", "CostPlanHTTP",
                "CostPlanConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks that print figures (catalog build, estimate throughput).
        .executableTarget(
            name: "costplan-bench",
            dependencies: ["CostPlan", "CostPlanStore", "CostPlanReports"],
            path: "Benchmarks/costplan-bench"
        ),
        // Shared by the test targets: the repository's catalog and examples, golden files.
        .target(
            name: "CostPlanTestSupport",
            dependencies: [
                "CostPlan", "CostPlanStore", "CostPlanReports",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/CostPlanTestSupport"
        ),
        .testTarget(name: "CostPlanTests", dependencies: ["CostPlan"]),
        .testTarget(name: "CostPlanHTTPTests", dependencies: ["CostPlanHTTP", "CostPlanTestSupport"]),
        .testTarget(name: "CostPlanStoreTests", dependencies: ["CostPlanStore", "CostPlanRateSheets", "CostPlan"]),
        // Golden files and input plans are read from the source tree (TestRepository.root), not bundled.
        .testTarget(name: "CostPlanReportsTests", dependencies: ["CostPlanTestSupport", "CostPlanReports", "CostPlanStore", "CostPlan"],
                    exclude: ["Golden", "Plans"]),
        .testTarget(name: "CostPlanCSVTests", dependencies: ["CostPlanTestSupport", "CostPlanReports", "CostPlanStore", "CostPlan"],
                    exclude: ["Golden"]),
        .testTarget(name: "CostPlanDiffTests", dependencies: ["CostPlanTestSupport", "CostPlanReports", "CostPlanStore", "CostPlan"],
                    exclude: ["Golden", "Plans"]),
        .testTarget(name: "CostPlanHTMLTests", dependencies: ["CostPlanTestSupport", "CostPlanReports", "CostPlanStore", "CostPlan"],
                    exclude: ["Golden"]),
        .testTarget(name: "CostPlanTerraformTests", dependencies: ["CostPlanTestSupport", "CostPlanReports", "CostPlanStore", "CostPlan"],
                    exclude: ["Samples", "Golden"]),
        .testTarget(name: "CostPlanCLITests", dependencies: ["costplan", "CostPlanStore", "CostPlanTestSupport"]),
        .testTarget(
            name: "CostPlanForgeTests",
            dependencies: [
                "CostPlanForge", "CostPlanHTTP", "CostPlanTestSupport", "costplan",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "CostPlanServerTests",
            dependencies: [
                "CostPlanServer", "CostPlanStore", "CostPlan", "CostPlanTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
