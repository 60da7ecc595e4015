// swift-tools-version: 6.1
import PackageDescription

/// Jariya (จริยะ): ethics training and its evidence for Thai public agencies.
///
/// Dependencies point one way: Core ← XML, Store, Documents, API ← App ←
/// Server, CLI ← jariya. `scripts/layer-check` holds every target to it.
/// C libraries are wrapped by one target each and never leak past it.
let package = Package(
    name: "Jariya",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jariya", targets: ["jariya"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Pure rules over values. Crypto is there for SHA-256 and Ed25519 only:
        // the ledger's hashing is a pure function too.
        .target(name: "JariyaCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),

        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),

        .target(
            name: "JariyaXML",
            dependencies: ["JariyaCore", "CLibXML2"],
            resources: [.copy("Schemas")]
        ),
        .target(
            name: "JariyaStore",
            dependencies: [
                "JariyaCore",
                "CSodium",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite itself, for reading ledger rows in place while verifying.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "JariyaDocuments",
            dependencies: ["JariyaCore", "CQREncode", "CRsvg", "CPangoCairo", "CXLSXWriter",
                           .product(name: "Mustache", package: "swift-mustache")],
            // The printed reports' templates, shared by the server and the command line.
            resources: [.copy("Templates")]
        ),
        // The JSON shapes of /api/v1, shared by the server and its clients.
        .target(name: "JariyaAPI", dependencies: ["JariyaCore"]),
        // The use cases: publishing, the one reader of published content, the
        // quiz engine, reports and certificates. No HTTP here.
        .target(
            name: "JariyaApp",
            dependencies: [
                "JariyaAPI",
                "JariyaCore",
                "JariyaXML",
                "JariyaStore",
                "JariyaDocuments",
            ]
        ),
        .target(
            name: "JariyaServer",
            dependencies: [
                "JariyaApp",
                "JariyaAPI",
                "JariyaCore",
                "JariyaXML",
                "JariyaStore",
                "JariyaDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Templates"), .copy("OpenAPI"), .copy("Assets")]
        ),
        .target(
            name: "JariyaCLI",
            dependencies: [
                "JariyaAPI",
                "JariyaCore",
                "JariyaXML",
                "JariyaStore",
                "JariyaApp",
                "JariyaServer",
                "JariyaDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "jariya", dependencies: ["JariyaCLI"]),
        .executableTarget(
            name: "jariya-bench",
            dependencies: ["JariyaCore", "JariyaStore", "JariyaApp", "JariyaCLI", "JariyaDocuments",
                           .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/jariya-bench"
        ),

        .testTarget(name: "JariyaCoreTests", dependencies: ["JariyaCore", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "JariyaXMLTests", dependencies: ["JariyaXML"]),
        .testTarget(name: "JariyaStoreTests", dependencies: ["JariyaStore"]),
        .testTarget(name: "JariyaDocumentsTests", dependencies: ["JariyaDocuments"]),
        .testTarget(
            name: "JariyaServerTests",
            dependencies: [
                "JariyaServer",
                "JariyaApp",
                "JariyaStore",
                "JariyaXML",
                "JariyaCore",
                "JariyaAPI",
                "JariyaDocuments",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "JariyaCLITests",
            dependencies: ["JariyaCLI", .product(name: "GRDB", package: "GRDB.swift")],
            // The snapshots are read and recorded by path, beside the source.
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]
        ),

        // Fuzzing (scripts/fuzz): the readers of untrusted input behind one
        // entry point per target, libFuzzer's driver, and the corpus replay
        // that `swift test` runs. Only Core, XML and API, so it builds small.
        .target(name: "JariyaFuzzTargets", dependencies: ["JariyaCore", "JariyaXML", "JariyaAPI"],
                path: "Fuzz/JariyaFuzzTargets"),
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(name: "jariya-fuzz", dependencies: ["JariyaFuzzTargets", "CLibFuzzer"], path: "Fuzz/jariya-fuzz"),
        .testTarget(name: "JariyaFuzzTests", dependencies: ["JariyaFuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
