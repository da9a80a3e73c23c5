import Foundation

// MARK: - FrameAnalyzer

/// Measures, frame by frame, the features on which the voicing decision rests.
///
/// Works at 8 kHz on 40 ms Hann windows zero-padded to 512 points. For each frame it computes the power spectrum,
/// updates the noise floor, and measures
/// - the speech-band level (300–3400 Hz) and its ratio to the noise floor;
/// - harmonicity: the spectrum between 250 and 3000 Hz is divided by its own envelope (a moving average over about
///   ±300 Hz), so that formants, tilt and narrow-band noise flatten out and only fine structure is left, and weighted
///   by how far that envelope stands above the noise floor, so that bands drowned in noise count little; the inverse
///   transform of that is an autocorrelation, averaged with the previous frame's, whose peak over 60–400 Hz periods,
///   corrected for the window's own autocorrelation, says how strongly the frame repeats at a pitch. Voiced speech
///   is a comb of harmonics and scores high; wind, rain, hiss, rumble and rub have no comb and score low;
/// - whether the frame is a tone: two narrow peaks holding most of the power (a siren, a beep), never voiced.
/// All buffers are made once; nothing is allocated per frame.
final class FrameAnalyzer {
    static let windowLength = 320  // 40 ms at 8 kHz: 2.4 periods of the lowest pitch looked for
    static let transformSize = 512  // room for lags up to 192 without wrap-around
    static let rate = Double(NarrowbandResampler.outputRate)

    private static let shortestPeriod = 20  // 400 Hz at 8 kHz
    private static let longestPeriod = 133  // 60 Hz at 8 kHz
    private static let historyDepth = 2  // frames over which the autocorrelation is averaged
    private static let toneShare: Float = 0.85  // of the harmonic band's power, held by two peaks
    private static let toneHalfWidth = 5  // bins: ±78 Hz, wide enough for a siren sweeping during one window
    private static let envelopeHalfWidth = 20  // bins of 15.6 Hz
    private static let weightFloor = 0.1  // the least weight of a bin drowned in noise
    private static let speechBand = 19...217  // 300–3400 Hz
    private static let harmonicBand = 16...192  // 250–3000 Hz, above most of the energy of wind and rumble

    private let fft = RealFFT(size: transformSize)
    private let window: [Float]
    private let windowCorrection: [Float]
    private let taper: [Float]
    private let levelScale: Float
    private var frame: [Float]
    private var power: [Float]
    private var whitened: [Float]
    private var correlation: [Float]
    private var cumulative: [Double]
    private var history: [Float]
    private var historySlot = 0

    init() {
        let length = Self.windowLength
        let window = (0..<length).map { Float(0.5 - 0.5 * cos(2 * Double.pi * Double($0) / Double(length))) }
        self.window = window
        let energy = window.reduce(0) { $0 + $1 * $1 }
        windowCorrection = (0...Self.longestPeriod).map { lag in
            var sum: Float = 0
            for index in 0..<(length - lag) { sum += window[index] * window[index + lag] }
            return max(sum / energy, 0.3)
        }
        let band = Self.harmonicBand
        taper = (0...Self.transformSize / 2).map { bin in
            guard band.contains(bin) else { return 0 }
            let x = Double(bin - band.lowerBound) / Double(band.upperBound - band.lowerBound)
            return Float(sin(Double.pi * x))
        }
        levelScale = 2 / (Float(Self.transformSize) * energy)
        frame = [Float](repeating: 0, count: Self.transformSize)
        power = [Float](repeating: 0, count: Self.transformSize / 2 + 1)
        whitened = [Float](repeating: 0, count: Self.transformSize / 2 + 1)
        correlation = [Float](repeating: 0, count: Self.transformSize)
        cumulative = [Double](repeating: 0, count: Self.transformSize / 2 + 2)
        history = [Float](repeating: 0, count: Self.historyDepth * (Self.longestPeriod + 2))
    }

    // MARK: - Frames

    /// Analyses `samples` (8 kHz) one frame every `step` samples and returns the features of every frame.
    func analyse(_ samples: [Float], step: Int, noiseWindowFrames: Int, settings: DetectorSettings) -> [SpeechFrame] {
        let length = Self.windowLength
        guard samples.count >= length else { return [] }
        let count = (samples.count - length) / step + 1
        var tracker = NoiseFloorTracker(bins: Self.transformSize / 2 + 1, window: noiseWindowFrames)

        // Prime the noise floor on the opening stretch, so that speech at the very start of a clip is measured
        // against the noise around it rather than against itself.
        for index in 0..<min(count, noiseWindowFrames) {
            computePower(samples, at: index * step)
            power.withUnsafeBufferPointer { tracker.update(with: $0) }
        }

        var frames: [SpeechFrame] = []
        frames.reserveCapacity(count)
        for index in 0..<count {
            computePower(samples, at: index * step)
            power.withUnsafeBufferPointer { tracker.update(with: $0) }
            let (level, snr) = speechBandLevel(floor: tracker.floor)
            // Harmonicity is the costly measure; a frame too quiet or too close to the noise floor cannot be voiced,
            // so it is skipped there (and reported as 0), as it is for a tone.
            var harmonicity: Float = 0
            var period = Float(Self.longestPeriod)
            if Double(snr) >= settings.minimumSNR && Double(level) >= settings.silenceLevel && !isTone() {
                (harmonicity, period) = measureHarmonicity(floor: tracker.floor)
            } else {
                forgetFrame()
            }
            let voiced =
                Double(harmonicity) >= settings.harmonicityThreshold && Double(snr) >= settings.minimumSNR
                && Double(level) >= settings.silenceLevel
            frames.append(
                SpeechFrame(
                    time: (Double(index * step) + Double(length) / 2) / Self.rate,
                    level: level,
                    snr: snr,
                    harmonicity: harmonicity,
                    pitch: Float(Self.rate) / period,
                    voiced: voiced
                )
            )
        }
        return frames
    }

    // MARK: - Spectrum

    private func computePower(_ samples: [Float], at start: Int) {
        samples.withUnsafeBufferPointer { input in
            window.withUnsafeBufferPointer { window in
                frame.withUnsafeMutableBufferPointer { frame in
                    for index in 0..<Self.windowLength { frame[index] = input[start + index] * window[index] }
                }
            }
        }
        frame.withUnsafeBufferPointer { frame in
            power.withUnsafeMutableBufferPointer { power in
                fft.powerSpectrum(of: frame, into: power)
            }
        }
    }

    private func speechBandLevel(floor: [Float]) -> (level: Float, snr: Float) {
        var signal: Float = 0
        var noise: Float = 0
        for bin in Self.speechBand {
            signal += power[bin]
            noise += floor[bin]
        }
        let level = 10 * log10(max(signal * levelScale, 1e-20))
        let snr = 10 * log10(max(signal, 1e-30) / max(noise, 1e-30))
        return (level, snr)
    }

    // MARK: - Tones

    /// True when two narrow peaks (±80 Hz each) hold most of the harmonic band's power: a siren, a beep, a whistle or
    /// a hum, whose one or two partials would otherwise repeat like a voice. A voice spreads its power over several
    /// harmonics and formants.
    private func isTone() -> Bool {
        let band = Self.harmonicBand
        let halfWidth = Self.toneHalfWidth
        return power.withUnsafeBufferPointer { power in
            var total: Float = 0
            for bin in band { total += power[bin] }
            guard total > 0 else { return false }
            var held: Float = 0
            var taken = -1000
            for _ in 0..<2 {
                var strongest: Float = -1
                var strongestBin = band.lowerBound
                for bin in band where abs(bin - taken) > 2 * halfWidth && power[bin] > strongest {
                    strongest = power[bin]
                    strongestBin = bin
                }
                for bin in max(
                    band.lowerBound, strongestBin - halfWidth)...min(band.upperBound, strongestBin + halfWidth)
                where abs(bin - taken) > halfWidth {
                    held += power[bin]
                }
                taken = strongestBin
            }
            return held >= Self.toneShare * total
        }
    }

    // MARK: - Harmonicity

    private func measureHarmonicity(floor: [Float]) -> (harmonicity: Float, period: Float) {
        let bins = Self.transformSize / 2 + 1
        let halfWidth = Self.envelopeHalfWidth
        power.withUnsafeBufferPointer { power in
            cumulative.withUnsafeMutableBufferPointer { sums in
                sums[0] = 0
                for bin in 0..<bins { sums[bin + 1] = sums[bin] + Double(power[bin]) }
                whitened.withUnsafeMutableBufferPointer { whitened in
                    taper.withUnsafeBufferPointer { taper in
                        for bin in 0..<bins {
                            guard taper[bin] > 0 else {
                                whitened[bin] = 0
                                continue
                            }
                            let low = max(0, bin - halfWidth)
                            let high = min(bins - 1, bin + halfWidth)
                            let envelope = (sums[high + 1] - sums[low]) / Double(high - low + 1)
                            let ratio = envelope > 1e-20 ? Float(Double(power[bin]) / envelope) : 1
                            // Weight each bin by how far the local envelope stands above the noise floor (a Wiener
                            // gain on the smooth envelope, never on single bins, so noise does not turn into a few
                            // stray peaks): the harmonics that rise out of the noise decide, the drowned ones do not.
                            let clean = envelope > 1e-20 ? 1 - Double(floor[bin]) / envelope : 0
                            let weight = taper[bin] * Float(max(Self.weightFloor, clean))
                            whitened[bin] = ratio * weight
                        }
                    }
                }
            }
        }
        whitened.withUnsafeBufferPointer { whitened in
            correlation.withUnsafeMutableBufferPointer { correlation in
                fft.inverseOfRealSpectrum(whitened, into: correlation)
            }
        }
        let zero = correlation[0]
        guard zero > 1e-12 else {
            forgetFrame()
            return (0, Float(Self.longestPeriod))
        }
        // Average the normalised autocorrelation over this frame and the previous ones: a voice keeps its period
        // from one frame to the next, the chance peaks of noise do not.
        let lags = Self.longestPeriod + 2
        let slot = historySlot * lags
        for lag in 0..<lags { history[slot + lag] = correlation[lag] / zero }
        historySlot = (historySlot + 1) % Self.historyDepth
        for lag in 0..<lags {
            var sum: Float = 0
            for depth in 0..<Self.historyDepth { sum += history[depth * lags + lag] }
            correlation[lag] = sum / Float(Self.historyDepth)
        }
        return peak(zero: 1)
    }

    /// Records a frame without harmonicity, so that the average over recent frames does not carry across it.
    private func forgetFrame() {
        let lags = Self.longestPeriod + 2
        let slot = historySlot * lags
        for lag in 0..<lags { history[slot + lag] = 0 }
        historySlot = (historySlot + 1) % Self.historyDepth
    }

    private func peak(zero: Float) -> (harmonicity: Float, period: Float) {
        var best: Float = -1
        var bestLag = Self.shortestPeriod
        for lag in Self.shortestPeriod...Self.longestPeriod {
            let value = correlation[lag] / (zero * windowCorrection[lag])
            if value > best {
                best = value
                bestLag = lag
            }
        }
        // Prefer the shortest period that scores nearly as well, so that a pitch is not read an octave low.
        var chosen = bestLag
        var lag = Self.shortestPeriod
        while lag < bestLag {
            let value = correlation[lag] / (zero * windowCorrection[lag])
            if value >= 0.9 * best && correlation[lag] >= correlation[lag - 1]
                && correlation[lag] >= correlation[lag + 1]
            {
                chosen = lag
                break
            }
            lag += 1
        }
        let chosenValue = correlation[chosen] / (zero * windowCorrection[chosen])

        // Refine the period between lags by the parabola through the peak and its neighbours.
        let before = correlation[chosen - 1]
        let peak = correlation[chosen]
        let after = correlation[chosen + 1]
        let curvature = before - 2 * peak + after
        var period = Float(chosen)
        if curvature < 0 {
            period += max(-0.5, min(0.5, 0.5 * (before - after) / curvature))
        }
        return (min(chosenValue, 1), period)
    }
}
