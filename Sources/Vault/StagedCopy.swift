/// A clip copied into the store's `.incoming` folder, hashed and fsynced, but not yet in its place.
///
/// A staged copy can be used once: `Vault.commit(_:as:)` moves it into the store, `Vault.discard(_:)` removes
/// it. If the process ends first, the temporary file stays in `.incoming` until `Vault.sweepIncoming()` removes it;
/// nothing there was ever recorded.
public struct StagedCopy: ~Copyable, Sendable {
    /// Absolute path of the temporary file in `<root>/.incoming`.
    public let temporaryPath: String
    /// SHA-256 of the clip's bytes as they were read from the volume, lowercase hexadecimal.
    public let sha256: String
    /// Size of the clip in bytes.
    public let size: Int64
    /// Time the copy took, from opening the clip to the fsync of the temporary file.
    public let seconds: Double
}
