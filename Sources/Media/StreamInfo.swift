// MARK: - StreamInfo

/// One stream of a clip: its codec, picture or sound parameters, and its timing.
///
/// Timing comes from the packets' own timestamps (see ``Prober``), not from the container's header,
/// so a stream whose header claims a wrong length (common in MPEG-TS and AVI) still gets its real span.
public struct StreamInfo: Sendable, Equatable, Codable {
    /// The stream's index in the container, as libavformat numbers it (from 0).
    public var index: Int

    /// What the stream carries.
    public var kind: StreamKind

    /// FFmpeg's codec name: "h264", "aac", "pcm_mulaw", "mp2", …; "none" when libavformat cannot tell.
    public var codec: String

    /// Picture width in pixels; nil for streams without pictures.
    public var width: Int?

    /// Picture height in pixels; nil for streams without pictures.
    public var height: Int?

    /// Average frames per second (`avg_frame_rate`, else `r_frame_rate`); nil when neither is known.
    public var frameRate: Double?

    /// Audio samples per second; nil for streams without sound.
    public var sampleRate: Int?

    /// Audio channel count; nil for streams without sound.
    public var channels: Int?

    /// Seconds of the earliest presentation timestamp, in the container's clock.
    ///
    /// Packets the container marks to be discarded (such as AAC priming before an MP4 edit list)
    /// do not count. nil when the stream has no timestamped packet.
    public var startTime: Double?

    /// Seconds from the earliest presentation timestamp to the end of the latest packet.
    ///
    /// Never rounded and never derived from a frame count and a nominal rate. nil when the stream has
    /// no timestamped packet.
    public var duration: Double?

    /// Packets read for this stream in the packet pass, discarded ones included.
    public var packetCount: Int

    /// Creates a stream description; the prober is the usual source of these.
    public init(
        index: Int, kind: StreamKind, codec: String, width: Int? = nil, height: Int? = nil,
        frameRate: Double? = nil, sampleRate: Int? = nil, channels: Int? = nil,
        startTime: Double? = nil, duration: Double? = nil, packetCount: Int = 0
    ) {
        self.index = index
        self.kind = kind
        self.codec = codec
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.sampleRate = sampleRate
        self.channels = channels
        self.startTime = startTime
        self.duration = duration
        self.packetCount = packetCount
    }
}
