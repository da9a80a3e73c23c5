// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "custody",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "custody", targets: ["custody"])
    ],
    targets: [
        // C libraries from Debian's packages; each is imported by exactly one Swift module.
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev", "libswresample-dev"])]
        ),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),

        .target(name: "Media", dependencies: ["CFFmpeg"]),
        .target(name: "Vault", dependencies: ["CCrypto"]),
        .target(name: "Catalog", dependencies: ["CSQLite"]),
        .target(name: "Dock"),
        .target(name: "Speech"),
        .target(name: "Timeline"),
        .target(name: "Calendar"),
        .target(name: "Reports", dependencies: ["Catalog"]),
        .target(
            name: "Custody",
            dependencies: [
                "Media", "Vault", "Catalog", "Dock", "Speech", "Timeline", "Calendar", "Reports", "CSystemd",
            ]),
        .executableTarget(
            name: "custody", dependencies: ["Custody", "Reports", "Catalog", "Dock", "Media", "Calendar", "Timeline"]),
        // Times one verified copy for benchmarks/copy/run.sh.
        .executableTarget(name: "vault-bench", dependencies: ["Vault"]),
        // Runs the speech detector on raw audio for benchmarks/vad; not shipped.
        .executableTarget(name: "vad-bench", dependencies: ["Media", "Speech"]),

        .testTarget(name: "MediaTests", dependencies: ["Media"]),
        .testTarget(name: "VaultTests", dependencies: ["Vault"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
        .testTarget(name: "DockTests", dependencies: ["Dock"]),
        .testTarget(name: "SpeechTests", dependencies: ["Speech"]),
        .testTarget(name: "TimelineTests", dependencies: ["Timeline"]),
        .testTarget(name: "CalendarTests", dependencies: ["Calendar"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Catalog"]),
        .testTarget(name: "CustodyTests", dependencies: ["Custody", "Catalog", "Reports"]),
    ]
)
