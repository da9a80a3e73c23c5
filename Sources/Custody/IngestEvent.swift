import Catalog
import Foundation

/// What happened to one clip during an ingest; the command line prints these, the daemon logs them.
public enum IngestEvent: Sendable {
    /// The clip was copied, verified, probed and indexed.
    case stored(ClipRecord, seconds: Double)
    /// The clip's content is already in the store; this sighting was recorded.
    case alreadyStored(ClipRecord, originalPath: String)
    /// The clip could not be copied or indexed; it stays on the volume and is tried again at the next dock.
    case failed(originalPath: String, message: String)
    /// The clip is still being written; it is looked at again after the settle time.
    case waiting(originalPath: String)
    /// Another custody process is copying into the store; this ingest waits for it.
    case waitingForStore
    /// An entry on the volume that is not a clip was passed over.
    case skipped(originalPath: String, reason: String)
}

/// What one dock's ingest did.
public struct IngestSummary: Sendable, Equatable {
    public var dock: Int64 = 0
    public var found = 0
    public var copied = 0
    public var alreadyStored = 0
    public var damaged = 0
    public var failed = 0
    /// Bytes read from the volume.
    public var bytes: Int64 = 0
    /// Seconds spent copying, verifying, probing and indexing (not waiting for clips still being written).
    public var seconds = 0.0
    /// Clips left on the volume untried because the ingest stopped early.
    public var notTried = 0
    /// Whether the ingest stopped early because it was asked to stop or the store was full.
    public var interrupted = false
    /// Serials of the recorders that got new clips in this dock; their gaps need computing again.
    public var recordersWithNewClips: Set<String> = []

    public init() {}

    /// Copy speed in MB/s (10^6 bytes), over the seconds spent working.
    public var megabytesPerSecond: Double {
        seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
    }
}
