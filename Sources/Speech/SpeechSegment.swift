// MARK: - SpeechSegment

/// A stretch of audio in which the detector heard speech.
///
/// Times are in seconds from the first sample handed to the detector, so for the opening audio of a clip they are
/// seconds from the start of the clip. A segment includes the short pauses between words and a little margin before
/// its first and after its last voiced sound (see ``DetectorSettings``).
public struct SpeechSegment: Sendable, Equatable {
    /// Seconds from the first sample to the start of the speech.
    public var start: Double
    /// Length of the speech in seconds.
    public var duration: Double

    /// Seconds from the first sample to the end of the speech.
    public var end: Double { start + duration }

    /// Makes a segment from its start and duration, both in seconds.
    public init(start: Double, duration: Double) {
        self.start = start
        self.duration = duration
    }
}
