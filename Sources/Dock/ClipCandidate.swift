import Foundation

// MARK: - ClipCandidate

/// A media file found on a volume that looks like a clip, as it was when the volume was read.
///
/// Size and modification time are what `lstat` reported; a clip still being written changes them,
/// which `StabilityCheck` looks for before anything is copied.
public struct ClipCandidate: Sendable, Equatable, Hashable {
    /// Absolute path of the clip on the mounted volume.
    public let path: String
    /// Path inside the volume, without a leading slash (`DCIM/100MEDIA/FILE0001.MP4`).
    public let relativePath: String
    /// The file name alone (`FILE0001.MP4`).
    public let name: String
    /// Size in bytes.
    public var size: Int64
    /// Last modification time, to the nanosecond the file system keeps.
    public var modified: Date

    /// Makes a candidate from its parts.
    public init(path: String, relativePath: String, name: String, size: Int64, modified: Date) {
        self.path = path
        self.relativePath = relativePath
        self.name = name
        self.size = size
        self.modified = modified
    }
}
