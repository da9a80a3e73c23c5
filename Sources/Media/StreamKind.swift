// MARK: - StreamKind

/// What a stream in a clip carries, as libavformat classifies it.
///
/// `other` covers attachments and any media type libavformat does not name.
public enum StreamKind: String, Sendable, Codable {
    case video
    case audio
    case subtitle
    case data
    case other
}
