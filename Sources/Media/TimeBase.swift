import CFFmpeg

// MARK: - TimeBase

/// A stream's time base: one tick is `numerator / denominator` seconds.
struct TimeBase: Equatable, Sendable {
    var numerator: Int64
    var denominator: Int64

    init(numerator: Int64, denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    init(_ rational: AVRational) {
        self.init(numerator: Int64(rational.num), denominator: Int64(rational.den))
    }

    /// Seconds for a count of ticks, computed as one division so exact spans (3.0, 2.016) stay exact.
    func seconds(_ ticks: Int64) -> Double {
        guard denominator != 0 else {
            return 0
        }
        let (scaled, overflow) = ticks.multipliedReportingOverflow(by: numerator)
        if overflow {
            return Double(ticks) * Double(numerator) / Double(denominator)
        }
        return Double(scaled) / Double(denominator)
    }
}
