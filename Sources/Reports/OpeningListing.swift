import Foundation

// MARK: - OpeningListing

/// `custody gaps --openings`: each activity's opening statement (article 7), as a table, JSON or CSV.
///
/// JSON and CSV carry the field names scripts rely on: `recorder`, `clip` (SHA-256), `clip_name`, `offset`
/// (seconds into the clip where the activity opens), `start` (ISO 8601 UTC or null), `explanation` (`spoken`,
/// `missing`, or null when the clip could not be decoded), `speech_start`, `speech_seconds` (null without audio)
/// and `error`. Keep them.
public struct OpeningListing: Sendable {
    /// One activity's opening.
    public struct Row: Sendable, Equatable {
        public var recorder: String
        public var clip: String
        public var clipName: String
        public var offset: Double
        /// When the activity opens, if the clip's start is known.
        public var start: Date?
        public var explanation: String?
        public var speechStart: Double?
        public var speechSeconds: Double?
        public var error: String?

        /// Creates a row.
        public init(
            recorder: String, clip: String, clipName: String, offset: Double, start: Date?, explanation: String?,
            speechStart: Double?, speechSeconds: Double?, error: String?
        ) {
            self.recorder = recorder
            self.clip = clip
            self.clipName = clipName
            self.offset = offset
            self.start = start
            self.explanation = explanation
            self.speechStart = speechStart
            self.speechSeconds = speechSeconds
            self.error = error
        }
    }

    public var rows: [Row]
    /// The station's zone, for the table.
    public var timeZone: TimeZone

    /// Creates a listing.
    public init(rows: [Row], timeZone: TimeZone) {
        self.rows = rows
        self.timeZone = timeZone
    }

    /// The names of each row's fields, in the order JSON and CSV write them.
    public static let fields = [
        "recorder", "clip", "clip_name", "offset", "start", "explanation", "speech_start", "speech_seconds", "error",
    ]

    /// Writes the listing; `format` is table, JSON or CSV.
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        }
    }

    // MARK: - Formats

    func table() -> String {
        var table = TextTable(header: ["START", "RECORDER", "OPENING STATEMENT", "SPEECH", "CLIP"])
        for row in rows {
            let speech =
                row.speechStart.map { String(format: "at %.1f s, %.1f s", $0, row.speechSeconds ?? 0) } ?? "-"
            table.append([
                row.start.map { Timestamps.local($0, in: timeZone) } ?? "unknown", row.recorder,
                row.explanation ?? "not checked: \(row.error ?? "")", speech,
                row.offset > 0 ? "\(row.clipName) from \(JSON.number(row.offset)) s" : row.clipName,
            ])
        }
        return table.render()
    }

    func json() -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let objects = rows.map { row in
            JSON.object([
                ("recorder", JSON.string(row.recorder)), ("clip", JSON.string(row.clip)),
                ("clip_name", JSON.string(row.clipName)), ("offset", JSON.number(row.offset)),
                ("start", JSON.string(row.start.map(Timestamps.utc))), ("explanation", JSON.string(row.explanation)),
                ("speech_start", JSON.number(row.speechStart)), ("speech_seconds", JSON.number(row.speechSeconds)),
                ("error", JSON.string(row.error)),
            ])
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    func csv() -> String {
        let lines = rows.map { row in
            [
                row.recorder, row.clip, row.clipName, JSON.number(row.offset), row.start.map(Timestamps.utc) ?? "",
                row.explanation ?? "", row.speechStart.map { JSON.number($0) } ?? "",
                row.speechSeconds.map { JSON.number($0) } ?? "", row.error ?? "",
            ]
        }
        return CSV.render(header: OpeningListing.fields, rows: lines)
    }
}
