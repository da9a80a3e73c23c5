// MARK: - DetectorSettings

/// The knobs of ``SpeechDetector``, with defaults chosen on a labelled corpus of speech in wind, pink, white and
/// traffic-like noise (see `benchmarks/vad/README.md`).
///
/// The detector calls a frame *voiced* when its spectrum, flattened by its own envelope, repeats at a pitch between
/// 60 and 400 Hz (harmonicity), the speech band (300–3400 Hz) stands above the tracked noise floor, and the frame is
/// louder than digital near-silence. Voiced frames whose pitch holds steady make *voiced runs*; runs separated by
/// short pauses are joined into one ``SpeechSegment``. Wind, rain, hiss, rumble, clothing rub and footsteps are not
/// periodic and so rarely make voiced runs.
public struct DetectorSettings: Sendable, Equatable {
    /// Step between analysed frames, in seconds; 0.010 to 0.030. Each frame is analysed over a 40 ms Hann window.
    /// A longer step is faster and coarser. Default 0.010.
    public var frameDuration: Double = 0.010
    /// Lowest normalised autocorrelation of the whitened spectrum (averaged over the frame and the one before), 0 to 1,
    /// for a frame to count as voiced.
    /// Lower finds more speech in heavy noise and risks more false speech. Default 0.34.
    public var harmonicityThreshold: Double = 0.34
    /// Lowest ratio, in dB, of speech-band power to the tracked noise floor for a frame to count as voiced.
    /// Default 2.
    public var minimumSNR: Double = 2.0
    /// Frames whose speech-band level is below this, in dB relative to full scale, are silence whatever their shape.
    /// Default -70, well below speech a couple of metres from the microphone (about -30 to -45 dBFS).
    public var silenceLevel: Double = -70.0
    /// Length, in seconds, over which the noise floor is the minimum of the smoothed spectrum; a steady sound longer
    /// than this becomes part of the floor. Default 1.6.
    public var noiseWindow: Double = 1.6
    /// Shortest run of voiced frames with a steady pitch, in seconds, that counts as the vowel of a syllable.
    /// Default 0.04.
    public var minimumVoicedRun: Double = 0.04
    /// Longest pause, in seconds, between voiced runs that still belongs to one segment. Default 0.7.
    public var maximumPause: Double = 0.7
    /// Seconds added before the first voiced run of a segment, for the consonant that starts a word. Default 0.1.
    public var onsetMargin: Double = 0.1
    /// Seconds kept after the last voiced run of a segment (hangover), for the sound that ends a word: a final
    /// consonant, or a falling tone whose last periods are too weak to measure. Default 0.25.
    public var hangover: Double = 0.25
    /// Shortest segment, in seconds, that is reported; shorter ones are dropped as clicks or a single tone.
    /// Default 0.3.
    public var minimumSegment: Double = 0.3

    /// Makes the default settings.
    public init() {}
}
