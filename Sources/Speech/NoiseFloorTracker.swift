// MARK: - NoiseFloorTracker

/// Follows the noise floor of each spectral bin by minimum statistics.
///
/// The power of each bin is smoothed over a few frames; the noise floor is the smallest smoothed value over the last
/// `window` frames, kept as the minima of eight sub-windows so that the window slides cheaply, times a bias factor
/// because a minimum lies below the mean. Speech comes and goes within a second or so and rarely fills the window in
/// every bin, so it does not raise the floor; steady noise does, within one window.
struct NoiseFloorTracker {
    private static let subWindowCount = 8
    private static let smoothing: Float = 0.8
    /// Ratio of the mean of noise power to the minimum of its smoothed value over the window, measured on white and
    /// pink noise with the 40 ms Hann window and 10 ms step.
    private static let bias: Float = 2.5

    private let bins: Int
    private let subWindowLength: Int
    private var smoothed: [Float]
    private var subWindowMinima: [Float]
    private var current: [Float]
    private var storedMinimum: [Float]
    private var framesInSubWindow = 0
    private var nextSubWindow = 0
    private(set) var floor: [Float]
    private var primed = false

    init(bins: Int, window: Int) {
        self.bins = bins
        subWindowLength = max(1, window / Self.subWindowCount)
        smoothed = [Float](repeating: 0, count: bins)
        subWindowMinima = [Float](repeating: .greatestFiniteMagnitude, count: bins * Self.subWindowCount)
        current = [Float](repeating: .greatestFiniteMagnitude, count: bins)
        storedMinimum = [Float](repeating: .greatestFiniteMagnitude, count: bins)
        floor = [Float](repeating: 0, count: bins)
    }

    /// Takes the power spectrum of the next frame and updates ``floor``.
    mutating func update(with power: UnsafeBufferPointer<Float>) {
        let alpha = Self.smoothing
        let bias = Self.bias
        if !primed {
            for bin in 0..<bins { smoothed[bin] = power[bin] }
            primed = true
        }
        smoothed.withUnsafeMutableBufferPointer { smooth in
            current.withUnsafeMutableBufferPointer { current in
                storedMinimum.withUnsafeBufferPointer { stored in
                    floor.withUnsafeMutableBufferPointer { floor in
                        for bin in 0..<bins {
                            let value = alpha * smooth[bin] + (1 - alpha) * power[bin]
                            smooth[bin] = value
                            if value < current[bin] { current[bin] = value }
                            floor[bin] = bias * min(current[bin], stored[bin])
                        }
                    }
                }
            }
        }
        framesInSubWindow += 1
        if framesInSubWindow == subWindowLength {
            for bin in 0..<bins {
                subWindowMinima[nextSubWindow * bins + bin] = current[bin]
                current[bin] = .greatestFiniteMagnitude
            }
            nextSubWindow = (nextSubWindow + 1) % Self.subWindowCount
            framesInSubWindow = 0
            for bin in 0..<bins {
                var lowest = Float.greatestFiniteMagnitude
                for window in 0..<Self.subWindowCount { lowest = min(lowest, subWindowMinima[window * bins + bin]) }
                storedMinimum[bin] = lowest
            }
        }
    }
}
