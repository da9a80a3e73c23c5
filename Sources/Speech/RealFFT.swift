import Foundation

// MARK: - RealFFT

/// A radix-2 fast Fourier transform of real signals, with its twiddles and bit-reversal table computed once.
///
/// A real signal of `size` samples is packed into `size / 2` complex values, transformed in place, and split into
/// the `size / 2 + 1` bins of its spectrum. The inverse runs the same steps backwards. All buffers are supplied by the
/// caller so that a detector working through thousands of frames allocates nothing per frame.
final class RealFFT {
    /// The number of real samples per transform; a power of two, at least 8.
    let size: Int

    private let half: Int
    private let bitReversed: [Int32]
    private let cosines: [Float]
    private let sines: [Float]
    private let splitCosines: [Float]
    private let splitSines: [Float]
    private var real: [Float]
    private var imaginary: [Float]

    init(size: Int) {
        precondition(size >= 8 && size & (size - 1) == 0, "the transform size must be a power of two, at least 8")
        self.size = size
        self.half = size / 2

        let half = size / 2
        var bits = 0
        while 1 << bits < half { bits += 1 }
        bitReversed = (0..<half).map { index in
            var reversed = 0
            for bit in 0..<bits where index & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            return Int32(reversed)
        }
        cosines = (0..<half / 2).map { Float(cos(-2.0 * Double.pi * Double($0) / Double(half))) }
        sines = (0..<half / 2).map { Float(sin(-2.0 * Double.pi * Double($0) / Double(half))) }
        splitCosines = (0...half).map { Float(cos(-2.0 * Double.pi * Double($0) / Double(size))) }
        splitSines = (0...half).map { Float(sin(-2.0 * Double.pi * Double($0) / Double(size))) }
        real = [Float](repeating: 0, count: half)
        imaginary = [Float](repeating: 0, count: half)
    }

    // MARK: - Forward

    /// Computes the power spectrum `|X[k]|²`, k = 0 … size/2, of `input` (exactly `size` samples).
    func powerSpectrum(of input: UnsafeBufferPointer<Float>, into power: UnsafeMutableBufferPointer<Float>) {
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                for index in 0..<half {
                    re[index] = input[2 * index]
                    im[index] = input[2 * index + 1]
                }
                transform(re, im)

                // Split the packed transform Z into the spectrum of the real signal:
                // X[k] = (Z[k] + conj Z[N/2-k]) / 2 + W^k (Z[k] - conj Z[N/2-k]) / 2i.
                power[0] = square(re[0] + im[0])
                power[half] = square(re[0] - im[0])
                for k in 1..<half {
                    let mirror = half - k
                    let evenRe = 0.5 * (re[k] + re[mirror])
                    let evenIm = 0.5 * (im[k] - im[mirror])
                    let oddRe = 0.5 * (im[k] + im[mirror])
                    let oddIm = -0.5 * (re[k] - re[mirror])
                    let c = splitCosines[k]
                    let s = splitSines[k]
                    let xRe = evenRe + c * oddRe - s * oddIm
                    let xIm = evenIm + c * oddIm + s * oddRe
                    power[k] = xRe * xRe + xIm * xIm
                }
            }
        }
    }

    // MARK: - Inverse

    /// Computes the real signal (`size` samples, scaled by `size / 2`) whose spectrum is real and even, given its
    /// `size/2 + 1` real bins. This is how an autocorrelation is obtained from a power spectrum.
    func inverseOfRealSpectrum(_ spectrum: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                // Rebuild the packed spectrum Z[k] = E[k] + i·O[k], with E and O the spectra of the even and odd
                // samples: E[k] = (X[k] + conj X[N/2-k]) / 2, O[k] = (X[k] - conj X[N/2-k]) · conj(W^k) / 2.
                for k in 0..<half {
                    let mirror = half - k
                    let a = spectrum[k]
                    let b = spectrum[mirror]
                    let evenRe = 0.5 * (a + b)
                    let differenceRe = 0.5 * (a - b)
                    let c = splitCosines[k]
                    let s = -splitSines[k]
                    let oddRe = differenceRe * c
                    let oddIm = differenceRe * s
                    // Z = E + i·O; conjugate it so the forward transform computes the inverse.
                    let zRe = evenRe - oddIm
                    let zIm = oddRe
                    re[k] = zRe
                    im[k] = -zIm
                }
                transform(re, im)
                for index in 0..<half {
                    output[2 * index] = re[index]
                    output[2 * index + 1] = -im[index]
                }
            }
        }
    }

    // MARK: - Complex transform

    /// An in-place iterative radix-2 decimation-in-time transform of `half` complex values.
    private func transform(_ re: UnsafeMutableBufferPointer<Float>, _ im: UnsafeMutableBufferPointer<Float>) {
        bitReversed.withUnsafeBufferPointer { table in
            for index in 0..<half {
                let other = Int(table[index])
                if other > index {
                    re.swapAt(index, other)
                    im.swapAt(index, other)
                }
            }
        }
        cosines.withUnsafeBufferPointer { cosTable in
            sines.withUnsafeBufferPointer { sinTable in
                var length = 2
                while length <= half {
                    let halfLength = length / 2
                    let stride = half / length
                    var start = 0
                    while start < half {
                        var twiddle = 0
                        for offset in 0..<halfLength {
                            let c = cosTable[twiddle]
                            let s = sinTable[twiddle]
                            let upper = start + offset
                            let lower = upper + halfLength
                            let tRe = re[lower] * c - im[lower] * s
                            let tIm = re[lower] * s + im[lower] * c
                            re[lower] = re[upper] - tRe
                            im[lower] = im[upper] - tIm
                            re[upper] += tRe
                            im[upper] += tIm
                            twiddle += stride
                        }
                        start += length
                    }
                    length *= 2
                }
            }
        }
    }

    private func square(_ value: Float) -> Float { value * value }
}
