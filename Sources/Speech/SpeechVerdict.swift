// MARK: - SpeechVerdict

/// Whether the opening audio of a resumed clip holds enough speech to count as a spoken explanation.
///
/// The regulation asks the handler to state the cause of an interruption by voice as soon as recording resumes;
/// custody accepts the explanation as `spoken` when the detector finds at least the minimum amount of speech
/// (2 s by default) in the audio it was given (the first 30 s of the clip by default).
public struct SpeechVerdict: Sendable, Equatable {
    /// True when the total speech is at least the minimum asked for.
    public var spoken: Bool
    /// Seconds from the first sample to the start of the first speech segment, or nil when none was found.
    public var speechStart: Double?
    /// Total seconds of speech found, summed over all segments.
    public var speechSeconds: Double

    /// Makes a verdict from its parts.
    public init(spoken: Bool, speechStart: Double?, speechSeconds: Double) {
        self.spoken = spoken
        self.speechStart = speechStart
        self.speechSeconds = speechSeconds
    }
}
