import Foundation
import Glibc

@testable import Vault

/// A fresh folder under /tmp for one test, removed with everything in it when the test ends.
final class TemporaryFolder {
    let path: String

    init() {
        var template = Array("/tmp/custody-vault-test-XXXXXX".utf8CString)
        // mkdtemp only fails when /tmp is unusable, and then no test of the Vault can run.
        path = String(cString: mkdtemp(&template)!)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    /// Names in a folder, sorted; empty when it does not exist.
    func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }
}

/// `count` bytes from the kernel's random source.
func randomBytes(_ count: Int) -> [UInt8] {
    // /dev/urandom exists on every Linux system the tests run on.
    let source = FileHandle(forReadingAtPath: "/dev/urandom")!
    defer { try? source.close() }
    return [UInt8](source.readData(ofLength: count))
}

/// Runs a program and returns its standard output and exit status.
func run(_ program: String, _ arguments: [String]) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
}

/// The error `body` throws, or nil when it does not throw.
func failure(_ body: () throws -> Void) -> VaultError? {
    do {
        try body()
        return nil
    } catch {
        return error as? VaultError
    }
}

/// The permission bits of a file.
func mode(_ path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
}

/// Whether the tests run as root (needed to mount a tmpfs and to write into read-only originals).
let runningAsRoot = getuid() == 0
