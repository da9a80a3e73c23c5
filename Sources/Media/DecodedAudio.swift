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

// MARK: - AudioExcerpt

/// A stretch of a clip's sound as 16 kHz mono 32-bit float samples in -1...1.
public struct AudioExcerpt: Sendable, Equatable {
    /// Samples per second of `samples`: always 16 000.
    public static let sampleRate = 16_000

    /// Seconds from the clip's start to the first sample.
    ///
    /// Later than the requested start when the audio track begins after the picture.
    public var start: Double

    /// The sound, 16 000 samples per second, one channel (several channels are mixed down).
    public var samples: [Float]

    /// Creates an excerpt; the audio decoder is the usual source of these.
    public init(start: Double, samples: [Float]) {
        self.start = start
        self.samples = samples
    }

    /// Seconds of sound held.
    public var duration: Double { Double(samples.count) / Double(Self.sampleRate) }
}
