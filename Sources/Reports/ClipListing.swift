import Catalog
import Foundation

/// `custody clips`: the catalog's clips as a table, JSON or CSV.
///
/// JSON and CSV carry the field names scripts rely on: `sha256`, `recorder`, `handler`, `original_name`,
/// `stored_path`, `size`, `start` (ISO 8601 UTC or null), `start_source`, `duration` (seconds), `damaged`
/// (null or libavformat's reason). Keep them.
public struct ClipListing {
    public var clips: [ClipRecord]
    /// The store's root, to show where each original is.
    public var store: String
    /// The station's time zone, for the table.
    public var timeZone: TimeZone
    /// Whether personal names (parties) are masked.
    public var maskNames = false

    public init(clips: [ClipRecord], store: String, timeZone: TimeZone) {
        self.clips = clips
        self.store = store
        self.timeZone = timeZone
    }

    /// The last day a clip must be kept, `YYYY-MM-DD` in the station's zone; nil while a case it is tied to is open
    /// or its date is not worked out.
    public static func lastDayKept(_ clip: ClipRecord, timeZone: TimeZone) -> String? {
        guard let until = clip.retainUntil, !clip.cases.contains(where: { $0.ended == nil }) else { return nil }
        return String(Timestamps.local(until.addingTimeInterval(-1), in: timeZone).prefix(10))
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .table: table()
        case .json: json()
        case .csv: csv()
        }
    }

    // MARK: - Formats

    static let fields = [
        "sha256", "recorder", "handler", "original_name", "original_path", "stored_path", "size", "start",
        "start_source", "duration", "container", "streams", "damaged", "ingested",
    ]

    func table() -> String {
        var table = TextTable(header: ["START", "RECORDER", "HANDLER", "DURATION", "SIZE", "SHA256", "CLIP"])
        for clip in clips {
            var name = clip.originalName
            if let damaged = clip.damaged { name += "  [damaged: \(damaged)]" }
            table.append([
                clip.start.map { Timestamps.local($0, in: timeZone) } ?? "unknown",
                clip.recorder, clip.handler ?? "-",
                clip.duration.map { String(format: "%.3f s", $0) } ?? "-",
                ClipListing.megabytes(clip.size), String(clip.sha256.prefix(12)), name,
            ])
        }
        let total = clips.reduce(Int64(0)) { $0 + $1.size }
        return table.render() + "\(clips.count) clips, \(ClipListing.megabytes(total))\n"
    }

    func json() -> String {
        let objects = clips.map { clip -> String in
            let streams = clip.streams.map { stream in
                JSON.object([
                    ("index", JSON.number(stream.index)), ("kind", JSON.string(stream.kind)),
                    ("codec", JSON.string(stream.codec)), ("width", JSON.number(stream.width)),
                    ("height", JSON.number(stream.height)), ("frame_rate", JSON.number(stream.frameRate)),
                    ("sample_rate", JSON.number(stream.sampleRate)), ("channels", JSON.number(stream.channels)),
                    ("start", JSON.number(stream.start)), ("duration", JSON.number(stream.duration)),
                ])
            }
            return JSON.object([
                ("sha256", JSON.string(clip.sha256)), ("recorder", JSON.string(clip.recorder)),
                ("handler", JSON.string(clip.handler)), ("original_name", JSON.string(clip.originalName)),
                ("original_path", JSON.string(clip.originalPath)), ("stored_path", JSON.string(storedPath(clip))),
                ("size", JSON.number(clip.size)), ("start", JSON.string(clip.start.map(Timestamps.utc))),
                ("start_source", JSON.string(clip.startSource?.rawValue)), ("duration", JSON.number(clip.duration)),
                ("container", JSON.string(clip.container)), ("streams", "[" + streams.joined(separator: ",") + "]"),
                ("damaged", JSON.string(clip.damaged)), ("ingested", JSON.string(Timestamps.utc(clip.ingested))),
                ("raw_start", JSON.string((clip.rawStart ?? clip.start).map(Timestamps.utc))),
                ("metadata_time", JSON.string(clip.metadataTime)),
                ("filename_time", JSON.string(clip.filenameTime.map(Timestamps.utc))),
                ("clock_suspect", JSON.string(clip.clockSuspect)), ("cases", cases(clip)),
                ("retain_until", JSON.string(ClipListing.lastDayKept(clip, timeZone: timeZone))),
                ("purged", JSON.string(clip.purged.map(Timestamps.utc))),
            ])
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    func csv() -> String {
        let rows = clips.map { clip in
            [
                clip.sha256, clip.recorder, clip.handler ?? "", clip.originalName, clip.originalPath,
                storedPath(clip), String(clip.size), clip.start.map(Timestamps.utc) ?? "",
                clip.startSource?.rawValue ?? "", clip.duration.map { String($0) } ?? "", clip.container ?? "",
                clip.streams.map { "\($0.kind):\($0.codec)" }.joined(separator: " "), clip.damaged ?? "",
                Timestamps.utc(clip.ingested),
            ]
        }
        return CSV.render(header: ClipListing.fields, rows: rows)
    }

    private func cases(_ clip: ClipRecord) -> String {
        let objects = clip.cases.map { tie in
            JSON.object([
                ("case", JSON.string(tie.number)),
                ("party", JSON.string(maskNames ? NameMask.mask(tie.party) : tie.party)),
                ("handler", JSON.string(tie.handler)),
            ])
        }
        return "[" + objects.joined(separator: ",") + "]"
    }

    private func storedPath(_ clip: ClipRecord) -> String {
        (store as NSString).appendingPathComponent(clip.storedPath)
    }

    /// A size in MB (10^6 bytes) with one decimal, as listings show it.
    public static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
