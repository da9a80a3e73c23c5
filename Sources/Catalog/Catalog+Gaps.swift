import Foundation

/// Gaps, opening statements, written explanations and cached speech verdicts.
///
/// Gaps are recomputed recorder by recorder (`replaceGaps`); a gap found again keeps its id, a gap no longer
/// found is removed, and written explanations are never touched: they are kept by the gap's identity (recorder,
/// clip before, clip after, resume offset), so a gap that comes back finds its explanation again.
extension Catalog {
    // MARK: - Probe facts

    /// Stores what the probe found that timelines need; called inside `insertClip`'s transaction.
    func insertProbeFacts(of clip: ClipRecord, id: Int64) throws(CatalogError) {
        try database.run(
            "UPDATE clips SET finalised = ?2, truncated = ?3 WHERE id = ?1",
            [id.sqlValue, clip.finalised.sqlValue, clip.truncated.sqlValue])
        for jump in clip.jumps {
            try database.run(
                "INSERT OR REPLACE INTO clip_jumps (clip, position, seconds) VALUES (?1, ?2, ?3)",
                [id.sqlValue, jump.position.sqlValue, jump.seconds.sqlValue])
        }
    }

    /// Reads a clip's finalised and truncated flags and its jumps.
    func readProbeFacts(into clip: inout ClipRecord) throws(CatalogError) {
        var finalised: Bool?
        var truncated = false
        try database.query("SELECT finalised, truncated FROM clips WHERE id = ?1", [clip.id.sqlValue]) { row in
            finalised = row.optionalInt64(0).map { $0 != 0 }
            truncated = row.int64(1) != 0
        }
        var jumps: [ClipJump] = []
        try database.query(
            "SELECT position, seconds FROM clip_jumps WHERE clip = ?1 ORDER BY position", [clip.id.sqlValue]
        ) { row in
            jumps.append(ClipJump(position: row.double(0), seconds: row.double(1)))
        }
        clip.finalised = finalised
        clip.truncated = truncated
        clip.jumps = jumps
    }

    /// The serials of every recorder that has clips, sorted.
    public func recordersWithClips() throws(CatalogError) -> [String] {
        var serials: [String] = []
        try database.query("SELECT DISTINCT recorder FROM clips ORDER BY recorder") { row in
            serials.append(row.text(0))
        }
        return serials
    }

    /// The serials of recorders with a clip ingested after their gaps were last computed (or never computed), sorted.
    ///
    /// Every analysed recorder has at least one opening statement (its first activity's), so the latest of those
    /// marks when it was last analysed. An analysis cut short (a stop, a crash) is caught up by this.
    public func recordersWithUnanalysedClips() throws(CatalogError) -> [String] {
        var serials: [String] = []
        try database.query(
            """
            SELECT c.recorder FROM clips c GROUP BY c.recorder
            HAVING max(c.ingested) >= coalesce(
                (SELECT max(o.computed_at) FROM opening_statements o WHERE o.recorder = c.recorder), 0)
            ORDER BY c.recorder
            """
        ) { row in
            serials.append(row.text(0))
        }
        return serials
    }

    // MARK: - Gaps

    /// Replaces one recorder's gaps and opening statements with a fresh computation, in one transaction.
    ///
    /// A gap whose identity was already stored keeps its id; gaps not found again are removed. A gap that needs
    /// an explanation and has a written one is stored as `written`, whatever the speech check found (the speech
    /// fields are kept).
    /// - Returns: the gaps as stored, with their ids and latest written explanations.
    @discardableResult
    public func replaceGaps(recorder: String, gaps: [GapRecord], openings: [OpeningStatementRecord])
        throws(CatalogError) -> [GapRecord]
    {
        try database.transaction { () throws(CatalogError) -> [GapRecord] in
            var stored: [GapRecord] = []
            var kept: [Int64] = []
            for var gap in gaps {
                gap.written = try latestExplanation(
                    recorder: gap.recorder, before: gap.before, after: gap.after, resumeOffset: gap.resumeOffset)
                if gap.written != nil && gap.needsExplanation { gap.explanation = "written" }
                let values: [SQLValue] = [
                    gap.recorder.sqlValue, gap.before.sqlValue, gap.after.sqlValue, gap.resumeOffset.sqlValue,
                    gap.ordinal.sqlValue, gap.kind.sqlValue, gap.inside.sqlValue,
                    gap.start?.timeIntervalSince1970.sqlValue ?? .null,
                    gap.end?.timeIntervalSince1970.sqlValue ?? .null,
                    gap.seconds.sqlValue, gap.explanation.sqlValue, gap.speechStart.sqlValue,
                    gap.speechSeconds.sqlValue,
                    gap.error.sqlValue, gap.computedAt.timeIntervalSince1970.sqlValue,
                ]
                var existing: Int64?
                try database.query(
                    """
                    SELECT id FROM gaps
                    WHERE recorder = ?1 AND before_clip = ?2 AND after_clip = ?3 AND resume_offset = ?4
                    """, Array(values.prefix(4))
                ) { row in existing = row.int64(0) }
                if let existing {
                    // An update, not an upsert: an upsert would use up an id each time and ids would drift.
                    try database.run(
                        """
                        UPDATE gaps SET ordinal = ?5, kind = ?6, inside = ?7, start_time = ?8, end_time = ?9,
                            seconds = ?10, explanation = ?11, speech_start = ?12, speech_seconds = ?13, error = ?14,
                            computed_at = ?15
                        WHERE recorder = ?1 AND before_clip = ?2 AND after_clip = ?3 AND resume_offset = ?4
                        """, values)
                    gap.id = existing
                } else {
                    try database.run(
                        """
                        INSERT INTO gaps (recorder, before_clip, after_clip, resume_offset, ordinal, kind, inside,
                            start_time, end_time, seconds, explanation, speech_start, speech_seconds, error, computed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                        """, values)
                    gap.id = database.lastInsertedRowID
                }
                kept.append(gap.id)
                stored.append(gap)
            }
            let keptList = kept.map(String.init).joined(separator: ",")
            try database.run(
                "DELETE FROM gaps WHERE recorder = ?1 AND id NOT IN (\(keptList))", [recorder.sqlValue])

            try database.run("DELETE FROM opening_statements WHERE recorder = ?1", [recorder.sqlValue])
            for opening in openings {
                try database.run(
                    """
                    INSERT OR REPLACE INTO opening_statements (recorder, clip, resume_offset, explanation,
                        speech_start, speech_seconds, error, computed_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                    """,
                    [
                        opening.recorder.sqlValue, opening.clip.sqlValue, opening.offset.sqlValue,
                        opening.explanation.sqlValue, opening.speechStart.sqlValue, opening.speechSeconds.sqlValue,
                        opening.error.sqlValue, opening.computedAt.timeIntervalSince1970.sqlValue,
                    ])
            }
            return stored
        }
    }

    /// The gaps that match the filter, recorder by recorder in timeline order, each with its latest written
    /// explanation.
    public func gaps(_ filter: GapFilter = GapFilter()) throws(CatalogError) -> [GapRecord] {
        var conditions = Conditions()
        conditions.add("recorder = ?", filter.recorder?.sqlValue)
        conditions.add("coalesce(end_time, start_time) >= ?", filter.since?.timeIntervalSince1970.sqlValue)
        conditions.add("coalesce(start_time, end_time) < ?", filter.until?.timeIntervalSince1970.sqlValue)
        if filter.unexplained {
            conditions.add(
                "kind IN ('interruption', 'overlap', 'unknown') AND coalesce(explanation, '') NOT IN ('spoken', 'written')"
            )
        }
        return try gaps(where: conditions.sql, conditions.values)
    }

    /// The gap with this id, or nil.
    public func gap(id: Int64) throws(CatalogError) -> GapRecord? {
        try gaps(where: "id = ?1", [id.sqlValue]).first
    }

    private func gaps(where condition: String, _ values: [SQLValue]) throws(CatalogError) -> [GapRecord] {
        var result: [GapRecord] = []
        try database.query(
            """
            SELECT id, recorder, ordinal, kind, inside, before_clip, after_clip, start_time, end_time, seconds,
                resume_offset, explanation, speech_start, speech_seconds, error, computed_at
            FROM gaps WHERE \(condition) ORDER BY recorder, ordinal, id
            """, values
        ) { row in
            result.append(
                GapRecord(
                    id: row.int64(0), recorder: row.text(1), ordinal: Int(row.int64(2)), kind: row.text(3),
                    inside: row.int64(4) != 0, before: row.text(5), after: row.text(6),
                    start: row.optionalDouble(7).map(Date.init(timeIntervalSince1970:)),
                    end: row.optionalDouble(8).map(Date.init(timeIntervalSince1970:)), seconds: row.optionalDouble(9),
                    resumeOffset: row.double(10), explanation: row.optionalText(11),
                    speechStart: row.optionalDouble(12),
                    speechSeconds: row.optionalDouble(13), error: row.optionalText(14),
                    computedAt: Date(timeIntervalSince1970: row.double(15))))
        }
        for index in result.indices {
            let gap = result[index]
            result[index].written = try latestExplanation(
                recorder: gap.recorder, before: gap.before, after: gap.after, resumeOffset: gap.resumeOffset)
        }
        return result
    }

    // MARK: - Written explanations

    /// Records a written explanation of the gap `id` and marks the gap `written`.
    ///
    /// The explanation is kept by the gap's identity, so it survives every recomputation of the gaps. Earlier
    /// explanations of the same gap are kept too; reports show the latest.
    /// - Returns: nil when there is no gap with this id.
    @discardableResult
    public func addExplanation(gap id: Int64, note: String, by name: String, at time: Date)
        throws(CatalogError) -> ExplanationRecord?
    {
        try database.transaction { () throws(CatalogError) -> ExplanationRecord? in
            guard let gap = try gap(id: id) else { return nil }
            try database.run(
                """
                INSERT INTO explanations (gap, recorder, before_clip, after_clip, resume_offset, note, written_by,
                    written_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """,
                [
                    id.sqlValue, gap.recorder.sqlValue, gap.before.sqlValue, gap.after.sqlValue,
                    gap.resumeOffset.sqlValue, note.sqlValue, name.sqlValue, time.timeIntervalSince1970.sqlValue,
                ])
            try database.run("UPDATE gaps SET explanation = 'written' WHERE id = ?1", [id.sqlValue])
            return ExplanationRecord(gap: id, note: note, writtenBy: name, writtenAt: time)
        }
    }

    private func latestExplanation(recorder: String, before: String, after: String, resumeOffset: Double)
        throws(CatalogError) -> ExplanationRecord?
    {
        var latest: ExplanationRecord?
        try database.query(
            """
            SELECT gap, note, written_by, written_at FROM explanations
            WHERE recorder = ?1 AND before_clip = ?2 AND after_clip = ?3 AND resume_offset = ?4
            ORDER BY written_at DESC, id DESC LIMIT 1
            """, [recorder.sqlValue, before.sqlValue, after.sqlValue, resumeOffset.sqlValue]
        ) { row in
            latest = ExplanationRecord(
                gap: row.int64(0), note: row.text(1), writtenBy: row.text(2),
                writtenAt: Date(timeIntervalSince1970: row.double(3)))
        }
        return latest
    }

    // MARK: - Opening statements

    /// The opening statements of every activity (of one recorder, when given), by recorder and clip start.
    public func openingStatements(recorder: String? = nil) throws(CatalogError) -> [OpeningStatementRecord] {
        var result: [OpeningStatementRecord] = []
        let condition = recorder == nil ? "1" : "o.recorder = ?1"
        try database.query(
            """
            SELECT o.recorder, o.clip, o.resume_offset, o.explanation, o.speech_start, o.speech_seconds, o.error,
                o.computed_at
            FROM opening_statements o LEFT JOIN clips c ON c.sha256 = o.clip
            WHERE \(condition) ORDER BY o.recorder, c.start, o.resume_offset
            """, recorder.map { [$0.sqlValue] } ?? []
        ) { row in
            result.append(
                OpeningStatementRecord(
                    recorder: row.text(0), clip: row.text(1), offset: row.double(2), explanation: row.optionalText(3),
                    speechStart: row.optionalDouble(4), speechSeconds: row.optionalDouble(5),
                    error: row.optionalText(6), computedAt: Date(timeIntervalSince1970: row.double(7))))
        }
        return result
    }

    // MARK: - Speech verdict cache

    /// The verdict already made for this clip, offset, window and minimum, if any.
    public func speechCheck(sha256: String, offset: Double, window: Double, minimum: Double)
        throws(CatalogError) -> SpeechCheckRecord?
    {
        var found: SpeechCheckRecord?
        try database.query(
            """
            SELECT has_audio, spoken, speech_start, speech_seconds FROM speech_checks
            WHERE sha256 = ?1 AND resume_offset = ?2 AND window_seconds = ?3 AND minimum_seconds = ?4
            """, [sha256.sqlValue, offset.sqlValue, window.sqlValue, minimum.sqlValue]
        ) { row in
            found = SpeechCheckRecord(
                sha256: sha256, offset: offset, window: window, minimum: minimum, hasAudio: row.int64(0) != 0,
                spoken: row.int64(1) != 0, speechStart: row.optionalDouble(2), speechSeconds: row.double(3))
        }
        return found
    }

    /// Keeps a verdict so the same check never decodes the clip's audio again.
    public func storeSpeechCheck(_ check: SpeechCheckRecord, at time: Date) throws(CatalogError) {
        try database.run(
            """
            INSERT OR REPLACE INTO speech_checks (sha256, resume_offset, window_seconds, minimum_seconds, has_audio,
                spoken, speech_start, speech_seconds, checked_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """,
            [
                check.sha256.sqlValue, check.offset.sqlValue, check.window.sqlValue, check.minimum.sqlValue,
                check.hasAudio.sqlValue, check.spoken.sqlValue, check.speechStart.sqlValue,
                check.speechSeconds.sqlValue, time.timeIntervalSince1970.sqlValue,
            ])
    }

    /// How many speech verdicts are kept; for tests and diagnostics.
    public func speechCheckCount() throws(CatalogError) -> Int {
        var count = 0
        try database.query("SELECT count(*) FROM speech_checks") { row in count = Int(row.int64(0)) }
        return count
    }
}
