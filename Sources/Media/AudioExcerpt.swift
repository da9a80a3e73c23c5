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
