// MARK: - SkippedEntry

/// An entry on a volume that `ClipFinder` deliberately did not take, and why.
///
/// Hidden and system entries, links, and special files are listed whatever their extension, so an
/// operator can see that nothing that might be a clip was passed over silently. Regular files that
/// are not clips (`.THM`, `.LOG`, `.XML`) are not listed.
public struct SkippedEntry: Sendable, Equatable, Hashable {
    /// Path inside the volume, without a leading slash.
    public let relativePath: String
    /// Why it was skipped; one of the constants below, or `unreadable folder: <strerror>`.
    public let reason: String

    /// Makes an entry from its parts.
    public init(relativePath: String, reason: String) {
        self.relativePath = relativePath
        self.reason = reason
    }
}

// MARK: - Reasons

extension SkippedEntry {
    /// A file whose name starts with a dot.
    public static let hiddenFile = "hidden file"

    /// True when the entry was passed over because it could not be read, not because it is not a clip: an
    /// unreadable folder, or a name the file system would not let custody examine. Such an entry may hold a
    /// clip, so it must be reported, not passed over quietly.
    public var isFailure: Bool {
        reason.hasPrefix("unreadable folder") || reason.hasPrefix("cannot be examined")
    }
    /// A folder whose name starts with a dot; nothing inside it is looked at.
    public static let hiddenFolder = "hidden folder"
    /// A `._name` file macOS writes beside each file on FAT and exFAT volumes.
    public static let appleDouble = "AppleDouble file"
    /// `.Trashes`, `System Volume Information` or `$RECYCLE.BIN`; nothing inside it is looked at.
    public static let systemFolder = "system folder"
    /// A symbolic link; links are never followed, so a clip is only taken where it really is.
    public static let symbolicLink = "symbolic link"
    /// A fifo, socket or device.
    public static let notRegularFile = "not a regular file"
    /// A folder on which another file system is mounted; the volume's own clips stop at its edge.
    public static let otherFileSystem = "another file system mounted here"
}
