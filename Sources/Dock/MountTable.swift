import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - MountTable

/// Reads the kernel's mount table and picks out the volumes of docked recorders.
///
/// The table is `/proc/self/mountinfo` (see proc(5)): one line per mount,
/// `ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL…] - FSTYPE SOURCE SUPEROPTIONS`.
public enum MountTable {
    /// The folders below which recorder volumes are mounted by default.
    public static let defaultRoots = ["/media", "/run/media", "/mnt"]

    /// File systems recorders and card readers use; only these count when mounted directly on a root.
    public static let removableFileSystems: Set<String> = [
        "vfat", "msdos", "exfat", "fuseblk", "fuse.exfat", "fuse.exfat-fuse", "ntfs", "ntfs3", "fuse.ntfs-3g",
        "ext4", "hfsplus", "udf", "iso9660",
    ]

    /// File systems that are never a volume, even below a root (an automount trigger, not the volume).
    public static let ignoredFileSystems: Set<String> = ["autofs"]

    /// Parses the text of a mountinfo file; lines that are not well formed are left out.
    public static func parse(_ text: String) -> [MountEntry] {
        text.split(separator: "\n").compactMap { parseLine($0) }
    }

    /// Reads and parses a mountinfo file.
    ///
    /// - Throws: `DockError.Code.mountTableUnreadable` with the system's reason.
    public static func read(_ path: String = "/proc/self/mountinfo") throws(DockError) -> [MountEntry] {
        try parse(readText(path))
    }

    // MARK: - Recorder volumes

    /// The entries mounted now that may be recorder volumes: mounted below one of `roots`.
    ///
    /// Below a root any file system counts (a folder bind-mounted there is a volume too), except an
    /// automount trigger (`autofs`). A mount exactly on a root counts only when its file system is one
    /// of `removableFileSystems`, so a `/mnt` that is itself a data disk or a tmpfs is not taken for
    /// a recorder, while a card mounted by hand on `/mnt` is. Roots are compared after resolving
    /// symbolic links (`/media` may be a link to `/run/media`); a root that does not exist is
    /// compared as written. The result keeps the order of `entries`.
    public static func recorderVolumes(in entries: [MountEntry], under roots: [String] = defaultRoots)
        -> [MountEntry]
    {
        let resolved = roots.map(resolve)
        return entries.filter { isRecorderVolume($0, roots: resolved) }
    }

    /// The recorder volumes in `new` that were not mounted in `old` (compared by mount ID, so a
    /// volume unmounted and mounted again counts as new).
    public static func newlyMounted(from old: [MountEntry], to new: [MountEntry], under roots: [String] = defaultRoots)
        -> [MountEntry]
    {
        let known = Set(old.map(\.mountID))
        return recorderVolumes(in: new.filter { !known.contains($0.mountID) }, under: roots)
    }

    static func isRecorderVolume(_ entry: MountEntry, roots: [String]) -> Bool {
        guard !ignoredFileSystems.contains(entry.fileSystem) else { return false }
        for root in roots {
            if entry.mountPoint == root {
                if removableFileSystems.contains(entry.fileSystem) { return true }
            } else if entry.mountPoint.hasPrefix(root == "/" ? "/" : root + "/") {
                return true
            }
        }
        return false
    }

    /// The path with symbolic links resolved, or the path without trailing slashes when it does not exist.
    static func resolve(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return ClipFinder.trimmingTrailingSlashes(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    // MARK: - Parsing

    static func parseLine(_ line: Substring) -> MountEntry? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let dash = fields.firstIndex(of: "-"), dash >= 6, fields.count >= dash + 3 else { return nil }
        guard let mountID = Int(fields[0]), let parentID = Int(fields[1]) else { return nil }
        let superOptions = fields.count > dash + 3 ? fields[dash + 3].split(separator: ",").map(String.init) : []
        return MountEntry(
            mountID: mountID,
            mountPoint: unescape(fields[4]),
            fileSystem: unescape(fields[dash + 1]),
            source: unescape(fields[dash + 2]),
            options: fields[5].split(separator: ",").map(String.init),
            parentID: parentID,
            deviceNumber: String(fields[2]),
            root: unescape(fields[3]),
            superOptions: superOptions)
    }

    /// Decodes the kernel's `\ooo` octal escapes (space, tab, newline, backslash).
    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        return BackslashEscapes.decode(field, octal)
    }

    static func octal(_ digits: ArraySlice<UInt8>) -> UInt8? {
        guard digits.count == 3 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 0x30 && digit <= 0x37 else { return nil }
            value = value * 8 + Int(digit - 0x30)
        }
        return value <= 255 ? UInt8(value) : nil
    }

    static func readText(_ path: String) throws(DockError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DockError.mountTable(path, operation: "open", errno: errno) }
        defer { Glibc.close(fd) }
        return try readAll(fd, path: path)
    }

    /// Reads an open file from its current offset to the end, retrying on EINTR.
    static func readAll(_ fd: Int32, path: String) throws(DockError) -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DockError.mountTable(path, operation: "read", errno: errno)
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
