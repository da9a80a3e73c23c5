import Foundation

/// custody's index of recorders, docks and verified originals, in one SQLite file.
///
/// The catalog is opened in WAL mode with a busy timeout, so the daemon and an operator's command can use
/// it at the same time. A clip is inserted only after its copy is verified, together with its streams and
/// its first sighting, in one transaction. Clips are never deleted and their hash, size and paths never
/// change: triggers in the schema refuse it.
public final class Catalog {
    let database: Database

    /// The catalog file's path.
    public var path: String { database.path }

    /// Opens the catalog at `path`, creating it and its folder if needed, and brings its schema up to date.
    public init(path: String) throws(CatalogError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CatalogError(
                    code: 0, operation: "create the catalog's folder '\(folder)'", reason: error.localizedDescription)
            }
        }
        database = try Database(path: path)
        try Migrations.migrate(database)
    }

    /// Closes the catalog. Safe to call more than once.
    public func close() throws(CatalogError) {
        try database.close()
    }

    /// The schema version, for diagnostics.
    public func schemaVersion() throws(CatalogError) -> Int {
        var version = 0
        try database.query("PRAGMA user_version") { row in version = Int(row.int64(0)) }
        return version
    }

    // MARK: - Recorders

    /// Records that a recorder was seen, keeping the first time it was seen.
    public func noteRecorder(_ serial: String, handler: String?, at time: Date) throws(CatalogError) {
        try database.run(
            """
            INSERT INTO recorders (serial, handler, first_seen, last_docked) VALUES (?1, ?2, ?3, ?3)
            ON CONFLICT (serial) DO UPDATE SET
                handler = coalesce(?2, handler),
                last_docked = max(coalesce(last_docked, ?3), ?3)
            """,
            [serial.sqlValue, handler.sqlValue, time.timeIntervalSince1970.sqlValue])
    }

    /// Every recorder, by serial.
    public func recorders() throws(CatalogError) -> [RecorderRecord] {
        var result: [RecorderRecord] = []
        try database.query("SELECT serial, handler, first_seen, last_docked FROM recorders ORDER BY serial") { row in
            result.append(
                RecorderRecord(
                    serial: row.text(0), handler: row.optionalText(1),
                    firstSeen: Date(timeIntervalSince1970: row.double(2)),
                    lastDocked: row.optionalDouble(3).map(Date.init(timeIntervalSince1970:))))
        }
        return result
    }

    // MARK: - Docks

    /// Records the start of a dock and returns its id.
    public func beginDock(_ dock: DockRecord) throws(CatalogError) -> Int64 {
        try database.run(
            "INSERT INTO docks (mount_point, device, label, uuid, started) VALUES (?1, ?2, ?3, ?4, ?5)",
            [
                dock.mountPoint.sqlValue, dock.device.sqlValue, dock.label.sqlValue, dock.uuid.sqlValue,
                dock.started.timeIntervalSince1970.sqlValue,
            ])
        return database.lastInsertedRowID
    }

    /// Records what a dock's ingest did.
    public func finishDock(_ dock: DockRecord) throws(CatalogError) {
        try database.run(
            """
            UPDATE docks SET finished = ?2, found = ?3, copied = ?4, already = ?5, damaged = ?6, failed = ?7,
                bytes = ?8, errors = ?9
            WHERE id = ?1
            """,
            [
                dock.id.sqlValue, (dock.finished ?? Date()).timeIntervalSince1970.sqlValue, dock.found.sqlValue,
                dock.copied.sqlValue, dock.already.sqlValue, dock.damaged.sqlValue, dock.failed.sqlValue,
                dock.bytes.sqlValue, dock.errors.joined(separator: "\n").sqlValue,
            ])
    }

    /// Every dock, the latest first.
    public func docks() throws(CatalogError) -> [DockRecord] {
        var result: [DockRecord] = []
        try database.query(
            """
            SELECT id, mount_point, device, label, uuid, started, finished, found, copied, already, damaged, failed,
                bytes, errors
            FROM docks ORDER BY started DESC, id DESC
            """
        ) { row in
            let errors = row.text(13)
            result.append(
                DockRecord(
                    id: row.int64(0), mountPoint: row.text(1), device: row.optionalText(2), label: row.optionalText(3),
                    uuid: row.optionalText(4), started: Date(timeIntervalSince1970: row.double(5)),
                    finished: row.optionalDouble(6).map(Date.init(timeIntervalSince1970:)), found: Int(row.int64(7)),
                    copied: Int(row.int64(8)), already: Int(row.int64(9)), damaged: Int(row.int64(10)),
                    failed: Int(row.int64(11)), bytes: row.int64(12),
                    errors: errors.isEmpty ? [] : errors.components(separatedBy: "\n")))
        }
        return result
    }

    // MARK: - Clips

    /// Inserts a verified original with its streams and its first sighting, in one transaction.
    /// - Returns: the clip's id.
    /// - Throws: `CatalogError` when a clip with the same hash or stored path is already there.
    @discardableResult
    public func insertClip(_ clip: ClipRecord) throws(CatalogError) -> Int64 {
        try database.transaction { () throws(CatalogError) -> Int64 in
            try database.run(
                """
                INSERT INTO clips (sha256, size, recorder, handler, original_name, original_path, original_modified,
                    stored_path, start, start_source, metadata_time, filename_time, sequence, duration, container,
                    damaged, dock, ingested)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
                """,
                [
                    clip.sha256.sqlValue, clip.size.sqlValue, clip.recorder.sqlValue, clip.handler.sqlValue,
                    clip.originalName.sqlValue, clip.originalPath.sqlValue,
                    clip.originalModified?.timeIntervalSince1970.sqlValue ?? .null, clip.storedPath.sqlValue,
                    clip.start?.timeIntervalSince1970.sqlValue ?? .null, clip.startSource?.rawValue.sqlValue ?? .null,
                    clip.metadataTime.sqlValue, clip.filenameTime?.timeIntervalSince1970.sqlValue ?? .null,
                    clip.sequence.sqlValue, clip.duration.sqlValue, clip.container.sqlValue, clip.damaged.sqlValue,
                    clip.dock.sqlValue, clip.ingested.timeIntervalSince1970.sqlValue,
                ])
            let id = database.lastInsertedRowID
            for stream in clip.streams {
                try database.run(
                    """
                    INSERT INTO streams (clip, idx, kind, codec, width, height, frame_rate, sample_rate, channels,
                        start, duration)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    """,
                    [
                        id.sqlValue, stream.index.sqlValue, stream.kind.sqlValue, stream.codec.sqlValue,
                        stream.width.sqlValue, stream.height.sqlValue, stream.frameRate.sqlValue,
                        stream.sampleRate.sqlValue, stream.channels.sqlValue, stream.start.sqlValue,
                        stream.duration.sqlValue,
                    ])
            }
            if let dock = clip.dock {
                try recordSighting(clip: id, dock: dock, originalPath: clip.originalPath, at: clip.ingested)
            }
            try insertProbeFacts(of: clip, id: id)
            return id
        }
    }

    /// Records that a clip already in the catalog was seen again on a volume.
    public func recordSighting(clip: Int64, dock: Int64, originalPath: String, at time: Date) throws(CatalogError) {
        try database.run(
            "INSERT OR IGNORE INTO sightings (clip, dock, original_path, seen) VALUES (?1, ?2, ?3, ?4)",
            [clip.sqlValue, dock.sqlValue, originalPath.sqlValue, time.timeIntervalSince1970.sqlValue])
    }

    /// How many times a clip has been seen on a volume.
    public func sightings(ofClip clip: Int64) throws(CatalogError) -> Int {
        var count = 0
        try database.query("SELECT count(*) FROM sightings WHERE clip = ?1", [clip.sqlValue]) { row in
            count = Int(row.int64(0))
        }
        return count
    }

    /// The clip with this SHA-256, if the catalog has it.
    public func clip(sha256: String) throws(CatalogError) -> ClipRecord? {
        try clips(where: "c.sha256 = ?1", [sha256.lowercased().sqlValue]).first
    }

    /// The clips that match the filter, by recorder and start (clips with no start last).
    public func clips(_ filter: ClipFilter = ClipFilter()) throws(CatalogError) -> [ClipRecord] {
        var conditions = Conditions()
        conditions.add("c.recorder = ?", filter.recorder?.sqlValue)
        conditions.add("c.start >= ?", filter.since?.timeIntervalSince1970.sqlValue)
        conditions.add("c.start < ?", filter.until?.timeIntervalSince1970.sqlValue)
        conditions.add("c.id IN (SELECT clip FROM case_clips WHERE case_number = ?)", filter.caseNumber?.sqlValue)
        return try clips(where: conditions.sql, conditions.values)
    }

    private func clips(where condition: String, _ values: [SQLValue]) throws(CatalogError) -> [ClipRecord] {
        var result: [ClipRecord] = []
        try database.query(
            """
            SELECT c.id, c.sha256, c.size, c.recorder, c.handler, c.original_name, c.original_path,
                c.original_modified, c.stored_path, c.start, c.start_source, c.metadata_time, c.filename_time,
                c.sequence, c.duration, c.container, c.damaged, c.dock, c.ingested
            FROM clips c WHERE \(condition)
            ORDER BY c.recorder, c.start IS NULL, c.start, c.sequence, c.original_name
            """, values
        ) { row in
            result.append(
                ClipRecord(
                    id: row.int64(0), sha256: row.text(1), size: row.int64(2), recorder: row.text(3),
                    handler: row.optionalText(4), originalName: row.text(5), originalPath: row.text(6),
                    originalModified: row.optionalDouble(7).map(Date.init(timeIntervalSince1970:)),
                    storedPath: row.text(8), start: row.optionalDouble(9).map(Date.init(timeIntervalSince1970:)),
                    startSource: row.optionalText(10).flatMap(StartSource.init(rawValue:)),
                    metadataTime: row.optionalText(11),
                    filenameTime: row.optionalDouble(12).map(Date.init(timeIntervalSince1970:)),
                    sequence: row.optionalInt64(13).map(Int.init), duration: row.optionalDouble(14),
                    container: row.optionalText(15), damaged: row.optionalText(16), dock: row.optionalInt64(17),
                    ingested: Date(timeIntervalSince1970: row.double(18)), streams: []))
        }
        for offset in result.indices {
            result[offset].streams = try streams(ofClip: result[offset].id)
            try readProbeFacts(into: &result[offset])
            try fillTags(&result[offset])
        }
        return result
    }

    private func streams(ofClip clip: Int64) throws(CatalogError) -> [StreamRecord] {
        var result: [StreamRecord] = []
        try database.query(
            """
            SELECT idx, kind, codec, width, height, frame_rate, sample_rate, channels, start, duration
            FROM streams WHERE clip = ?1 ORDER BY idx
            """, [clip.sqlValue]
        ) { row in
            result.append(
                StreamRecord(
                    index: Int(row.int64(0)), kind: row.text(1), codec: row.text(2),
                    width: row.optionalInt64(3).map(Int.init), height: row.optionalInt64(4).map(Int.init),
                    frameRate: row.optionalDouble(5), sampleRate: row.optionalInt64(6).map(Int.init),
                    channels: row.optionalInt64(7).map(Int.init), start: row.optionalDouble(8),
                    duration: row.optionalDouble(9)))
        }
        return result
    }

    // MARK: - Raw access for tests and diagnostics

    /// Runs a statement that changes rows; used by tests to prove the schema's guards.
    func executeForTesting(_ sql: String) throws(CatalogError) {
        try database.execute(sql)
    }
}
