import Foundation

// MARK: - Deadline queries

/// A clip as the deadline report needs it: who recorded it, when the recording ended, when it was stored.
public struct DeadlineClipRecord: Sendable, Equatable {
    /// The original's SHA-256.
    public var sha256: String
    /// The recorder's serial.
    public var recorder: String
    /// The handler the recorder was issued to, when known.
    public var handler: String?
    /// The clip's name on the recorder.
    public var originalName: String
    /// When the recording started, or `nil` when no start could be found.
    public var start: Date?
    /// How long it lasted in seconds, or `nil` when the clip could not be probed.
    public var duration: Double?
    /// When the verified original was indexed.
    public var ingested: Date

    /// Creates a record.
    public init(
        sha256: String, recorder: String, handler: String?, originalName: String, start: Date?, duration: Double?,
        ingested: Date
    ) {
        self.sha256 = sha256
        self.recorder = recorder
        self.handler = handler
        self.originalName = originalName
        self.start = start
        self.duration = duration
        self.ingested = ingested
    }

    /// When the recording ended (start + duration), or `nil` when either is unknown.
    public var end: Date? {
        guard let start, let duration, duration.isFinite, duration >= 0 else { return nil }
        return start.addingTimeInterval(duration)
    }
}

/// A recorder and what the catalog knows of its last dock and its latest footage.
public struct RecorderDockRecord: Sendable, Equatable {
    /// The recorder's serial.
    public var serial: String
    /// The handler it is issued to, when known.
    public var handler: String?
    /// The last time one of its volumes was docked, or `nil` when never recorded.
    public var lastDocked: Date?
    /// The latest end (start + duration) of its clips in the catalog, or `nil` when none has a known end.
    public var latestClipEnd: Date?

    /// Creates a record.
    public init(serial: String, handler: String?, lastDocked: Date?, latestClipEnd: Date?) {
        self.serial = serial
        self.handler = handler
        self.lastDocked = lastDocked
        self.latestClipEnd = latestClipEnd
    }
}

/// A case whose enforcement action has ended, as the case-file deadline needs it.
public struct CaseEndRecord: Sendable, Equatable {
    /// The case number.
    public var number: String
    /// The party.
    public var party: String?
    /// The handler in charge.
    public var handler: String?
    /// When the enforcement action ended.
    public var ended: Date

    /// Creates a record.
    public init(number: String, party: String?, handler: String?, ended: Date) {
        self.number = number
        self.party = party
        self.handler = handler
        self.ended = ended
    }
}

extension Catalog {
    /// The clips whose deadline a report judges: those of `recorder` (every recorder when `nil`) whose recording
    /// ended in `since..<until`; clips with no known end are included when they were ingested in that window.
    ///
    /// Ordered by recorder, then end (clips with no known end last), then name.
    public func deadlineClips(recorder: String? = nil, since: Date? = nil, until: Date? = nil) throws(CatalogError)
        -> [DeadlineClipRecord]
    {
        var conditions = Conditions()
        conditions.add("recorder = ?", recorder?.sqlValue)
        let moment = "(CASE WHEN start IS NULL OR duration IS NULL THEN ingested ELSE start + duration END)"
        conditions.add("\(moment) >= ?", since?.timeIntervalSince1970.sqlValue)
        conditions.add("\(moment) < ?", until?.timeIntervalSince1970.sqlValue)
        let condition = conditions.sql
        var result: [DeadlineClipRecord] = []
        try database.query(
            """
            SELECT sha256, recorder, handler, original_name, start, duration, ingested FROM clips
            WHERE \(condition)
            ORDER BY recorder, start IS NULL OR duration IS NULL, start + duration, original_name
            """, conditions.values
        ) { row in
            result.append(
                DeadlineClipRecord(
                    sha256: row.text(0), recorder: row.text(1), handler: row.optionalText(2),
                    originalName: row.text(3), start: row.optionalDouble(4).map(Date.init(timeIntervalSince1970:)),
                    duration: row.optionalDouble(5), ingested: Date(timeIntervalSince1970: row.double(6))))
        }
        return result
    }

    /// Every recorder with its last dock and the latest end of its clips, by serial.
    public func recorderDocks() throws(CatalogError) -> [RecorderDockRecord] {
        var result: [RecorderDockRecord] = []
        try database.query(
            """
            SELECT r.serial, r.handler, r.last_docked,
                (SELECT max(c.start + c.duration) FROM clips c
                 WHERE c.recorder = r.serial AND c.start IS NOT NULL AND c.duration IS NOT NULL)
            FROM recorders r ORDER BY r.serial
            """
        ) { row in
            result.append(
                RecorderDockRecord(
                    serial: row.text(0), handler: row.optionalText(1),
                    lastDocked: row.optionalDouble(2).map(Date.init(timeIntervalSince1970:)),
                    latestClipEnd: row.optionalDouble(3).map(Date.init(timeIntervalSince1970:))))
        }
        return result
    }

    /// The cases whose enforcement action has ended, or `nil` when this catalog has no `cases` table.
    ///
    /// Reads the columns `number`, `party`, `handler` and `ended` (unix seconds, NULL while the case is open) of a
    /// table named `cases`; a catalog from before cases were kept has none, and a deadline report then says nothing
    /// about case files.
    public func endedCases() throws(CatalogError) -> [CaseEndRecord]? {
        var hasCases = false
        try database.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'") { _ in
            hasCases = true
        }
        guard hasCases else { return nil }
        var result: [CaseEndRecord] = []
        try database.query(
            "SELECT number, party, handler, ended FROM cases WHERE ended IS NOT NULL ORDER BY ended, number"
        ) { row in
            result.append(
                CaseEndRecord(
                    number: row.text(0), party: row.optionalText(1), handler: row.optionalText(2),
                    ended: Date(timeIntervalSince1970: row.double(3))))
        }
        return result
    }
}
