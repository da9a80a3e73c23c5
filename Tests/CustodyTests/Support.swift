import Foundation
import Testing

/// The repository's root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The `custody` executable built beside the test bundle.
let custodyExecutable: String = {
    let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
    // The test runner lives beside the executable in the build folder, whatever --scratch-path named.
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let beside = Bundle.main.bundleURL.appendingPathComponent("custody").path
    for candidate in [
        bundle.appendingPathComponent("custody").path, beside, runner.appendingPathComponent("custody").path,
        repositoryRoot + "/.build/debug/custody",
    ]
    where FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
    }
    return repositoryRoot + "/.build/debug/custody"
}()

/// Whether this process runs as root: mounting, loop devices and tmpfs need it.
let isRoot = getuid() == 0

/// A fresh folder per test, removed afterwards.
final class TemporaryFolder: Sendable {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "custody-test-" + UUID().uuidString
        // A fresh name under the temporary directory; failing here means the machine's /tmp is broken.
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        // Stored originals are read-only; make them removable first.
        _ = try? Shell.run("/bin/chmod", ["-R", "u+w", path])
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// What a finished process printed and how it ended.
struct Finished: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Shell {
    /// Runs a program to its end and returns what it printed.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Runs a shell command line that must succeed.
    @discardableResult
    static func sh(_ command: String) throws -> String {
        let result = try run("/bin/bash", ["-c", command])
        guard result.status == 0 else {
            throw ShellFailure(description: "'\(command)' exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs a command line that leaves a daemon behind (a FUSE server) and must succeed.
    ///
    /// Foundation's `Process` learns that a child ended when a socket the child inherited closes; a daemon
    /// started by the child would inherit it too and keep it open, so the daemon is started with every
    /// descriptor above standard error closed.
    static func startDaemon(_ command: String) throws {
        try sh(
            "( for fd in /proc/$BASHPID/fd/*; do n=${fd##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\"; done; "
                + "exec \(command) ) </dev/null >/dev/null 2>&1")
    }

    /// Whether a program is on PATH.
    static func has(_ program: String) -> Bool {
        (try? run("/bin/bash", ["-c", "command -v \(program)"]).status) == 0
    }
}

struct ShellFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs `custody` with arguments.
@discardableResult
func custody(_ arguments: [String]) throws -> Finished {
    try Shell.run(custodyExecutable, arguments)
}

/// A recorder volume made by `fixtures/make-volume.sh`, with the answers it wrote beside it.
struct ScenarioVolume: Sendable {
    let path: String
    private let manifest: Data

    init(at path: String, extra: [String] = []) throws {
        try Shell.sh("'\(repositoryRoot)/fixtures/make-volume.sh' '\(path)' \(extra.joined(separator: " ")) >/dev/null")
        self.path = path
        manifest = try Data(contentsOf: URL(fileURLWithPath: path + ".expected.json"))
    }

    /// The answers make-volume.sh wrote beside the volume.
    var expected: [String: Any] {
        // make-volume.sh writes one JSON object; anything else is a broken fixture script.
        try! JSONSerialization.jsonObject(with: manifest) as! [String: Any]
    }

    /// The clips the scenario put on the volume: name and relative path.
    var clipNames: [String] {
        ((expected["clips"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
    }
}

/// Parses `custody clips --format json`.
func clipObjects(_ json: String) throws -> [[String: Any]] {
    let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return (value as? [[String: Any]]) ?? []
}

/// SHA-256 of a file by the `sha256sum` program: an independent witness.
func sha256sum(_ path: String) throws -> String {
    String(try Shell.sh("sha256sum '\(path)'").prefix(64))
}
