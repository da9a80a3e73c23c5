import Foundation
import Testing

// MARK: - Fixtures

/// Paths to the committed fixtures, found from this file's location.
enum Fixtures {
    /// The repository's `fixtures/` folder.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // MediaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("fixtures")

    /// A committed clip in `fixtures/clips/`.
    static func clip(_ name: String) -> String {
        folder.appendingPathComponent("clips").appendingPathComponent(name).path
    }
}

// MARK: - TemporaryFolder

/// A fresh folder for one test, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("custody-media-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }
}

// MARK: - Tools

/// Runs external tools (ffmpeg, espeak-ng) that make test media.
enum Tool {
    /// Whether a program is on PATH.
    static func exists(_ name: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
        }
    }

    /// Runs a program and fails the test with its stderr if it exits non-zero.
    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(
                command: ([program] + arguments).joined(separator: " "),
                output: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Runs ffmpeg quietly, overwriting its output, with bit-exact muxing.
    static func ffmpeg(_ arguments: [String]) throws {
        try run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y"] + arguments)
    }
}

/// A tool that exited with an error while making test media.
struct ToolFailure: Error, CustomStringConvertible {
    var command: String
    var output: String
    var description: String { "test media could not be made: `\(command)` failed: \(output)" }
}

/// ffmpeg is installed with the package's dependencies; tests that make media need it.
let ffmpegIsInstalled = Tool.exists("ffmpeg")

// MARK: - Volume manifest

/// The answers `fixtures/make-volume.sh` writes beside the volume it makes.
struct VolumeManifest: Decodable {
    struct Clip: Decodable {
        var name: String
        var path: String
        var start: String
        var duration: Double?
        var kind: String
        var hasAudio: Bool
        var truncated: Bool
        var speech: [Speech]
    }

    struct Speech: Decodable {
        var start: Double
        var end: Double
        var language: String
    }

    var serial: String
    var badge: String
    var clipFolder: String
    var clips: [Clip]
    var junk: [String]

    /// Runs `fixtures/make-volume.sh` into `folder/volume` and reads its manifest.
    static func make(in folder: TemporaryFolder, arguments: [String] = []) throws -> (volume: String, VolumeManifest) {
        let volume = folder.path("volume")
        try Tool.run(Fixtures.folder.appendingPathComponent("make-volume.sh").path, [volume] + arguments)
        let data = try Data(contentsOf: URL(fileURLWithPath: volume + ".expected.json"))
        return (volume, try JSONDecoder().decode(VolumeManifest.self, from: data))
    }
}

/// espeak-ng and jq are needed, with ffmpeg, to make a recorder volume.
let volumeToolsAreInstalled = ffmpegIsInstalled && Tool.exists("espeak-ng") && Tool.exists("jq")
