// MARK: - PacketPass

/// What one read through a clip's packets finds: each stream's span, timestamp jumps, data past the end.
///
/// Feed it every packet in file order with `observe`. It keeps, per stream, the packet count and the
/// earliest timestamp and latest end (timestamp + duration) in the stream's own ticks; on one chosen
/// stream (the first video stream) it looks for timestamp jumps; and it notes packets whose bytes run
/// past the end of the file. It is plain state with no I/O, so it can be tested with made-up packets.
struct PacketPass {
    /// Running totals for one stream.
    struct StreamTotals: Equatable {
        var timeBase: TimeBase

        /// How many bits the container's clock has before it wraps (33 for MPEG-TS, 64 when it never does).
        var wrapBits: Int

        var packetCount = 0

        /// Earliest timestamp of a shown packet, in ticks, after undoing clock wraps.
        var firstTick: Int64?

        /// Latest timestamp + duration of a shown packet, in ticks, after undoing clock wraps.
        var endTick: Int64?

        /// Duration of the latest packet that had one, for packets that come without.
        var lastDuration: Int64 = 0

        /// Ticks added to undo the clock wraps seen so far.
        var wrapOffset: Int64 = 0

        /// Latest raw decode-order timestamp, to notice the clock wrapping.
        var lastRawTick: Int64?

        var startSeconds: Double? { firstTick.map { timeBase.seconds($0) } }

        /// How many frames the stream's span holds at its usual packet duration; nil when that is unknown.
        ///
        /// An AVI that records dropped frames as empty chunks has fewer packets than its span holds.
        var framesSpanned: Int? {
            guard let firstTick, let endTick, lastDuration > 0 else {
                return nil
            }
            return Int((endTick - firstTick) / lastDuration)
        }

        var durationSeconds: Double? {
            guard let firstTick, let endTick else {
                return nil
            }
            return timeBase.seconds(endTick - firstTick)
        }
    }

    /// Where the jump check stands on its stream.
    private struct JumpWatch {
        var stream: Int
        var toleranceTicks: Int64
        var firstTick: Int64?
        /// Decode-order timestamp where the previous packet's frame ends.
        var expectedNext: Int64?
    }

    private(set) var streams: [StreamTotals]
    private(set) var jumps: [TimestampJump] = []
    private(set) var packetsBeyondEnd: [TruncationSign] = []
    private var watch: JumpWatch?
    private let fileSize: Int64

    /// Starts a pass.
    ///
    /// - Parameters:
    ///   - timeBases: each stream's time base, in stream order.
    ///   - wrapBits: each stream's clock width in bits (`pts_wrap_bits`).
    ///   - jumpStream: the stream to look for timestamp jumps in; nil to look in none.
    ///   - jumpTolerance: seconds a timestamp may leap beyond the previous frame's end before it is a jump.
    ///   - fileSize: the clip's size in bytes; 0 when unknown, which turns off the past-the-end check.
    init(timeBases: [TimeBase], wrapBits: [Int], jumpStream: Int? = nil, jumpTolerance: Double = 2, fileSize: Int64 = 0)
    {
        streams = zip(timeBases, wrapBits).map { StreamTotals(timeBase: $0, wrapBits: $1) }
        self.fileSize = fileSize
        if let jumpStream, timeBases.indices.contains(jumpStream) {
            let base = timeBases[jumpStream]
            let ticks = base.numerator > 0 ? jumpTolerance * Double(base.denominator) / Double(base.numerator) : 0
            watch = JumpWatch(stream: jumpStream, toleranceTicks: Int64(ticks.rounded()))
        }
    }

    /// Takes the next packet in file order.
    mutating func observe(_ packet: PacketTiming) {
        guard streams.indices.contains(packet.stream) else {
            return
        }
        var totals = streams[packet.stream]
        totals.packetCount += 1
        if packet.duration > 0 {
            totals.lastDuration = packet.duration
        }
        if fileSize > 0, let position = packet.position, position + Int64(packet.size) > fileSize {
            packetsBeyondEnd.append(.packetBeyondEnd(stream: packet.stream, byteOffset: position))
        }
        if !packet.isDiscarded, let raw = packet.timestamp {
            let decodeRaw = packet.dts ?? raw
            let (tick, decodeTick) = Self.unwrap(raw, decodeTick: decodeRaw, totals: &totals)
            let duration = packet.duration > 0 ? packet.duration : totals.lastDuration
            let shown = tick + packet.leadingTrim
            let end = tick + duration - packet.trailingTrim
            totals.firstTick = min(totals.firstTick ?? shown, shown)
            totals.endTick = max(totals.endTick ?? end, end)
            if packet.stream == watch?.stream {
                watchForJump(decodeTick: decodeTick, duration: duration, packet: packet, timeBase: totals.timeBase)
            }
        }
        streams[packet.stream] = totals
    }

    // MARK: - Jumps

    /// Compares a frame's decode time with where the previous frame ended.
    ///
    /// Decode order is monotonic even with B-frames, so reordering never looks like a jump.
    private mutating func watchForJump(decodeTick: Int64, duration: Int64, packet: PacketTiming, timeBase: TimeBase) {
        guard var watch else {
            return
        }
        let first = watch.firstTick ?? decodeTick
        if let expected = watch.expectedNext, abs(decodeTick - expected) > watch.toleranceTicks {
            jumps.append(
                TimestampJump(
                    time: timeBase.seconds(expected - first), length: timeBase.seconds(decodeTick - expected),
                    byteOffset: packet.position, stream: packet.stream))
        }
        watch.firstTick = first
        watch.expectedNext = decodeTick + duration
        self.watch = watch
    }

    // MARK: - Clock wraps

    /// Undoes a clock wrap: when the decode-order clock falls back by more than half its range, it wrapped;
    /// a presentation time on the other side of a wrap from its decode time is moved to the same side.
    ///
    /// libavformat already unwraps MPEG-TS timestamps for most clips; this catches the rest.
    /// - Returns: the unwrapped presentation (or only) timestamp and the unwrapped decode timestamp.
    private static func unwrap(
        _ tick: Int64, decodeTick: Int64, totals: inout StreamTotals
    ) -> (tick: Int64, decodeTick: Int64) {
        guard totals.wrapBits > 0, totals.wrapBits < 63 else {
            return (tick, decodeTick)
        }
        let range = Int64(1) << totals.wrapBits
        if let last = totals.lastRawTick, decodeTick < last - range / 2 {
            totals.wrapOffset += range
        }
        totals.lastRawTick = decodeTick
        let decodeUnwrapped = decodeTick + totals.wrapOffset
        let unwrapped = tick + totals.wrapOffset
        if unwrapped < decodeUnwrapped - range / 2 {
            return (unwrapped + range, decodeUnwrapped)
        }
        if unwrapped > decodeUnwrapped + range / 2 {
            return (unwrapped - range, decodeUnwrapped)
        }
        return (unwrapped, decodeUnwrapped)
    }
}
