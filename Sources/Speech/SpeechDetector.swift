// MARK: - SpeechDetector

/// Finds speech in PCM audio, telling a spoken explanation apart from wind, rain, traffic and other noise.
///
/// The detector is built from classic cues rather than one loudness threshold:
/// 1. the audio is brought to 8 kHz (the telephone band), so wideband and G.711 recordings are treated alike;
/// 2. each 40 ms Hann frame, one every ``DetectorSettings/frameDuration``, is transformed by a radix-2 real FFT;
/// 3. a noise floor per spectral bin is tracked by minimum statistics, and the speech band (300–3400 Hz) is compared
///    with it, which makes the detector indifferent to the absolute level of quiet speech;
/// 4. harmonicity, the autocorrelation of the envelope-flattened spectrum at a pitch period of 60–400 Hz, weighted
///    towards the bands that stand above the noise floor and averaged over two frames, separates voiced speech (a
///    comb of harmonics) from wind, hiss, rain, rumble, rub and footsteps, none of which is periodic;
/// 5. voiced frames whose pitch holds steady for a syllable's vowel make voiced runs, and runs separated by short
///    pauses make one segment, with a margin before and a hangover after; short segments are dropped.
///
/// Frames where one or two narrow peaks hold most of the power (a siren, a beep, a whistle) are not taken for voice.
///
/// - Note: A sound with a rich comb of harmonics at 60–400 Hz (a horn, an engine whine with many partials, a dog's
///   bark) is periodic like a voice; a steady one joins the noise floor after about ``DetectorSettings/noiseWindow``
///   seconds, an intermittent one can be taken for speech. Music and a radio with speech on it are speech to this
///   detector. Speech much quieter than a siren sounding over it can be missed in the frames the siren dominates.
public struct SpeechDetector: Sendable {
    /// The settings in force.
    public var settings: DetectorSettings

    /// Makes a detector with the given settings.
    public init(settings: DetectorSettings = .init()) {
        self.settings = settings
    }

    // MARK: - Frames

    /// Returns what the detector measured on every analysis frame of `samples`, for diagnosis.
    ///
    /// - Parameters:
    ///   - samples: mono PCM, values in -1…1.
    ///   - sampleRate: samples per second of `samples`; any rate of at least 8000 works, 16 000 is what custody uses.
    ///     Below 8000 there is no telephone band to look at, and no frame is returned.
    public func frames(in samples: [Float], sampleRate: Int = 16_000) -> [SpeechFrame] {
        guard sampleRate >= NarrowbandResampler.outputRate else { return [] }
        let narrowband: [Float]
        if sampleRate == NarrowbandResampler.outputRate {
            narrowband = samples
        } else {
            narrowband = NarrowbandResampler(inputRate: sampleRate).resample(samples)
        }
        let frameDuration = min(max(settings.frameDuration, 0.010), 0.030)
        let step = Int((frameDuration * FrameAnalyzer.rate).rounded())
        let noiseWindowFrames = max(8, Int((settings.noiseWindow * FrameAnalyzer.rate / Double(step)).rounded()))
        return FrameAnalyzer().analyse(
            narrowband,
            step: step,
            noiseWindowFrames: noiseWindowFrames,
            settings: settings
        )
    }

    // MARK: - Segments

    /// Returns the stretches of speech in `samples`, in order, not overlapping.
    ///
    /// - Parameters:
    ///   - samples: mono PCM, values in -1…1 (custody hands over 16 kHz Float32 audio decoded by Media).
    ///   - sampleRate: samples per second of `samples`; at least 8000, or no segment is found.
    /// - Returns: segments with times in seconds from the first sample; empty when no speech was found.
    public func segments(in samples: [Float], sampleRate: Int = 16_000) -> [SpeechSegment] {
        let frames = frames(in: samples, sampleRate: sampleRate)
        let totalDuration = Double(samples.count) / Double(sampleRate)
        return SegmentBuilder(settings: settings).segments(from: frames, totalDuration: totalDuration)
    }
}

// MARK: - Verdict

extension SpeechDetector {
    /// Decides whether `samples` (16 kHz mono) hold at least `minimumSpeech` seconds of speech.
    ///
    /// custody hands over the first 30 s of a resumed clip; the explanation of the interruption is `spoken` when this
    /// returns `spoken == true`.
    /// - Parameters:
    ///   - samples: mono PCM at 16 kHz, values in -1…1.
    ///   - minimumSpeech: seconds of speech, summed over all segments, needed for `spoken`. Default 2.
    public func verdict(_ samples: [Float], minimumSpeech: Double = 2.0) -> SpeechVerdict {
        verdict(segments: segments(in: samples), minimumSpeech: minimumSpeech)
    }

    /// Makes the verdict for segments already found.
    public func verdict(segments: [SpeechSegment], minimumSpeech: Double = 2.0) -> SpeechVerdict {
        let total = segments.reduce(0) { $0 + $1.duration }
        return SpeechVerdict(spoken: total >= minimumSpeech, speechStart: segments.first?.start, speechSeconds: total)
    }
}
