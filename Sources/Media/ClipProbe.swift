import Foundation

// MARK: - ClipProbe

/// What libavformat and one pass over a clip's packets say about the clip.
public struct ClipProbe: Sendable, Equatable, Codable {
    /// The demuxer's name, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "mpegts", "avi".
    public var container: String

    /// Seconds: the longest stream duration, never rounded; nil when no stream has timestamps.
    public var duration: Double?

    /// The container's `creation_time` tag as a date.
    ///
    /// nil when the tag is absent, cannot be read as ISO 8601, or lies before 1971 (a recorder whose
    /// clock was reset writes 1970-01-01 or a zero that readers show as 1904 or 1970).
    public var creationTime: Date?

    /// The `creation_time` tag exactly as the container holds it; nil when absent.
    public var rawCreationTime: String?

    /// Overall bit rate the container declares or libavformat estimates, in bits per second; nil when unknown.
    public var bitRate: Int?

    /// Size of the clip in bytes when it was probed.
    public var fileSize: Int64

    /// The clip's streams, in container order.
    public var streams: [StreamInfo]

    /// Whether the recorder closed the file properly, leaving its index.
    ///
    /// For MP4 and MOV: the `moov` was found and lists samples. For AVI: the `idx1` index is present.
    /// nil for containers that have no index to write (MPEG-TS and other stream formats).
    public var isFinalised: Bool?

    /// What shows the clip was cut short; empty when nothing does.
    public var truncationSigns: [TruncationSign]

    /// Places where the video timestamps leap by more than the prober's jump tolerance, in file order.
    public var jumps: [TimestampJump]

    /// Whether anything shows the clip was cut short (see `truncationSigns`).
    public var isTruncated: Bool { !truncationSigns.isEmpty }

    /// Creates a probe result; the prober is the usual source of these.
    public init(
        container: String, duration: Double?, creationTime: Date?, rawCreationTime: String?,
        bitRate: Int? = nil, fileSize: Int64 = 0, streams: [StreamInfo], isFinalised: Bool? = nil,
        truncationSigns: [TruncationSign] = [], jumps: [TimestampJump] = []
    ) {
        self.container = container
        self.duration = duration
        self.creationTime = creationTime
        self.rawCreationTime = rawCreationTime
        self.bitRate = bitRate
        self.fileSize = fileSize
        self.streams = streams
        self.isFinalised = isFinalised
        self.truncationSigns = truncationSigns
        self.jumps = jumps
    }

    /// The first video stream, if any.
    public var video: StreamInfo? { streams.first { $0.kind == .video } }

    /// The first audio stream, if any; nil means the clip has no audio track at all.
    public var audio: StreamInfo? { streams.first { $0.kind == .audio } }
}
