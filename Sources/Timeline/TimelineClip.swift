import Foundation

// MARK: - TimelineClip

/// One clip as the timeline sees it: who recorded it, when it starts, how long it runs, and where its own
/// timestamps jump.
///
/// The timeline never reads media; the caller fills this from the probe and the file name.
/// - `start` is the wall-clock time of the first frame, `nil` when neither the metadata nor the file name gives one.
/// - `duration` is the length of the clip's own timeline in seconds, never rounded; `nil` when the probe could not
///   tell. Time skipped by an ``InternalJump`` is part of that timeline, so the clip ends at `start + duration`.
/// - `sequence` is the recorder's file counter (e.g. `0003` in `FILE0003.MP4`); it places clips whose clock cannot
///   be trusted and breaks ties between equal starts.
/// - `clockSuspect` marks a start that cannot be trusted (a reset clock, a start in the future, the file name and
///   the metadata disagreeing). Such a clip is placed by its sequence and every gap touching it is
///   ``GapKind/unknown``.
public struct TimelineClip: Sendable, Equatable {
    /// The clip's SHA-256 in lowercase hex; it names the clip in gaps, activities and speech checks.
    public var id: String
    /// The recorder's serial.
    public var recorder: String
    /// Wall-clock time of the first frame, or `nil` when unknown.
    public var start: Date?
    /// Length of the clip's own timeline in seconds, or `nil` when unknown.
    public var duration: Double?
    /// The recorder's file counter, or `nil` when the file name carries none.
    public var sequence: Int?
    /// Whether the start cannot be trusted; see the type's documentation.
    public var clockSuspect: Bool
    /// Timestamp jumps inside the clip, in any order.
    public var jumps: [InternalJump]

    /// Creates a clip; every field but `id` and `recorder` may be left unknown.
    public init(
        id: String,
        recorder: String,
        start: Date? = nil,
        duration: Double? = nil,
        sequence: Int? = nil,
        clockSuspect: Bool = false,
        jumps: [InternalJump] = []
    ) {
        self.id = id
        self.recorder = recorder
        self.start = start
        self.duration = duration
        self.sequence = sequence
        self.clockSuspect = clockSuspect
        self.jumps = jumps
    }

    /// Wall-clock end (`start + duration`), or `nil` when either is unknown.
    public var end: Date? {
        guard let start, let duration else { return nil }
        return start.addingTimeInterval(duration)
    }
}

// MARK: - InternalJump

/// A place inside one clip where its timestamps skip forward (or back): the recorder paused without closing the file.
///
/// Both numbers are on the clip's own timeline. The recording stopped at `position − seconds` and resumed at
/// `position`; in wall-clock time the gap runs from `clip.start + position − seconds` to `clip.start + position`.
/// A negative `seconds` means the timestamps went back; beyond the split tolerance that is an overlap.
public struct InternalJump: Sendable, Equatable {
    /// Seconds into the clip where the recording resumes; the speech check after the jump starts here.
    public var position: Double
    /// How much time the jump skipped, in seconds.
    public var seconds: Double

    /// Creates a jump that resumes `position` seconds into the clip after skipping `seconds`.
    public init(position: Double, seconds: Double) {
        self.position = position
        self.seconds = seconds
    }
}
