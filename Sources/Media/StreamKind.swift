// MARK: - StreamKind

/// What a stream in a clip carries, as libavformat classifies it.
///
/// `other` covers attachments and any media type libavformat does not name.
public enum StreamKind: String, Sendable, Codable {
    /// Pictures.
    case video
    /// Sound.
    case audio
    /// Timed text or bitmaps shown over the picture.
    case subtitle
    /// Timed data such as GPS tracks or recorder metadata.
    case data
    /// Anything else (attachments, unknown types).
    case other
}
