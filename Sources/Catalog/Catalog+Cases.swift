import Foundation

// MARK: - Recorders and handlers

extension Catalog {
    /// Runs `body` in one IMMEDIATE transaction: everything it changes in the catalog is committed, or nothing.
    /// - Note: not for use inside another transaction (`insertClip` opens its own).
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try database.execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try database.execute("COMMIT")
            return result
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    /// Every recorder with its clock setting and the handler it is issued to now, by serial.
    public func recorderSettings(now: Date = Date()) throws(CatalogError) -> [RecorderSettings] {
        var result: [RecorderSettings] = []
        try database.query(
            "SELECT serial, clock, stamps, handler, first_seen, last_docked FROM recorders ORDER BY serial"
        ) { row in
            result.append(
                RecorderSettings(
                    serial: row.text(0), clock: row.text(1), stamps: row.text(2), handler: row.optionalText(3),
                    firstSeen: Date(timeIntervalSince1970: row.double(4)),
                    lastDocked: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:))))
        }
        for offset in result.indices {
            if let assigned = try handlerInForce(recorder: result[offset].serial, at: now) {
                result[offset].handler = assigned
            }
        }
        return result
    }

    /// Sets how a recorder's clock is read, adding the recorder when the catalog does not know it yet.
    public func setRecorderClock(_ serial: String, clock: String?, stamps: String?, at time: Date) throws(CatalogError)
    {
        try database.run(
            "INSERT OR IGNORE INTO recorders (serial, handler, first_seen) VALUES (?1, NULL, ?2)",
            [serial.sqlValue, time.timeIntervalSince1970.sqlValue])
        if let clock {
            try database.run("UPDATE recorders SET clock = ?2 WHERE serial = ?1", [serial.sqlValue, clock.sqlValue])
        }
        if let stamps {
            try database.run("UPDATE recorders SET stamps = ?2 WHERE serial = ?1", [serial.sqlValue, stamps.sqlValue])
        }
    }

    /// Issues a recorder to a handler from `from` on; a second assignment at the same instant replaces the first.
    public func assignHandler(_ assignment: HandlerAssignment) throws(CatalogError) {
        try database.run(
            """
            INSERT INTO handler_assignments (recorder, handler, from_time, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (recorder, from_time) DO UPDATE SET handler = ?2, set_by = ?4, set_at = ?5
            """,
            [
                assignment.recorder.sqlValue, assignment.handler.sqlValue,
                assignment.from.timeIntervalSince1970.sqlValue, assignment.setBy.sqlValue,
                assignment.setAt.timeIntervalSince1970.sqlValue,
            ])
    }

    /// The handler a recorder was issued to at `time`, from the assignments; nil before the first one.
    public func handlerInForce(recorder: String, at time: Date) throws(CatalogError) -> String? {
        var handler: String?
        try database.query(
            """
            SELECT handler FROM handler_assignments WHERE recorder = ?1 AND from_time <= ?2
            ORDER BY from_time DESC LIMIT 1
            """, [recorder.sqlValue, time.timeIntervalSince1970.sqlValue]
        ) { row in handler = row.text(0) }
        return handler
    }

    /// A recorder's handler assignments, earliest first.
    public func handlerAssignments(recorder: String) throws(CatalogError) -> [HandlerAssignment] {
        var result: [HandlerAssignment] = []
        try database.query(
            """
            SELECT recorder, handler, from_time, set_by, set_at FROM handler_assignments WHERE recorder = ?1
            ORDER BY from_time
            """, [recorder.sqlValue]
        ) { row in
            result.append(
                HandlerAssignment(
                    recorder: row.text(0), handler: row.text(1), from: Date(timeIntervalSince1970: row.double(2)),
                    setBy: row.text(3), setAt: Date(timeIntervalSince1970: row.double(4))))
        }
        return result
    }

    /// Records a handler's name.
    public func setHandlerName(badge: String, name: String) throws(CatalogError) {
        try database.run(
            "INSERT INTO handlers (badge, name) VALUES (?1, ?2) ON CONFLICT (badge) DO UPDATE SET name = ?2",
            [badge.sqlValue, name.sqlValue])
    }

    /// A handler's name, when one was recorded.
    public func handlerName(badge: String) throws(CatalogError) -> String? {
        var name: String?
        try database.query("SELECT name FROM handlers WHERE badge = ?1", [badge.sqlValue]) { row in
            name = row.optionalText(0)
        }
        return name
    }
}

// MARK: - Clip times and retention

extension Catalog {
    /// Stores a clip's corrected start and whether its recorder's clock is suspect; `raw_start` never changes.
    public func setClipTime(clip: Int64, start: Date?, clockSuspect: String?) throws(CatalogError) {
        try database.run(
            "UPDATE clips SET start = ?2, clock_suspect = ?3 WHERE id = ?1",
            [clip.sqlValue, start?.timeIntervalSince1970.sqlValue ?? .null, clockSuspect.sqlValue])
    }

    /// Moves a clip's retention date to `date` when that is later; it never moves earlier.
    /// - Returns: the clip's retention date after the change.
    @discardableResult
    public func raiseRetention(clip: Int64, to date: Date) throws(CatalogError) -> Date {
        try database.run(
            "UPDATE clips SET retain_until = max(coalesce(retain_until, ?2), ?2) WHERE id = ?1",
            [clip.sqlValue, date.timeIntervalSince1970.sqlValue])
        var stored = date
        try database.query("SELECT retain_until FROM clips WHERE id = ?1", [clip.sqlValue]) { row in
            stored = Date(timeIntervalSince1970: row.double(0))
        }
        return stored
    }

    /// The SHA-256 of every clip kept in the store whose retention was never worked out: clips stored before
    /// tagging existed.
    public func untaggedClips() throws(CatalogError) -> [String] {
        var result: [String] = []
        try database.query(
            "SELECT sha256 FROM clips WHERE retain_until IS NULL AND id NOT IN (SELECT clip FROM purges) ORDER BY id"
        ) { row in result.append(row.text(0)) }
        return result
    }

    /// Fills in a clip's tag fields: the handler in force when its name carries none, raw start, clock suspicion,
    /// retention, cases and purge.
    func fillTags(_ clip: inout ClipRecord) throws(CatalogError) {
        var extra: (raw: Double?, suspect: String?, retain: Double?) = (nil, nil, nil)
        try database.query(
            "SELECT raw_start, clock_suspect, retain_until FROM clips WHERE id = ?1", [clip.id.sqlValue]
        ) { row in extra = (row.optionalDouble(0), row.optionalText(1), row.optionalDouble(2)) }
        clip.rawStart = extra.raw.map(Date.init(timeIntervalSince1970:)).flatMap { $0 == clip.start ? nil : $0 }
        clip.clockSuspect = extra.suspect
        clip.retainUntil = extra.retain.map(Date.init(timeIntervalSince1970:))
        if clip.handler == nil, let start = clip.start {
            clip.handler = try handlerInForce(recorder: clip.recorder, at: start)
        }
        clip.cases = try ties(ofClip: clip.id)
        try database.query("SELECT purged FROM purges WHERE clip = ?1", [clip.id.sqlValue]) { row in
            clip.purged = Date(timeIntervalSince1970: row.double(0))
        }
    }
}

// MARK: - Cases

extension Catalog {
    /// Opens a case. Throws when the case number is already used.
    public func openCase(_ record: CaseRecord) throws(CatalogError) {
        try database.run(
            "INSERT INTO cases (number, party, handler, title, opened, ended) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            [
                record.number.sqlValue, record.party.sqlValue, record.handler.sqlValue, record.title.sqlValue,
                record.opened.timeIntervalSince1970.sqlValue, record.ended?.timeIntervalSince1970.sqlValue ?? .null,
            ])
    }

    /// Records when a case ended (nil reopens it).
    public func setCaseEnded(_ number: String, ended: Date?) throws(CatalogError) {
        try database.run(
            "UPDATE cases SET ended = ?2 WHERE number = ?1",
            [number.sqlValue, ended?.timeIntervalSince1970.sqlValue ?? .null])
    }

    /// The case with this number, if any.
    public func caseRecord(_ number: String) throws(CatalogError) -> CaseRecord? {
        try cases(where: "number = ?1", [number.sqlValue]).first
    }

    /// Every case, by number.
    public func cases() throws(CatalogError) -> [CaseRecord] {
        try cases(where: "1", [])
    }

    private func cases(where condition: String, _ values: [SQLValue]) throws(CatalogError) -> [CaseRecord] {
        var result: [CaseRecord] = []
        try database.query(
            "SELECT number, party, handler, title, opened, ended FROM cases WHERE \(condition) ORDER BY number", values
        ) { row in
            result.append(
                CaseRecord(
                    number: row.text(0), party: row.text(1), handler: row.text(2), title: row.optionalText(3),
                    opened: Date(timeIntervalSince1970: row.double(4)),
                    ended: row.optionalDouble(5).map(Date.init(timeIntervalSince1970:))))
        }
        return result
    }

    /// Adds a way of tying clips to a case. Adding one that is already there changes nothing.
    /// - Returns: whether it was new.
    @discardableResult
    public func addAssignment(_ assignment: CaseAssignment) throws(CatalogError) -> Bool {
        if try assignments().contains(assignment) { return false }
        try database.run(
            "INSERT INTO case_assignments (case_number, kind, value, from_time, to_time) VALUES (?1, ?2, ?3, ?4, ?5)",
            [
                assignment.caseNumber.sqlValue, assignment.kind.rawValue.sqlValue, assignment.value.sqlValue,
                assignment.from?.timeIntervalSince1970.sqlValue ?? .null,
                assignment.to?.timeIntervalSince1970.sqlValue ?? .null,
            ])
        return true
    }

    /// Removes a way of tying clips to a case.
    /// - Returns: whether it was there.
    @discardableResult
    public func removeAssignment(_ assignment: CaseAssignment) throws(CatalogError) -> Bool {
        let changed = try database.run(
            """
            DELETE FROM case_assignments WHERE case_number = ?1 AND kind = ?2 AND value = ?3
                AND from_time IS ?4 AND to_time IS ?5
            """,
            [
                assignment.caseNumber.sqlValue, assignment.kind.rawValue.sqlValue, assignment.value.sqlValue,
                assignment.from?.timeIntervalSince1970.sqlValue ?? .null,
                assignment.to?.timeIntervalSince1970.sqlValue ?? .null,
            ])
        return changed > 0
    }

    /// Every way clips are tied to cases, in the order they were added.
    public func assignments() throws(CatalogError) -> [CaseAssignment] {
        var result: [CaseAssignment] = []
        try database.query("SELECT case_number, kind, value, from_time, to_time FROM case_assignments ORDER BY id") {
            row in
            result.append(
                CaseAssignment(
                    caseNumber: row.text(0), kind: CaseAssignment.Kind(rawValue: row.text(1)) ?? .clip,
                    value: row.text(2), from: row.optionalDouble(3).map(Date.init(timeIntervalSince1970:)),
                    to: row.optionalDouble(4).map(Date.init(timeIntervalSince1970:))))
        }
        return result
    }

    /// The cases a clip is tied to now, by case number.
    public func ties(ofClip clip: Int64) throws(CatalogError) -> [CaseTie] {
        var result: [CaseTie] = []
        try database.query(
            """
            SELECT k.number, k.party, k.handler, k.ended FROM case_clips t JOIN cases k ON k.number = t.case_number
            WHERE t.clip = ?1 ORDER BY k.number
            """, [clip.sqlValue]
        ) { row in
            result.append(
                CaseTie(
                    number: row.text(0), party: row.text(1), handler: row.text(2),
                    ended: row.optionalDouble(3).map(Date.init(timeIntervalSince1970:))))
        }
        return result
    }

    /// Ties a clip to a case, or unties it.
    public func setTie(case number: String, clip: Int64, tied: Bool) throws(CatalogError) {
        if tied {
            try database.run(
                "INSERT OR IGNORE INTO case_clips (case_number, clip) VALUES (?1, ?2)",
                [number.sqlValue, clip.sqlValue])
        } else {
            try database.run(
                "DELETE FROM case_clips WHERE case_number = ?1 AND clip = ?2", [number.sqlValue, clip.sqlValue])
        }
    }
}

// MARK: - History

extension Catalog {
    /// Appends one change to the tag history; the history is never changed or deleted.
    public func recordChange(_ change: TagChange) throws(CatalogError) {
        try database.run(
            "INSERT INTO tag_history (at, by, subject, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            [
                change.at.timeIntervalSince1970.sqlValue, change.by.sqlValue, change.subject.sqlValue,
                change.field.sqlValue, change.old.sqlValue, change.new.sqlValue,
            ])
    }

    /// The history of a clip (by SHA-256), a case or a recorder, oldest first. For a case, it includes every clip
    /// tied to it or untied from it.
    public func history(of subject: String) throws(CatalogError) -> [TagChange] {
        var result: [TagChange] = []
        try database.query(
            """
            SELECT at, by, subject, field, old, new FROM tag_history
            WHERE subject = ?1 OR (field = 'case' AND (old = ?1 OR new = ?1))
            ORDER BY id
            """, [subject.sqlValue]
        ) { row in
            result.append(
                TagChange(
                    at: Date(timeIntervalSince1970: row.double(0)), by: row.text(1), subject: row.text(2),
                    field: row.text(3), old: row.optionalText(4), new: row.optionalText(5)))
        }
        return result
    }
}

// MARK: - Holds and purges

extension Catalog {
    /// Places a hold on a case or a clip.
    public func placeHold(subject: String, reason: String, by: String, at time: Date) throws(CatalogError) {
        try database.run(
            "INSERT INTO holds (subject, reason, placed_by, placed) VALUES (?1, ?2, ?3, ?4)",
            [subject.sqlValue, reason.sqlValue, by.sqlValue, time.timeIntervalSince1970.sqlValue])
    }

    /// Releases every hold in force on a case or a clip.
    /// - Returns: how many holds were released.
    @discardableResult
    public func releaseHolds(subject: String, by: String, at time: Date) throws(CatalogError) -> Int {
        try database.run(
            "UPDATE holds SET released_by = ?2, released = ?3 WHERE subject = ?1 AND released IS NULL",
            [subject.sqlValue, by.sqlValue, time.timeIntervalSince1970.sqlValue])
    }

    /// The holds in force, oldest first.
    public func holdsInForce() throws(CatalogError) -> [HoldRecord] {
        var result: [HoldRecord] = []
        try database.query(
            """
            SELECT id, subject, reason, placed_by, placed, released_by, released FROM holds WHERE released IS NULL
            ORDER BY id
            """
        ) { row in
            result.append(
                HoldRecord(
                    id: row.int64(0), subject: row.text(1), reason: row.text(2), placedBy: row.text(3),
                    placed: Date(timeIntervalSince1970: row.double(4)), releasedBy: row.optionalText(5),
                    released: row.optionalDouble(6).map(Date.init(timeIntervalSince1970:))))
        }
        return result
    }

    /// Records that a clip's original was deleted from the store; the clip's row stays.
    public func recordPurge(_ purge: PurgeRecord) throws(CatalogError) {
        try database.run(
            """
            INSERT INTO purges (clip, sha256, stored_path, retain_until, purged, purged_by)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            """,
            [
                purge.clip.sqlValue, purge.sha256.sqlValue, purge.storedPath.sqlValue,
                purge.retainUntil.timeIntervalSince1970.sqlValue, purge.purged.timeIntervalSince1970.sqlValue,
                purge.purgedBy.sqlValue,
            ])
    }

    /// Every purge, oldest first.
    public func purges() throws(CatalogError) -> [PurgeRecord] {
        var result: [PurgeRecord] = []
        try database.query(
            "SELECT clip, sha256, stored_path, retain_until, purged, purged_by FROM purges ORDER BY purged, clip"
        ) { row in
            result.append(
                PurgeRecord(
                    clip: row.int64(0), sha256: row.text(1), storedPath: row.text(2),
                    retainUntil: Date(timeIntervalSince1970: row.double(3)),
                    purged: Date(timeIntervalSince1970: row.double(4)), purgedBy: row.text(5)))
        }
        return result
    }
}
