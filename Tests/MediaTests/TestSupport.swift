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
