// MARK: - VolumeIdentity

/// Which storage a volume is: the device it was mounted from, and the file system's label and UUID.
///
/// The UUID (for FAT and exFAT, the volume serial such as `1A2B-3C4D`) stays the same from dock to
/// dock until the recorder's storage is formatted; the label is set by the maker or the administrator
/// and may be shared by many recorders.
public struct VolumeIdentity: Sendable, Equatable, Hashable {
    /// The device path with symbolic links resolved (`/dev/sdb1`), or the mount source as written
    /// when it is not a device (`tmpfs`).
    public let device: String
    /// The file-system label (`CAM01`), or nil when there is none or it could not be found.
    public let label: String?
    /// The file-system UUID, or nil when there is none or it could not be found.
    public let uuid: String?

    /// Makes an identity from its parts.
    public init(device: String, label: String?, uuid: String?) {
        self.device = device
        self.label = label
        self.uuid = uuid
    }
}
