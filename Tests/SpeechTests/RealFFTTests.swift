import Foundation
import Testing

@testable import Speech

// MARK: - RealFFTTests

@Suite("RealFFT")
struct RealFFTTests {
    /// A fixed pseudo-random signal, so that every run checks the same numbers.
    private func signal(count: Int) -> [Float] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 1_000_000
        }
    }

    @Test("the power spectrum of a 64-sample signal equals the directly summed DFT to 1e-4 relative")
    func powerSpectrumMatchesDirectSum() {
        let size = 64
        let input = signal(count: size)
        var power = [Float](repeating: 0, count: size / 2 + 1)
        let fft = RealFFT(size: size)
        input.withUnsafeBufferPointer { input in
            power.withUnsafeMutableBufferPointer { fft.powerSpectrum(of: input, into: $0) }
        }
        for k in 0...size / 2 {
            var re = 0.0
            var im = 0.0
            for n in 0..<size {
                let angle = -2 * Double.pi * Double(k * n) / Double(size)
                re += Double(input[n]) * cos(angle)
                im += Double(input[n]) * sin(angle)
            }
            let expected = re * re + im * im
            #expect(abs(Double(power[k]) - expected) <= 1e-4 * max(expected, 1), "bin \(k)")
        }
    }

    @Test("the inverse of a real even spectrum equals the directly summed inverse DFT times size/2")
    func inverseMatchesDirectSum() {
        let size = 32
        let spectrum = signal(count: size / 2 + 1)
        var output = [Float](repeating: 0, count: size)
        let fft = RealFFT(size: size)
        spectrum.withUnsafeBufferPointer { spectrum in
            output.withUnsafeMutableBufferPointer { fft.inverseOfRealSpectrum(spectrum, into: $0) }
        }
        for n in 0..<size {
            var sum = 0.0
            for k in 0..<size {
                let value = Double(spectrum[k <= size / 2 ? k : size - k])
                sum += value * cos(2 * Double.pi * Double(k * n) / Double(size))
            }
            let expected = sum / 2
            #expect(abs(Double(output[n]) - expected) <= 1e-4 * max(abs(expected), 1), "sample \(n)")
        }
    }
}
