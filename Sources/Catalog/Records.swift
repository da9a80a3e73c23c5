import Foundation

/// Where a clip's start time came from, in order of trust.
public enum StartSource: String, Sendable, Codable {
    /// The container's `creation_time`.
    case metadata
    /// The time in the clip's file name, read in the station's time zone.
    case filename
    /// The file's modification time on the volume.
    case mtime
}

/// One stream of a clip as the catalog keeps it.
public struct StreamRecord: Sendable, Equatable, Codable {
    public var index: Int
    public var kind: String
    public var codec: String
    public var width: Int?
    public var height: Int?
    public var frameRate: Double?
    public var sampleRate: Int?
    public var channels: Int?
    public var start: Double?
    public var duration: Double?

    public init(
        index: Int, kind: String, codec: String, width: Int? = nil, height: Int? = nil, frameRate: Double? = nil,
        sampleRate: Int? = nil, channels: Int? = nil, start: Double? = nil, duration: Double? = nil
    ) {
        self.index = index
        self.kind = kind
        self.codec = codec
        self.width = width
        self.height = height
        self.frameRate = frameRate
        self.sampleRate = sampleRate
        self.channels = channels
        self.start = start
        self.duration = duration
    }
}

/// A verified original, as recorded in the catalog.
public struct ClipRecord: Sendable, Equatable {
    public var id: Int64
    public var sha256: String
    public var size: Int64
    public var recorder: String
    public var handler: String?
    public var originalName: String
    /// Path of the clip on the recorder's volume, relative to the volume's root.
    public var originalPath: String
    public var originalModified: Date?
    /// Path of the original inside the store.
    public var storedPath: String
    public var start: Date?
    public var startSource: StartSource?
    /// The container's `creation_time` exactly as written, even when it was not believed.
    public var metadataTime: String?
    public var filenameTime: Date?
    public var sequence: Int?
    public var duration: Double?
    public var container: String?
    /// Why libavformat could not read the clip; nil for a readable clip.
    public var damaged: String?
    public var dock: Int64?
    public var ingested: Date
    public var streams: [StreamRecord]
    /// Whether the recorder closed the file with its index (MP4/MOV `moov`, AVI `idx1`); nil for containers
    /// without one (MPEG-TS) and for clips that could not be probed.
    public var finalised: Bool? = nil
    /// Whether the probe found signs that the recording was cut short.
    public var truncated = false
    /// Timestamp jumps inside the clip, on the clip's own timeline, in order.
    public var jumps: [ClipJump] = []
    /// The start as first worked out at ingest, before any correction of the recorder's clock; nil when the start
    /// is still the one worked out at ingest (then `start` is the raw value).
    public var rawStart: Date? = nil
    /// Why the recorder's clock cannot be trusted for this clip (reset, in the future, disagreeing with the
    /// file name); nil when nothing looks wrong.
    public var clockSuspect: String? = nil
    /// The first instant the original may be deleted; it only ever moves later. Nil while not yet worked out.
    public var retainUntil: Date? = nil
    /// The cases the clip is tied to, by case number.
    public var cases: [CaseTie] = []
    /// When the original was purged from the store after its retention; nil while it is kept.
    public var purged: Date? = nil

    public init(
        id: Int64 = 0, sha256: String, size: Int64, recorder: String, handler: String?, originalName: String,
        originalPath: String, originalModified: Date?, storedPath: String, start: Date?, startSource: StartSource?,
        metadataTime: String?, filenameTime: Date?, sequence: Int?, duration: Double?, container: String?,
        damaged: String?, dock: Int64?, ingested: Date, streams: [StreamRecord]
    ) {
        self.id = id
        self.sha256 = sha256
        self.size = size
        self.recorder = recorder
        self.handler = handler
        self.originalName = originalName
        self.originalPath = originalPath
        self.originalModified = originalModified
        self.storedPath = storedPath
        self.start = start
        self.startSource = startSource
        self.metadataTime = metadataTime
        self.filenameTime = filenameTime
        self.sequence = sequence
        self.duration = duration
        self.container = container
        self.damaged = damaged
        self.dock = dock
        self.ingested = ingested
        self.streams = streams
    }
}

/// One mounting of a recorder's volume and what its ingest did.
public struct DockRecord: Sendable, Equatable {
    public var id: Int64
    public var mountPoint: String
    public var device: String?
    public var label: String?
    public var uuid: String?
    public var started: Date
    public var finished: Date?
    public var found: Int
    public var copied: Int
    public var already: Int
    public var damaged: Int
    public var failed: Int
    public var bytes: Int64
    /// One message per clip that could not be ingested.
    public var errors: [String]

    public init(
        id: Int64 = 0, mountPoint: String, device: String? = nil, label: String? = nil, uuid: String? = nil,
        started: Date, finished: Date? = nil, found: Int = 0, copied: Int = 0, already: Int = 0, damaged: Int = 0,
        failed: Int = 0, bytes: Int64 = 0, errors: [String] = []
    ) {
        self.id = id
        self.mountPoint = mountPoint
        self.device = device
        self.label = label
        self.uuid = uuid
        self.started = started
        self.finished = finished
        self.found = found
        self.copied = copied
        self.already = already
        self.damaged = damaged
        self.failed = failed
        self.bytes = bytes
        self.errors = errors
    }
}

/// A recorder known to the catalog.
public struct RecorderRecord: Sendable, Equatable {
    public var serial: String
    public var handler: String?
    public var firstSeen: Date
    public var lastDocked: Date?
}

/// Which clips a listing shows.
public struct ClipFilter: Sendable {
    public var recorder: String?
    public var since: Date?
    public var until: Date?
    /// Only clips tied to this case.
    public var caseNumber: String? = nil

    public init(recorder: String? = nil, since: Date? = nil, until: Date? = nil) {
        self.recorder = recorder
        self.since = since
        self.until = until
    }

    /// Only the clips tied to a case.
    public init(caseNumber: String) {
        self.caseNumber = caseNumber
    }
}
