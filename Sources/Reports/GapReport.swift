import Foundation

/// Everything the gap report shows: each recorder's clips on a timeline, every gap between or inside clips,
/// and whether each interruption and each activity's opening was explained.
///
/// The values come from the catalog; this type only holds them, so every format (table, CSV, JSON, HTML)
/// renders the same facts.
public struct GapReport: Sendable {
    /// One gap between two consecutive clips of a recorder, or one timestamp jump inside a clip.
    public struct Row: Sendable, Equatable {
        public var id: Int64
        public var recorder: String
        /// `continuation`, `interruption`, `new_activity`, `overlap` or `unknown`.
        public var kind: String
        /// True for a jump inside one clip.
        public var inside: Bool
        /// SHA-256 of the clip before the gap.
        public var before: String
        /// SHA-256 of the clip that resumes (the same clip for a jump inside).
        public var after: String
        public var beforeName: String
        public var afterName: String
        /// When recording stopped, and when it resumed.
        public var start: Date?
        public var end: Date?
        /// Length of the gap in seconds (the overlap's length for `overlap`); nil when unknown.
        public var seconds: Double?
        /// `spoken`, `written` or `missing`; nil where no explanation is needed.
        public var explanation: String?
        /// Where speech starts in the resumed recording, and how much of it there is, in seconds.
        public var speechStart: Double?
        public var speechSeconds: Double?
        /// The operator's written explanation, who wrote it and when.
        public var note: String?
        public var noteBy: String?
        public var noteAt: Date?
        /// A decoder or detector error on this gap, never silently read as "no speech".
        public var error: String?

        public init(
            id: Int64, recorder: String, kind: String, inside: Bool, before: String, after: String,
            beforeName: String, afterName: String, start: Date?, end: Date?, seconds: Double?, explanation: String?,
            speechStart: Double? = nil, speechSeconds: Double? = nil, note: String? = nil, noteBy: String? = nil,
            noteAt: Date? = nil, error: String? = nil
        ) {
            self.id = id
            self.recorder = recorder
            self.kind = kind
            self.inside = inside
            self.before = before
            self.after = after
            self.beforeName = beforeName
            self.afterName = afterName
            self.start = start
            self.end = end
            self.seconds = seconds
            self.explanation = explanation
            self.speechStart = speechStart
            self.speechSeconds = speechSeconds
            self.note = note
            self.noteBy = noteBy
            self.noteAt = noteAt
            self.error = error
        }
    }

    /// One clip as a bar on a recorder's timeline.
    public struct Bar: Sendable, Equatable {
        public var recorder: String
        public var sha256: String
        public var name: String
        public var start: Date
        public var duration: Double
        /// For the first clip of an activity: `spoken` or `missing` opening statement; nil for other clips.
        public var openingStatement: String?
        /// Where the opening statement's speech starts and how long it is, in seconds.
        public var openingSpeechStart: Double?
        public var openingSpeechSeconds: Double?
        /// libavformat's reason when the clip is damaged.
        public var damaged: String?

        public init(
            recorder: String, sha256: String, name: String, start: Date, duration: Double,
            openingStatement: String? = nil, openingSpeechStart: Double? = nil, openingSpeechSeconds: Double? = nil,
            damaged: String? = nil
        ) {
            self.recorder = recorder
            self.sha256 = sha256
            self.name = name
            self.start = start
            self.duration = duration
            self.openingStatement = openingStatement
            self.openingSpeechStart = openingSpeechStart
            self.openingSpeechSeconds = openingSpeechSeconds
            self.damaged = damaged
        }
    }

    public var rows: [Row]
    public var bars: [Bar]
    /// The station's zone: days and clock times in the table and the HTML are read in it.
    public var timeZone: TimeZone
    /// When the report was made.
    public var generated: Date
    /// The period asked for, when one was.
    public var since: Date?
    public var until: Date?

    public init(
        rows: [Row], bars: [Bar], timeZone: TimeZone, generated: Date = Date(), since: Date? = nil, until: Date? = nil
    ) {
        self.rows = rows
        self.bars = bars
        self.timeZone = timeZone
        self.generated = generated
        self.since = since
        self.until = until
    }
}
