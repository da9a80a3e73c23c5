import CFFmpeg

// MARK: - PacketTiming

/// One packet's place in time and in the file, copied out of an `AVPacket` without its payload.
struct PacketTiming: Equatable {
    /// Index of the stream the packet belongs to.
    var stream: Int

    /// Presentation timestamp in the stream's time base; nil when the container gives none.
    var pts: Int64?

    /// Decoding timestamp in the stream's time base; nil when the container gives none.
    var dts: Int64?

    /// Duration in the stream's time base; 0 when the container gives none.
    var duration: Int64

    /// Byte offset of the packet in the file; nil when unknown.
    var position: Int64?

    /// Payload size in bytes.
    var size: Int

    /// The packet starts a picture that decodes on its own.
    var isKeyframe: Bool

    /// The container asks for the packet to be decoded but not shown (AAC priming before an edit list).
    var isDiscarded: Bool

    init(
        stream: Int, pts: Int64?, dts: Int64?, duration: Int64, position: Int64? = nil, size: Int = 0,
        isKeyframe: Bool = false, isDiscarded: Bool = false
    ) {
        self.stream = stream
        self.pts = pts
        self.dts = dts
        self.duration = duration
        self.position = position
        self.size = size
        self.isKeyframe = isKeyframe
        self.isDiscarded = isDiscarded
    }

    /// Copies the timing of a packet just read by `av_read_frame`.
    init(_ packet: UnsafePointer<AVPacket>) {
        let none = custody_av_nopts_value()
        let p = packet.pointee
        self.init(
            stream: Int(p.stream_index),
            pts: p.pts == none ? nil : p.pts,
            dts: p.dts == none ? nil : p.dts,
            duration: max(0, p.duration),
            position: p.pos < 0 ? nil : p.pos,
            size: Int(p.size),
            isKeyframe: p.flags & AV_PKT_FLAG_KEY != 0,
            isDiscarded: p.flags & AV_PKT_FLAG_DISCARD != 0
        )
    }

    /// The packet's timestamp: its pts, else its dts.
    var timestamp: Int64? { pts ?? dts }
}

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
