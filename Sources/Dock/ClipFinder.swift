import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - ClipFinder

/// Finds the clips on a mounted volume: media files by extension, anywhere below the root.
///
/// The walk uses `opendir`/`readdir`/`lstat` and never follows a symbolic link, never enters a
/// hidden or system folder, and stays on the volume's own file system. It only reads directories
/// and file attributes; it never opens a clip and never writes to the volume.
///
/// - Note: Regular files without a clip extension are ignored silently; everything else that is
///   passed over is reported in `skipped` with a reason (see `SkippedEntry`).
public struct ClipFinder: Sendable {
    /// The extensions recorders write, lower case and without the dot.
    public static let defaultExtensions = ["mp4", "mov", "avi", "ts", "m4v", "mkv", "3gp"]

    /// Folder names that hold deleted or system files on FAT, exFAT and NTFS volumes.
    public static let systemFolderNames: Set<String> = [".Trashes", "System Volume Information", "$RECYCLE.BIN"]

    /// The extensions taken as clips, lower case and without the dot.
    public let extensions: Set<String>

    /// Makes a finder for these extensions; case and a leading dot do not matter (`".MP4"` is `mp4`).
    public init(extensions: [String] = defaultExtensions) {
        self.extensions = Set(
            extensions.map { ext in
                let lower = ext.lowercased()
                return lower.hasPrefix(".") ? String(lower.dropFirst()) : lower
            })
    }

    /// Lists the clips below `root`, and the entries deliberately skipped, both sorted by relative path.
    ///
    /// The root itself may be reached through a symbolic link; links below it are never followed.
    /// A folder below the root that cannot be read is reported in `skipped` with the system's reason;
    /// the walk goes on with the rest of the volume.
    ///
    /// - Throws: `DockError.Code.volumeUnreadable` when the root itself is missing, not a folder, or
    ///   cannot be read.
    public func find(in root: String) throws(DockError) -> (clips: [ClipCandidate], skipped: [SkippedEntry]) {
        let rootPath = Self.trimmingTrailingSlashes(root)
        var rootStat = stat()
        guard stat(rootPath, &rootStat) == 0 else {
            throw DockError.volume(rootPath, operation: "stat", errno: errno)
        }
        guard Self.fileType(rootStat) == S_IFDIR else {
            throw DockError.volume(rootPath, operation: "opendir", errno: ENOTDIR)
        }
        guard let rootDirectory = opendir(rootPath) else {
            throw DockError.volume(rootPath, operation: "opendir", errno: errno)
        }

        var walk = Walk(root: rootPath, device: rootStat.st_dev, extensions: extensions)
        walk.visit(directory: rootDirectory, relative: "")
        closedir(rootDirectory)

        walk.clips.sort { $0.relativePath < $1.relativePath }
        walk.skipped.sort { $0.relativePath < $1.relativePath }
        return (walk.clips, walk.skipped)
    }

    // MARK: - Helpers

    static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        return String(trimmed)
    }

    /// The entry names of an open directory, without `.` and `..`.
    static func entryNames(in directory: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." {
                names.append(name)
            }
        }
        return names
    }

    static func fileType(_ status: stat) -> mode_t {
        status.st_mode & S_IFMT
    }

    static func modificationDate(_ status: stat) -> Date {
        Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
    }
}

// MARK: - Walk

/// The state of one walk over a volume.
private struct Walk {
    let root: String
    let device: dev_t
    let extensions: Set<String>
    var clips: [ClipCandidate] = []
    var skipped: [SkippedEntry] = []

    init(root: String, device: dev_t, extensions: Set<String>) {
        self.root = root
        self.device = device
        self.extensions = extensions
    }

    mutating func visit(directory: OpaquePointer, relative: String) {
        for name in ClipFinder.entryNames(in: directory) {
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            let path = root == "/" ? "/" + relativePath : root + "/" + relativePath
            examine(name: name, path: path, relativePath: relativePath)
        }
    }

    mutating func examine(name: String, path: String, relativePath: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            let reason = "cannot be examined: " + DockError.systemText(errno)
            skipped.append(SkippedEntry(relativePath: relativePath, reason: reason))
            return
        }

        let type = ClipFinder.fileType(status)
        if let reason = Self.reasonToSkip(name: name, type: type) {
            skipped.append(SkippedEntry(relativePath: relativePath, reason: reason))
            return
        }

        switch type {
        case S_IFDIR:
            guard status.st_dev == device else {
                skipped.append(SkippedEntry(relativePath: relativePath, reason: SkippedEntry.otherFileSystem))
                return
            }
            guard let directory = opendir(path) else {
                let reason = "unreadable folder: " + DockError.systemText(errno)
                skipped.append(SkippedEntry(relativePath: relativePath, reason: reason))
                return
            }
            visit(directory: directory, relative: relativePath)
            closedir(directory)
        case S_IFREG:
            guard isClipName(name) else { return }
            clips.append(
                ClipCandidate(
                    path: path, relativePath: relativePath, name: name, size: Int64(status.st_size),
                    modified: ClipFinder.modificationDate(status)))
        case S_IFLNK:
            skipped.append(SkippedEntry(relativePath: relativePath, reason: SkippedEntry.symbolicLink))
        default:
            skipped.append(SkippedEntry(relativePath: relativePath, reason: SkippedEntry.notRegularFile))
        }
    }

    func isClipName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// The reason an entry is skipped by its name alone, or nil when its name is ordinary.
    static func reasonToSkip(name: String, type: mode_t) -> String? {
        if ClipFinder.systemFolderNames.contains(name) {
            return SkippedEntry.systemFolder
        }
        guard name.hasPrefix(".") else { return nil }
        if type == S_IFDIR {
            return SkippedEntry.hiddenFolder
        }
        if name.hasPrefix("._") && type == S_IFREG {
            return SkippedEntry.appleDouble
        }
        return SkippedEntry.hiddenFile
    }
}
