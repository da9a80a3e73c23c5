// MARK: - DecodedAudio

/// What decoding a clip's audio gave: samples, or the fact that the clip has no audio track.
///
/// "No audio track" is kept apart from "silence" on purpose: a resumed recording without a track cannot
/// hold a spoken explanation, and that must show as `missing`, not as a quiet recording.
public enum DecodedAudio: Sendable, Equatable {
    /// The clip has no audio stream at all.
    case noAudioTrack

    /// The clip's first audio stream, decoded.
    case audio(AudioExcerpt)

    /// The samples; empty for a clip with no audio track.
    public var samples: [Float] {
        switch self {
        case .noAudioTrack: []
        case .audio(let excerpt): excerpt.samples
        }
    }

    /// Whether the clip has an audio track.
    public var hasAudioTrack: Bool { self != .noAudioTrack }
}
