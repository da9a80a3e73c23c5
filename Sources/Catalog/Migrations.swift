/// The catalog's schema, as an ordered list of migrations.
///
/// Each migration runs once, in order, inside one transaction, and moves `PRAGMA user_version` to its
/// number. A migration is never edited once released: a change to the schema is a new migration.
enum Migrations {
    static let all: [String] = [
        // 1: recorders, docks, clips and their streams, and every sighting of a clip on a volume.
        """
        CREATE TABLE recorders (
            serial      TEXT PRIMARY KEY NOT NULL,
            handler     TEXT,
            first_seen  REAL NOT NULL,
            last_docked REAL
        );

        CREATE TABLE docks (
            id          INTEGER PRIMARY KEY,
            mount_point TEXT NOT NULL,
            device      TEXT,
            label       TEXT,
            uuid        TEXT,
            started     REAL NOT NULL,
            finished    REAL,
            found       INTEGER NOT NULL DEFAULT 0,
            copied      INTEGER NOT NULL DEFAULT 0,
            already     INTEGER NOT NULL DEFAULT 0,
            damaged     INTEGER NOT NULL DEFAULT 0,
            failed      INTEGER NOT NULL DEFAULT 0,
            bytes       INTEGER NOT NULL DEFAULT 0,
            errors      TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE clips (
            id                INTEGER PRIMARY KEY,
            sha256            TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
            size              INTEGER NOT NULL CHECK (size >= 0),
            recorder          TEXT NOT NULL REFERENCES recorders (serial),
            handler           TEXT,
            original_name     TEXT NOT NULL,
            original_path     TEXT NOT NULL,
            original_modified REAL,
            stored_path       TEXT NOT NULL UNIQUE,
            start             REAL,
            start_source      TEXT CHECK (start_source IN ('metadata', 'filename', 'mtime')),
            metadata_time     TEXT,
            filename_time     REAL,
            sequence          INTEGER,
            duration          REAL,
            container         TEXT,
            damaged           TEXT,
            dock              INTEGER REFERENCES docks (id),
            ingested          REAL NOT NULL
        );
        CREATE INDEX clips_by_recorder_start ON clips (recorder, start);

        CREATE TABLE streams (
            clip        INTEGER NOT NULL REFERENCES clips (id),
            idx         INTEGER NOT NULL,
            kind        TEXT NOT NULL,
            codec       TEXT NOT NULL,
            width       INTEGER,
            height      INTEGER,
            frame_rate  REAL,
            sample_rate INTEGER,
            channels    INTEGER,
            start       REAL,
            duration    REAL,
            PRIMARY KEY (clip, idx)
        );

        CREATE TABLE sightings (
            clip          INTEGER NOT NULL REFERENCES clips (id),
            dock          INTEGER NOT NULL REFERENCES docks (id),
            original_path TEXT NOT NULL,
            seen          REAL NOT NULL,
            PRIMARY KEY (clip, dock, original_path)
        );

        CREATE TRIGGER clips_are_never_deleted BEFORE DELETE ON clips
        BEGIN
            SELECT RAISE(ABORT, 'a clip is never deleted from the catalog');
        END;

        CREATE TRIGGER clips_keep_their_identity BEFORE UPDATE OF sha256, size, stored_path, original_path ON clips
        BEGIN
            SELECT RAISE(ABORT, 'a clip''s hash, size and paths never change');
        END;
        """,
        // 2: what the probe found that timelines need (finalised, truncated, jumps inside a clip); the gaps
        // between and inside clips with their explanation; each activity's opening statement; written
        // explanations, kept by the gap's identity so that recomputing gaps never loses one; and a cache of
        // speech verdicts so that no clip's audio is decoded twice for the same check.
        """
        ALTER TABLE clips ADD COLUMN finalised INTEGER CHECK (finalised IN (0, 1));
        ALTER TABLE clips ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1));

        CREATE TABLE clip_jumps (
            clip     INTEGER NOT NULL REFERENCES clips (id),
            position REAL NOT NULL,
            seconds  REAL NOT NULL,
            PRIMARY KEY (clip, position)
        );

        CREATE TABLE gaps (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            recorder       TEXT NOT NULL,
            ordinal        INTEGER NOT NULL,
            kind           TEXT NOT NULL
                CHECK (kind IN ('continuation', 'interruption', 'new_activity', 'overlap', 'unknown')),
            inside         INTEGER NOT NULL CHECK (inside IN (0, 1)),
            before_clip    TEXT NOT NULL,
            after_clip     TEXT NOT NULL,
            start_time     REAL,
            end_time       REAL,
            seconds        REAL,
            resume_offset  REAL NOT NULL,
            explanation    TEXT CHECK (explanation IN ('spoken', 'written', 'missing')),
            speech_start   REAL,
            speech_seconds REAL,
            error          TEXT,
            computed_at    REAL NOT NULL,
            UNIQUE (recorder, before_clip, after_clip, resume_offset)
        );
        CREATE INDEX gaps_by_recorder ON gaps (recorder, ordinal);

        CREATE TABLE opening_statements (
            recorder       TEXT NOT NULL,
            clip           TEXT NOT NULL,
            resume_offset  REAL NOT NULL,
            explanation    TEXT CHECK (explanation IN ('spoken', 'missing')),
            speech_start   REAL,
            speech_seconds REAL,
            error          TEXT,
            computed_at    REAL NOT NULL,
            PRIMARY KEY (clip, resume_offset)
        );

        CREATE TABLE explanations (
            id            INTEGER PRIMARY KEY,
            gap           INTEGER NOT NULL,
            recorder      TEXT NOT NULL,
            before_clip   TEXT NOT NULL,
            after_clip    TEXT NOT NULL,
            resume_offset REAL NOT NULL,
            note          TEXT NOT NULL CHECK (length(trim(note)) > 0),
            written_by    TEXT NOT NULL CHECK (length(trim(written_by)) > 0),
            written_at    REAL NOT NULL
        );
        CREATE INDEX explanations_by_gap ON explanations (recorder, before_clip, after_clip, resume_offset);

        CREATE TRIGGER explanations_are_never_deleted BEFORE DELETE ON explanations
        BEGIN
            SELECT RAISE(ABORT, 'a written explanation is never deleted');
        END;

        CREATE TRIGGER explanations_are_never_changed BEFORE UPDATE ON explanations
        BEGIN
            SELECT RAISE(ABORT, 'a written explanation is never changed; record a new one');
        END;

        CREATE TABLE speech_checks (
            sha256          TEXT NOT NULL,
            resume_offset   REAL NOT NULL,
            window_seconds  REAL NOT NULL,
            minimum_seconds REAL NOT NULL,
            has_audio       INTEGER NOT NULL CHECK (has_audio IN (0, 1)),
            spoken          INTEGER NOT NULL CHECK (spoken IN (0, 1)),
            speech_start    REAL,
            speech_seconds  REAL NOT NULL,
            checked_at      REAL NOT NULL,
            PRIMARY KEY (sha256, resume_offset, window_seconds, minimum_seconds)
        );
        """,
        // 3: recorder clocks and handler assignments, cases and their ties to clips, the tag history, holds,
        // retention dates and purges. Stands on migration 1's tables only.
        """
        ALTER TABLE recorders ADD COLUMN clock TEXT NOT NULL DEFAULT 'utc';
        ALTER TABLE recorders ADD COLUMN stamps TEXT NOT NULL DEFAULT 'start' CHECK (stamps IN ('start', 'end'));

        CREATE TABLE handlers (
            badge TEXT PRIMARY KEY NOT NULL,
            name  TEXT
        );

        CREATE TABLE handler_assignments (
            recorder  TEXT NOT NULL,
            handler   TEXT NOT NULL,
            from_time REAL NOT NULL,
            set_by    TEXT NOT NULL,
            set_at    REAL NOT NULL,
            PRIMARY KEY (recorder, from_time)
        );

        ALTER TABLE clips ADD COLUMN raw_start REAL;
        ALTER TABLE clips ADD COLUMN clock_suspect TEXT;
        ALTER TABLE clips ADD COLUMN retain_until REAL;
        UPDATE clips SET raw_start = start;

        CREATE TRIGGER clips_keep_their_raw_start AFTER INSERT ON clips
        WHEN NEW.raw_start IS NULL
        BEGIN
            UPDATE clips SET raw_start = NEW.start WHERE id = NEW.id;
        END;

        CREATE TRIGGER clips_retention_only_moves_later BEFORE UPDATE OF retain_until ON clips
        WHEN OLD.retain_until IS NOT NULL AND (NEW.retain_until IS NULL OR NEW.retain_until < OLD.retain_until)
        BEGIN
            SELECT RAISE(ABORT, 'a clip''s retention date never moves earlier');
        END;

        CREATE TABLE cases (
            number  TEXT PRIMARY KEY NOT NULL,
            party   TEXT NOT NULL,
            handler TEXT NOT NULL,
            title   TEXT,
            opened  REAL NOT NULL,
            ended   REAL
        );

        CREATE TABLE case_assignments (
            id        INTEGER PRIMARY KEY,
            case_number TEXT NOT NULL REFERENCES cases (number),
            kind      TEXT NOT NULL CHECK (kind IN ('recorder', 'handler', 'clip')),
            value     TEXT NOT NULL,
            from_time REAL,
            to_time   REAL,
            CHECK ((kind = 'clip') = (from_time IS NULL AND to_time IS NULL))
        );

        CREATE TABLE case_clips (
            case_number TEXT NOT NULL REFERENCES cases (number),
            clip        INTEGER NOT NULL REFERENCES clips (id),
            PRIMARY KEY (case_number, clip)
        );

        CREATE TABLE tag_history (
            id      INTEGER PRIMARY KEY,
            at      REAL NOT NULL,
            by      TEXT NOT NULL,
            subject TEXT NOT NULL,
            field   TEXT NOT NULL,
            old     TEXT,
            new     TEXT
        );
        CREATE INDEX tag_history_by_subject ON tag_history (subject);

        CREATE TRIGGER tag_history_is_never_changed BEFORE UPDATE ON tag_history
        BEGIN
            SELECT RAISE(ABORT, 'the tag history is never changed');
        END;

        CREATE TRIGGER tag_history_is_never_deleted BEFORE DELETE ON tag_history
        BEGIN
            SELECT RAISE(ABORT, 'the tag history is never deleted');
        END;

        CREATE TABLE holds (
            id          INTEGER PRIMARY KEY,
            subject     TEXT NOT NULL,
            reason      TEXT NOT NULL,
            placed_by   TEXT NOT NULL,
            placed      REAL NOT NULL,
            released_by TEXT,
            released    REAL
        );

        CREATE TABLE purges (
            clip        INTEGER PRIMARY KEY REFERENCES clips (id),
            sha256      TEXT NOT NULL,
            stored_path TEXT NOT NULL,
            retain_until REAL NOT NULL,
            purged      REAL NOT NULL,
            purged_by   TEXT NOT NULL
        );

        CREATE TRIGGER purges_are_never_deleted BEFORE DELETE ON purges
        BEGIN
            SELECT RAISE(ABORT, 'a purge record is never deleted');
        END;
        """,

        // 4: the store this catalog indexes: stored paths are relative to it, so one catalog serves one store.
        """
        CREATE TABLE store (
            only INTEGER PRIMARY KEY CHECK (only = 1),
            root TEXT NOT NULL,
            since REAL NOT NULL
        );
        """,
    ]

    /// Brings the schema up to date. Refuses a catalog written by a newer custody.
    ///
    /// Each step reads the version inside its own IMMEDIATE transaction, so two processes opening a new
    /// catalog at the same time take turns and the second finds the work done.
    static func migrate(_ database: Database) throws(CatalogError) {
        for (offset, sql) in all.enumerated() {
            try database.transaction { () throws(CatalogError) in
                var version = 0
                try database.query("PRAGMA user_version") { row in version = Int(row.int64(0)) }
                guard version <= all.count else {
                    throw CatalogError(
                        code: 0, operation: "open the catalog '\(database.path)'",
                        reason: "its schema version \(version) is newer than this custody knows (\(all.count)); "
                            + "use the custody that wrote it")
                }
                guard version == offset else { return }
                try database.execute(sql)
                try database.execute("PRAGMA user_version = \(offset + 1)")
            }
        }
    }
}
