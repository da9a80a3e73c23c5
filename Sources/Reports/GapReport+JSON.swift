// MARK: - JSON

extension GapReport {
    /// The names of the fields of each gap, in the order JSON and CSV write them. Scripts read these names.
    public static let fields = [
        "id", "recorder", "kind", "inside", "before", "after", "before_name", "after_name", "start", "end", "seconds",
        "explanation", "speech_start", "speech_seconds", "note", "note_by", "note_at", "error",
    ]

    /// One JSON array with one object per gap (between clips, or a jump inside one), in timeline order.
    ///
    /// `before` and `after` are SHA-256 hashes (the same clip for a jump inside); `start`, `end` and `note_at` are
    /// ISO 8601 UTC or null; `seconds`, `speech_start` and `speech_seconds` are seconds or null; `explanation` is
    /// `spoken`, `written` or `missing`, or null where none is needed or the speech check failed (then `error`
    /// says why).
    public func renderJSON() -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let objects = rows.map { row in
            JSON.object([
                ("id", JSON.number(row.id)), ("recorder", JSON.string(row.recorder)), ("kind", JSON.string(row.kind)),
                ("inside", row.inside ? "true" : "false"), ("before", JSON.string(row.before)),
                ("after", JSON.string(row.after)), ("before_name", JSON.string(row.beforeName)),
                ("after_name", JSON.string(row.afterName)), ("start", JSON.string(row.start.map(Timestamps.utc))),
                ("end", JSON.string(row.end.map(Timestamps.utc))), ("seconds", JSON.number(row.seconds)),
                ("explanation", JSON.string(row.explanation)), ("speech_start", JSON.number(row.speechStart)),
                ("speech_seconds", JSON.number(row.speechSeconds)), ("note", JSON.string(row.note)),
                ("note_by", JSON.string(row.noteBy)), ("note_at", JSON.string(row.noteAt.map(Timestamps.utc))),
                ("error", JSON.string(row.error)),
            ])
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }
}
