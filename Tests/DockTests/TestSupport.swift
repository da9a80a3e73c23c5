import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - TemporaryFolder

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/custody-dock-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` bytes of zeros at `relativePath`, making the folders on the way.
    @discardableResult
    func file(_ relativePath: String, bytes: Int = 0) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(count: bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Makes a folder at `relativePath`, and the folders on the way.
    @discardableResult
    func folder(_ relativePath: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

// MARK: - Commands

/// Runs a command and returns its exit status and standard output.
@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// What the machine running the tests allows.
enum Host {
    static let isRoot = getuid() == 0

    /// True when this process may mount a tmpfs (root with CAP_SYS_ADMIN, outside a locked-down container).
    static let canMount: Bool = {
        guard isRoot, let folder = try? TemporaryFolder() else { return false }
        defer { folder.remove() }
        guard let mounted = try? run("/bin/mount", ["-t", "tmpfs", "custody-probe", folder.path]), mounted.status == 0
        else { return false }
        _ = try? run("/bin/umount", [folder.path])
        return true
    }()

    /// True when loop devices and mkfs.exfat are available to make a real exFAT volume.
    static let canMakeExfatLoop: Bool =
        isRoot && access("/usr/sbin/losetup", X_OK) == 0 && access("/usr/sbin/mkfs.exfat", X_OK) == 0
        && access("/dev/loop-control", F_OK) == 0
}
