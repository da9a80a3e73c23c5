import Foundation

// MARK: - DeadlineReport

/// What `custody deadlines` found: clips stored late, clips that cannot be judged, recorders that have not docked in
/// time, and case files falling due (article 27).
///
/// The report holds plain values; the deadlines themselves are computed by the caller on a working calendar. Its
/// table comes in Chinese or English, its JSON and CSV carry stable field names for scripts (see
/// ``DeadlineReport/render(_:language:)``).
public struct DeadlineReport: Sendable, Equatable {
    /// When the report was made; recorders and case files are judged against this instant.
    public var generated: Date
    /// The station's time zone, in which recording days are counted and the table shows times.
    public var timeZone: TimeZone
    /// How many working days after the recording day an original must be stored by.
    public var ingestWorkingDays: Int
    /// Every judged clip (on time or late), by recorder and end.
    public var clips: [Clip]
    /// Clips with no known start or duration, whose deadline cannot be computed.
    public var unjudged: [UnjudgedClip]
    /// Recorders whose last dock is more than `ingestWorkingDays` working days ago.
    public var silentRecorders: [SilentRecorder]
    /// Case files due within the warning window or overdue; `nil` when the catalog keeps no cases.
    public var caseFiles: [CaseFile]?
    /// Years a deadline ran across that have no holiday schedule, so plain weekdays were assumed.
    public var fallbackYears: [Int]

    /// Creates a report.
    public init(
        generated: Date, timeZone: TimeZone, ingestWorkingDays: Int, clips: [Clip], unjudged: [UnjudgedClip],
        silentRecorders: [SilentRecorder], caseFiles: [CaseFile]?, fallbackYears: [Int]
    ) {
        self.generated = generated
        self.timeZone = timeZone
        self.ingestWorkingDays = ingestWorkingDays
        self.clips = clips
        self.unjudged = unjudged
        self.silentRecorders = silentRecorders
        self.caseFiles = caseFiles
        self.fallbackYears = fallbackYears
    }

    /// The clips stored at or after their deadline.
    public var lateClips: [Clip] { clips.filter(\.isLate) }

    // MARK: - Entries

    /// A clip whose ingest deadline could be computed.
    public struct Clip: Sendable, Equatable {
        /// The original's SHA-256.
        public var sha256: String
        /// The recorder's serial.
        public var recorder: String
        /// The handler, when known.
        public var handler: String?
        /// The clip's name on the recorder.
        public var originalName: String
        /// When the recording ended.
        public var end: Date
        /// The first instant at which the original is late.
        public var due: Date
        /// When the original was stored.
        public var ingested: Date
        /// Whether the count ran across a year with no holiday schedule.
        public var fallback: Bool
        /// Whether the clip was recorded on field work away from base, so it is due 1 working day after the return.
        public var fieldWork: Bool

        /// Creates an entry.
        public init(
            sha256: String, recorder: String, handler: String?, originalName: String, end: Date, due: Date,
            ingested: Date, fallback: Bool, fieldWork: Bool = false
        ) {
            self.fieldWork = fieldWork
            self.sha256 = sha256
            self.recorder = recorder
            self.handler = handler
            self.originalName = originalName
            self.end = end
            self.due = due
            self.ingested = ingested
            self.fallback = fallback
        }

        /// Stored at or after the deadline.
        public var isLate: Bool { ingested >= due }

        /// How late, in seconds; 0 when on time.
        public var lateSeconds: Double { max(0, ingested.timeIntervalSince(due)) }
    }

    /// A clip with no known start or duration.
    public struct UnjudgedClip: Sendable, Equatable {
        /// The original's SHA-256.
        public var sha256: String
        /// The recorder's serial.
        public var recorder: String
        /// The clip's name on the recorder.
        public var originalName: String
        /// When the original was stored.
        public var ingested: Date
        /// Why it cannot be judged: `no start time`, `no duration` or both.
        public var reason: String

        /// Creates an entry.
        public init(sha256: String, recorder: String, originalName: String, ingested: Date, reason: String) {
            self.sha256 = sha256
            self.recorder = recorder
            self.originalName = originalName
            self.ingested = ingested
            self.reason = reason
        }
    }

    /// A recorder whose footage may be waiting past its deadline because it has not docked.
    public struct SilentRecorder: Sendable, Equatable {
        /// The recorder's serial.
        public var serial: String
        /// The handler, when known.
        public var handler: String?
        /// Its last dock, or `nil` when none is recorded (then `latestClipEnd` was the basis).
        public var lastDocked: Date?
        /// The latest end of its clips in the catalog.
        public var latestClipEnd: Date?
        /// When anything recorded after the last dock was due at the latest; the report is made after it.
        public var due: Date
        /// Whole working days from the basis day to the report's day.
        public var workingDaysSince: Int
        /// Whether the count ran across a year with no holiday schedule.
        public var fallback: Bool
        /// Whether a field-work trip moved `due` to 1 working day after the return.
        public var fieldWork: Bool

        /// Creates an entry.
        public init(
            serial: String, handler: String?, lastDocked: Date?, latestClipEnd: Date?, due: Date,
            workingDaysSince: Int, fallback: Bool, fieldWork: Bool = false
        ) {
            self.fieldWork = fieldWork
            self.serial = serial
            self.handler = handler
            self.lastDocked = lastDocked
            self.latestClipEnd = latestClipEnd
            self.due = due
            self.workingDaysSince = workingDaysSince
            self.fallback = fallback
        }
    }

    /// A case file due soon or overdue.
    public struct CaseFile: Sendable, Equatable {
        /// The case number.
        public var number: String
        /// The party.
        public var party: String?
        /// The handler in charge.
        public var handler: String?
        /// When the enforcement action ended.
        public var ended: Date
        /// The first instant at which the case file is late.
        public var due: Date
        /// Whether `due` has passed when the report was made.
        public var overdue: Bool

        /// Creates an entry.
        public init(number: String, party: String?, handler: String?, ended: Date, due: Date, overdue: Bool) {
            self.number = number
            self.party = party
            self.handler = handler
            self.ended = ended
            self.due = due
            self.overdue = overdue
        }
    }
}
