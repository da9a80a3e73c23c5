// MARK: - PacketPass

/// What one read through a clip's packets finds, stream by stream.
///
/// Feed it every packet in file order with `observe`; it keeps, per stream, the packet count and the
/// earliest timestamp and latest end (timestamp + duration) in the stream's own ticks. It is plain
/// state with no I/O, so other checks that need the same single pass can be added beside it.
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

        var durationSeconds: Double? {
            guard let firstTick, let endTick else {
                return nil
            }
            return timeBase.seconds(endTick - firstTick)
        }
    }

    private(set) var streams: [StreamTotals]

    /// Starts a pass over streams with these time bases and clock widths.
    init(timeBases: [TimeBase], wrapBits: [Int]) {
        streams = zip(timeBases, wrapBits).map { StreamTotals(timeBase: $0, wrapBits: $1) }
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
        if !packet.isDiscarded, let raw = packet.timestamp {
            let tick = Self.unwrap(raw, decodeTick: packet.dts ?? raw, totals: &totals)
            let end = tick + (packet.duration > 0 ? packet.duration : totals.lastDuration)
            totals.firstTick = min(totals.firstTick ?? tick, tick)
            totals.endTick = max(totals.endTick ?? end, end)
        }
        streams[packet.stream] = totals
    }

    /// Undoes a clock wrap: when the decode-order clock falls back by more than half its range, it wrapped;
    /// a presentation time on the other side of a wrap from its decode time is moved to the same side.
    ///
    /// libavformat already unwraps MPEG-TS timestamps for most clips; this catches the rest.
    private static func unwrap(_ tick: Int64, decodeTick: Int64, totals: inout StreamTotals) -> Int64 {
        guard totals.wrapBits > 0, totals.wrapBits < 63 else {
            return tick
        }
        let range = Int64(1) << totals.wrapBits
        if let last = totals.lastRawTick, decodeTick < last - range / 2 {
            totals.wrapOffset += range
        }
        totals.lastRawTick = decodeTick
        let decodeUnwrapped = decodeTick + totals.wrapOffset
        let unwrapped = tick + totals.wrapOffset
        if unwrapped < decodeUnwrapped - range / 2 {
            return unwrapped + range
        }
        if unwrapped > decodeUnwrapped + range / 2 {
            return unwrapped - range
        }
        return unwrapped
    }
}
