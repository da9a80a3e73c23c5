import Foundation

// MARK: - NarrowbandResampler

/// Brings audio at any sample rate to 8 kHz, the telephone band in which the detector works.
///
/// Speech cues the detector uses (pitch, harmonics, formants) all lie below 4 kHz, and audio that went through
/// G.711 at 8 kHz has nothing above it, so working at 8 kHz treats wideband and narrowband recordings alike and
/// halves the work. A windowed-sinc low-pass (Blackman, cutoff 3.7 kHz) runs at the input rate; output samples
/// falling between input samples are interpolated linearly.
struct NarrowbandResampler {
    static let outputRate = 8_000

    private let taps: [Float]
    private let step: Double

    init(inputRate: Int) {
        step = Double(inputRate) / Double(Self.outputRate)
        if inputRate <= Self.outputRate {
            taps = [1]
            return
        }
        let count = max(15, Int((Double(inputRate) / 16_000 * 47).rounded()) | 1)
        let cutoff = 3_700.0 / Double(inputRate)
        let middle = Double(count - 1) / 2
        var designed = (0..<count).map { index -> Double in
            let t = Double(index) - middle
            let sinc = t == 0 ? 2 * cutoff : sin(2 * Double.pi * cutoff * t) / (Double.pi * t)
            let x = Double(index) / Double(count - 1)
            let blackman = 0.42 - 0.5 * cos(2 * Double.pi * x) + 0.08 * cos(4 * Double.pi * x)
            return sinc * blackman
        }
        let sum = designed.reduce(0, +)
        designed = designed.map { $0 / sum }
        taps = designed.map { Float($0) }
    }

    /// Returns `samples` at 8 kHz.
    func resample(_ samples: [Float]) -> [Float] {
        guard !samples.isEmpty else { return [] }
        let count = Int(Double(samples.count) / step)
        var output = [Float](repeating: 0, count: count)
        let tapCount = taps.count
        let middle = tapCount / 2
        samples.withUnsafeBufferPointer { input in
            taps.withUnsafeBufferPointer { filter in
                output.withUnsafeMutableBufferPointer { out in
                    func filtered(at center: Int) -> Float {
                        let first = center - middle
                        if first >= 0 && first + tapCount <= input.count {
                            var sum: Float = 0
                            for tap in 0..<tapCount { sum += filter[tap] * input[first + tap] }
                            return sum
                        }
                        var sum: Float = 0
                        for tap in 0..<tapCount {
                            let position = first + tap
                            if position >= 0 && position < input.count { sum += filter[tap] * input[position] }
                        }
                        return sum
                    }
                    for index in 0..<count {
                        let position = Double(index) * step
                        let whole = Int(position)
                        let fraction = Float(position - Double(whole))
                        let value = filtered(at: whole)
                        if fraction > 1e-6 && whole + 1 < input.count {
                            out[index] = value + fraction * (filtered(at: whole + 1) - value)
                        } else {
                            out[index] = value
                        }
                    }
                }
            }
        }
        return output
    }
}
