// MARK: - SpeechFrame

/// What the detector measured on one analysis frame, for diagnosing a verdict.
///
/// Frames are 40 ms windows of the audio brought to 8 kHz, one every ``DetectorSettings/frameDuration``.
public struct SpeechFrame: Sendable, Equatable {
    /// Seconds from the first sample to the centre of the frame.
    public var time: Double
    /// Power in the speech band (300–3400 Hz), in dB relative to full scale.
    public var level: Float
    /// Speech-band power over the tracked noise floor, in dB.
    public var snr: Float
    /// Normalised autocorrelation of the envelope-flattened spectrum at the best pitch period, about 0 for noise and
    /// towards 1 for a steady voiced sound.
    public var harmonicity: Float
    /// Pitch, in Hz, at which ``harmonicity`` was found (60–400 Hz); meaningful only for voiced frames.
    public var pitch: Float
    /// True when the frame passed the voicing test of the settings in force.
    public var voiced: Bool
}
