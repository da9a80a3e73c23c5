import Foundation

// MARK: - ClipJump

/// A place inside a clip where its timestamps skip, on the clip's own timeline.
///
/// `position` is the second into the clip where the recording resumes; `seconds` is the time skipped (negative
/// when the timestamps went back). The recording stopped at `position − seconds`.
public struct ClipJump: Sendable, Equatable {
    /// Seconds into the clip where the recording resumes.
    public var position: Double
    /// Seconds skipped; negative when the timestamps went back.
    public var seconds: Double

    /// Creates a jump.
    public init(position: Double, seconds: Double) {
        self.position = position
        self.seconds = seconds
    }
}

// MARK: - GapRecord

/// A gap between two consecutive clips of a recorder, or a jump inside one clip, as the catalog keeps it.
///
/// A gap is known by its identity (recorder, the clip before, the clip after, the resume offset); its `id` stays
/// the same each time the gaps are recomputed while that identity is found again, so an operator can name it.
public struct GapRecord: Sendable, Equatable {
    /// The catalog's number for the gap; 0 before it is stored.
    public var id: Int64
    /// The recorder's serial.
    public var recorder: String
    /// Place of the gap on the recorder's timeline, from 0.
    public var ordinal: Int
    /// `continuation`, `interruption`, `new_activity`, `overlap` or `unknown`.
    public var kind: String
    /// True for a jump inside one clip.
    public var inside: Bool
    /// SHA-256 of the clip before the gap.
    public var before: String
    /// SHA-256 of the clip in which recording resumes (the same clip for a jump inside).
    public var after: String
    /// When the earlier recording stopped, and when recording resumed, when known and trusted.
    public var start: Date?
    public var end: Date?
    /// Length in seconds (the overlap's length for an overlap); nil when unknown.
    public var seconds: Double?
    /// Seconds into `after` where recording resumes.
    public var resumeOffset: Double
    /// `spoken`, `written` or `missing`; nil where no explanation is needed or the speech check failed.
    public var explanation: String?
    /// Seconds from the resume to the first speech, and total seconds of speech, in the speech window.
    public var speechStart: Double?
    public var speechSeconds: Double?
    /// Why the speech check could not be made (the decoder's or the detector's reason).
    public var error: String?
    /// When the gap was computed.
    public var computedAt: Date
    /// The latest written explanation, filled when gaps are read.
    public var written: ExplanationRecord?

    /// Creates a gap record.
    public init(
        id: Int64 = 0, recorder: String, ordinal: Int, kind: String, inside: Bool, before: String, after: String,
        start: Date?, end: Date?, seconds: Double?, resumeOffset: Double, explanation: String?,
        speechStart: Double? = nil, speechSeconds: Double? = nil, error: String? = nil, computedAt: Date,
        written: ExplanationRecord? = nil
    ) {
        self.id = id
        self.recorder = recorder
        self.ordinal = ordinal
        self.kind = kind
        self.inside = inside
        self.before = before
        self.after = after
        self.start = start
        self.end = end
        self.seconds = seconds
        self.resumeOffset = resumeOffset
        self.explanation = explanation
        self.speechStart = speechStart
        self.speechSeconds = speechSeconds
        self.error = error
        self.computedAt = computedAt
        self.written = written
    }

    /// Whether the regulation asks for the cause to be stated after this gap: interruptions, and overlaps and
    /// unknown gaps, where an interruption cannot be ruled out.
    public var needsExplanation: Bool {
        kind == "interruption" || kind == "overlap" || kind == "unknown"
    }
}

// MARK: - ExplanationRecord

/// A written explanation of a gap: what an operator wrote, who, and when. Never changed or deleted.
public struct ExplanationRecord: Sendable, Equatable {
    /// The gap's id when it was written.
    public var gap: Int64
    public var note: String
    public var writtenBy: String
    public var writtenAt: Date

    /// Creates an explanation record.
    public init(gap: Int64, note: String, writtenBy: String, writtenAt: Date) {
        self.gap = gap
        self.note = note
        self.writtenBy = writtenBy
        self.writtenAt = writtenAt
    }
}

// MARK: - OpeningStatementRecord

/// Whether the first recording of an activity opens with a spoken statement (time, place, officers, party, stage).
public struct OpeningStatementRecord: Sendable, Equatable {
    public var recorder: String
    /// SHA-256 of the clip in which the activity opens.
    public var clip: String
    /// Seconds into the clip where the activity opens (0 unless it opens after a jump inside the clip).
    public var offset: Double
    /// `spoken` or `missing`; nil when the speech check failed (see `error`).
    public var explanation: String?
    public var speechStart: Double?
    public var speechSeconds: Double?
    public var error: String?
    public var computedAt: Date

    /// Creates an opening-statement record.
    public init(
        recorder: String, clip: String, offset: Double, explanation: String?, speechStart: Double?,
        speechSeconds: Double?, error: String?, computedAt: Date
    ) {
        self.recorder = recorder
        self.clip = clip
        self.offset = offset
        self.explanation = explanation
        self.speechStart = speechStart
        self.speechSeconds = speechSeconds
        self.error = error
        self.computedAt = computedAt
    }
}

// MARK: - SpeechCheckRecord

/// A speech verdict already made for one clip, offset, window and minimum; kept so audio is decoded only once.
public struct SpeechCheckRecord: Sendable, Equatable {
    public var sha256: String
    public var offset: Double
    public var window: Double
    public var minimum: Double
    /// False when the clip has no audio track.
    public var hasAudio: Bool
    public var spoken: Bool
    /// Seconds from the offset to the first speech; nil when none was found.
    public var speechStart: Double?
    public var speechSeconds: Double

    /// Creates a speech-check record.
    public init(
        sha256: String, offset: Double, window: Double, minimum: Double, hasAudio: Bool, spoken: Bool,
        speechStart: Double?, speechSeconds: Double
    ) {
        self.sha256 = sha256
        self.offset = offset
        self.window = window
        self.minimum = minimum
        self.hasAudio = hasAudio
        self.spoken = spoken
        self.speechStart = speechStart
        self.speechSeconds = speechSeconds
    }
}

// MARK: - GapFilter

/// Which gaps a report shows.
public struct GapFilter: Sendable {
    public var recorder: String?
    /// Gaps that stop or resume at or after this time.
    public var since: Date?
    /// Gaps that stop or resume before this time.
    public var until: Date?
    /// Only gaps that need an explanation and have neither a spoken nor a written one.
    public var unexplained: Bool

    /// Creates a filter; with no arguments it lets every gap through.
    public init(recorder: String? = nil, since: Date? = nil, until: Date? = nil, unexplained: Bool = false) {
        self.recorder = recorder
        self.since = since
        self.until = until
        self.unexplained = unexplained
    }
}
