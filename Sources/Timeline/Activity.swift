import Foundation

// MARK: - Activity

/// Consecutive clips of one recorder with no new-activity gap between them: one enforcement action.
///
/// A jump of at least the activity break inside one clip ends an activity in that clip and opens the next one in
/// the same clip, so that clip is listed in both; `openingOffset` says where in the first clip the activity begins.
/// `start` and `end` are `nil` when the first or last clip has no trusted time.
public struct Activity: Sendable, Equatable {
    /// The recorder's serial.
    public var recorder: String
    /// Clip ids in timeline order.
    public var clips: [String]
    /// Seconds into the first clip where the activity begins (0 unless it opens after a jump inside that clip).
    public var openingOffset: Double
    /// Wall-clock start of the activity, if known and trusted.
    public var start: Date?
    /// Wall-clock end of the activity, if known and trusted.
    public var end: Date?

    /// Creates an activity; the timeline builds these, tests and reports may too.
    public init(recorder: String, clips: [String], openingOffset: Double = 0, start: Date? = nil, end: Date? = nil) {
        self.recorder = recorder
        self.clips = clips
        self.openingOffset = openingOffset
        self.start = start
        self.end = end
    }
}
