// MARK: - MountEntry

/// One line of `/proc/self/mountinfo`: one file system mounted at one place.
///
/// Paths are decoded: the kernel's octal escapes (`\040` for a space) are turned back into characters.
public struct MountEntry: Sendable, Equatable, Hashable {
    /// The kernel's mount ID; unique among current mounts, and a new one for every new mounting.
    public let mountID: Int
    /// Where the file system is mounted (`/media/user/CAM 01`).
    public let mountPoint: String
    /// The file-system type (`vfat`, `exfat`, `fuseblk`, `ntfs3`, `ext4`, `tmpfs`).
    public let fileSystem: String
    /// What was mounted: a device path such as `/dev/sdb1`, or a name such as `tmpfs` or `none`.
    public let source: String
    /// The per-mount options (`rw`, `nosuid`, `relatime`).
    public let options: [String]
    /// The mount ID of the parent mount.
    public let parentID: Int
    /// The device number as `major:minor` (`8:17`).
    public let deviceNumber: String
    /// The folder of the file system that is mounted here; `/` unless it is a bind mount of a subfolder.
    public let root: String
    /// The options of the file system itself (`rw,uid=1000,fmask=0022,iocharset=utf8`).
    public let superOptions: [String]

    /// Makes an entry from its parts; the fields that describe the kernel's view have defaults.
    public init(
        mountID: Int, mountPoint: String, fileSystem: String, source: String, options: [String],
        parentID: Int = 0, deviceNumber: String = "0:0", root: String = "/", superOptions: [String] = []
    ) {
        self.mountID = mountID
        self.mountPoint = mountPoint
        self.fileSystem = fileSystem
        self.source = source
        self.options = options
        self.parentID = parentID
        self.deviceNumber = deviceNumber
        self.root = root
        self.superOptions = superOptions
    }

    /// True when the volume is mounted read-only.
    public var isReadOnly: Bool { options.contains("ro") }
}
