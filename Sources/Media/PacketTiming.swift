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

    /// Ticks at the packet's start that are decoded but not shown (encoder delay, from skip-samples side data).
    var leadingTrim: Int64

    /// Ticks at the packet's end that are decoded but not shown (encoder padding, from skip-samples side data).
    var trailingTrim: Int64

    init(
        stream: Int, pts: Int64?, dts: Int64?, duration: Int64, position: Int64? = nil, size: Int = 0,
        isKeyframe: Bool = false, isDiscarded: Bool = false, leadingTrim: Int64 = 0, trailingTrim: Int64 = 0
    ) {
        self.stream = stream
        self.pts = pts
        self.dts = dts
        self.duration = duration
        self.position = position
        self.size = size
        self.isKeyframe = isKeyframe
        self.isDiscarded = isDiscarded
        self.leadingTrim = leadingTrim
        self.trailingTrim = trailingTrim
    }

    /// Copies the timing of a packet just read by `av_read_frame` from `stream`.
    init(_ packet: UnsafePointer<AVPacket>, stream: UnsafePointer<AVStream>) {
        let none = custody_av_nopts_value()
        let p = packet.pointee
        let trims = Self.trims(packet, stream: stream)
        self.init(
            stream: Int(p.stream_index),
            pts: p.pts == none ? nil : p.pts,
            dts: p.dts == none ? nil : p.dts,
            duration: max(0, p.duration),
            position: p.pos < 0 ? nil : p.pos,
            size: Int(p.size),
            isKeyframe: p.flags & AV_PKT_FLAG_KEY != 0,
            isDiscarded: p.flags & AV_PKT_FLAG_DISCARD != 0,
            leadingTrim: trims.leading,
            trailingTrim: trims.trailing
        )
    }

    /// The samples an audio packet's skip-samples side data says to drop at its start and end, in ticks.
    ///
    /// The side data holds two little-endian 32-bit sample counts: to skip at the start, to discard at the
    /// end. MP3 with a LAME header and Opus carry it; without it both are 0.
    private static func trims(
        _ packet: UnsafePointer<AVPacket>, stream: UnsafePointer<AVStream>
    ) -> (leading: Int64, trailing: Int64) {
        var size = 0
        guard let data = av_packet_get_side_data(packet, AV_PKT_DATA_SKIP_SAMPLES, &size), size >= 8,
            let rate = stream.pointee.codecpar?.pointee.sample_rate, rate > 0
        else {
            return (0, 0)
        }
        let bytes = UnsafeBufferPointer(start: data, count: 8)
        func word(_ offset: Int) -> Int64 {
            var value: UInt32 = 0
            for index in (offset..<offset + 4).reversed() {
                value = value << 8 | UInt32(bytes[index])
            }
            return Int64(value)
        }
        let base = stream.pointee.time_base
        let toTicks = { (samples: Int64) in av_rescale_q(samples, AVRational(num: 1, den: rate), base) }
        return (toTicks(word(0)), toTicks(word(4)))
    }

    /// The packet's timestamp: its pts, else its dts.
    var timestamp: Int64? { pts ?? dts }
}
