import Foundation

// MARK: - GapKind

/// What a gap between two clips, or a timestamp jump inside one, means for the record.
public enum GapKind: String, Sendable, Codable, CaseIterable {
    /// Within the split tolerance: the recorder only started a new file.
    case continuation
    /// Longer than the split tolerance and shorter than the activity break: recording stopped inside an activity,
    /// and the cause must be stated when it resumed (article 20).
    case interruption
    /// At least the activity break: the next clip opens a new activity.
    case newActivity = "new_activity"
    /// The next recording starts more than the split tolerance before the previous one ends: a clock problem.
    case overlap
    /// A start or duration is missing, or a clock is suspect: the gap cannot be measured and is not guessed.
    case unknown
}

// MARK: - Gap

/// The time between two consecutive clips of a recorder, or a timestamp jump inside one clip.
///
/// - `seconds` is `next.start − previous.end` without rounding for a continuation, interruption or new activity
///   (a continuation may be slightly negative, down to minus the split tolerance); for an overlap it is the overlap
///   amount, always positive; for an unknown gap it is `nil`.
/// - `start` is when the earlier recording stopped and `end` when the next one began, each `nil` when it is unknown
///   or comes from a suspect clock. For an overlap `end` is before `start`.
public struct Gap: Sendable, Equatable {
    /// The recorder's serial.
    public var recorder: String
    /// How the gap is classified.
    public var kind: GapKind
    /// Whether this is a timestamp jump inside one clip (`before == after`).
    public var inside: Bool
    /// The clip recorded before the gap.
    public var before: String
    /// The clip in which the recording resumes.
    public var after: String
    /// When the earlier recording stopped, if known and trusted.
    public var start: Date?
    /// When the recording resumed, if known and trusted.
    public var end: Date?
    /// Length of the gap in seconds as described above, or `nil` when unknown.
    public var seconds: Double?
    /// Seconds into `after` where the recording resumes: 0 between clips, the jump position inside one.
    public var resumeOffset: Double

    /// Creates a gap; the timeline builds these, tests and reports may too.
    public init(
        recorder: String,
        kind: GapKind,
        inside: Bool = false,
        before: String,
        after: String,
        start: Date? = nil,
        end: Date? = nil,
        seconds: Double? = nil,
        resumeOffset: Double = 0
    ) {
        self.recorder = recorder
        self.kind = kind
        self.inside = inside
        self.before = before
        self.after = after
        self.start = start
        self.end = end
        self.seconds = seconds
        self.resumeOffset = resumeOffset
    }
}
