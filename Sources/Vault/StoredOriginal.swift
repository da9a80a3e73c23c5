/// An original in the store: read-only, durable, and read back from disk with the clip's SHA-256.
public struct StoredOriginal: Sendable, Equatable {
    /// Path inside the store. It differs from the asked path when that name held other content (a hash suffix
    /// was added: `FILE0003.1a2b3c4d.MP4`).
    public let relativePath: String
    /// SHA-256 of the original, lowercase hexadecimal.
    public let sha256: String
    /// Size in bytes.
    public let size: Int64
    /// True when the same content was already stored under that name (for example after a crash between the
    /// rename and the catalog insert) and that file was kept instead of the new copy.
    public let adopted: Bool

    /// Makes a value; the Vault is the one that creates them for real originals.
    public init(relativePath: String, sha256: String, size: Int64, adopted: Bool) {
        self.relativePath = relativePath
        self.sha256 = sha256
        self.size = size
        self.adopted = adopted
    }
}
