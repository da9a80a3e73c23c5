import Foundation
import Testing

@testable import Catalog

/// Migration 2 and the gap tables: probe facts, stable gap ids, written explanations that survive recomputation,
/// and the speech verdict cache.
@Suite("Catalog gaps")
struct CatalogGapsTests {
    static let when = Date(timeIntervalSince1970: 1_773_451_643)

    static func gap(
        _ before: Character, _ after: Character, kind: String = "interruption", ordinal: Int = 0,
        explanation: String? = "missing"
    ) -> GapRecord {
        GapRecord(
            recorder: "A123456", ordinal: ordinal, kind: kind, inside: before == after,
            before: String(repeating: before, count: 64), after: String(repeating: after, count: 64),
            start: when, end: when.addingTimeInterval(257), seconds: 257, resumeOffset: 0,
            explanation: explanation, speechStart: nil, speechSeconds: 0, computedAt: when)
    }

    @Test("a catalog at schema version 1 migrates to version 2 keeping its clips, streams, docks and recorders")
    func migratesFromVersionOne() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/catalog.sqlite"
        do {
            let database = try Database(path: path)
            try database.execute(Migrations.all[0])
            try database.execute("PRAGMA user_version = 1")
            try database.execute(
                """
                INSERT INTO recorders (serial, handler, first_seen) VALUES ('A123456', '012345', 1714550000);
                INSERT INTO docks (mount_point, started) VALUES ('/media/A123456', 1714550000);
                INSERT INTO clips (sha256, size, recorder, original_name, original_path, stored_path, start, duration,
                    dock, ingested)
                VALUES ('\(String(repeating: "c", count: 64))', 42, 'A123456', 'X_0001.MP4', 'DCIM/X_0001.MP4',
                    'A123456/2024/05/01/X_0001.MP4', 1714550400.25, 900.55, 1, 1714600000);
                INSERT INTO streams (clip, idx, kind, codec) VALUES (1, 0, 'video', 'h264');
                INSERT INTO sightings (clip, dock, original_path, seen) VALUES (1, 1, 'DCIM/X_0001.MP4', 1714600000);
                """)
            try database.close()
        }

        let catalog = try Catalog(path: path)
        #expect(try catalog.schemaVersion() == Migrations.all.count)
        let clips = try catalog.clips()
        #expect(clips.count == 1)
        let clip = try #require(clips.first)
        #expect(clip.sha256 == String(repeating: "c", count: 64))
        #expect(clip.start == Date(timeIntervalSince1970: 1_714_550_400.25))
        #expect(clip.duration == 900.55)
        #expect(clip.streams == [StreamRecord(index: 0, kind: "video", codec: "h264")])
        #expect(clip.finalised == nil)
        #expect(clip.truncated == false)
        #expect(clip.jumps == [])
        #expect(try catalog.sightings(ofClip: clip.id) == 1)
        #expect(try catalog.docks().map(\.mountPoint) == ["/media/A123456"])
        #expect(try catalog.recorders().map(\.serial) == ["A123456"])
        #expect(try catalog.gaps() == [])
    }

    @Test("a clip's finalised and truncated flags and its jumps are stored with it and read back")
    func probeFacts() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        try catalog.noteRecorder("A123456", handler: nil, at: Self.when)
        var clip = sampleClip()
        clip.finalised = false
        clip.truncated = true
        clip.jumps = [ClipJump(position: 63, seconds: 60), ClipJump(position: 3.5, seconds: -10.25)]
        try catalog.insertClip(clip)
        let stored = try #require(try catalog.clip(sha256: clip.sha256))
        #expect(stored.finalised == false)
        #expect(stored.truncated == true)
        #expect(stored.jumps == [ClipJump(position: 3.5, seconds: -10.25), ClipJump(position: 63, seconds: 60)])
    }

    @Test("recomputed gaps keep their ids, stale gaps go, and a written explanation survives and comes back")
    func stableIdsAndExplanations() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        let first = try catalog.replaceGaps(
            recorder: "A123456",
            gaps: [
                Self.gap("a", "b", kind: "continuation", explanation: nil),
                Self.gap("b", "c", ordinal: 1),
            ], openings: [])
        #expect(first.map(\.id) == [1, 2])

        let written = try #require(
            try catalog.addExplanation(gap: 2, note: "battery ran out", by: "Li Na 012345", at: Self.when))
        #expect(
            written
                == ExplanationRecord(gap: 2, note: "battery ran out", writtenBy: "Li Na 012345", writtenAt: Self.when))
        #expect(try catalog.gap(id: 2)?.explanation == "written")
        #expect(try catalog.addExplanation(gap: 99, note: "x", by: "y", at: Self.when) == nil)

        // The same gaps again, with the speech check saying missing: still written, same ids.
        let again = try catalog.replaceGaps(
            recorder: "A123456",
            gaps: [
                Self.gap("a", "b", kind: "continuation", explanation: nil),
                Self.gap("b", "c", ordinal: 1),
            ], openings: [])
        #expect(again.map(\.id) == [1, 2])
        #expect(again.map(\.explanation) == [nil, "written"])
        #expect(again[1].written?.note == "battery ran out")
        #expect(again[1].speechSeconds == 0)

        // A clip found between b and c: the gap b–c goes, new gaps get new ids; the explanation is kept aside.
        let between = try catalog.replaceGaps(
            recorder: "A123456",
            gaps: [
                Self.gap("a", "b", kind: "continuation", explanation: nil),
                Self.gap("b", "d", ordinal: 1), Self.gap("d", "c", ordinal: 2),
            ], openings: [])
        #expect(between.map(\.id) == [1, 3, 4])
        #expect(try catalog.gap(id: 2) == nil)
        #expect(between.map(\.explanation) == [nil, "missing", "missing"])

        // Back as it was: b–c is found again with its written explanation (a new id: 2 is never reused).
        let back = try catalog.replaceGaps(
            recorder: "A123456",
            gaps: [
                Self.gap("a", "b", kind: "continuation", explanation: nil),
                Self.gap("b", "c", ordinal: 1),
            ], openings: [])
        #expect(back.map(\.id) == [1, 5])
        #expect(back[1].explanation == "written")
        #expect(back[1].written?.writtenBy == "Li Na 012345")
        #expect(try catalog.gaps(GapFilter(unexplained: true)) == [])
    }

    @Test("a recorder is unanalysed until its gaps are computed after its latest clip was ingested")
    func unanalysedRecorders() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        #expect(try catalog.recordersWithUnanalysedClips() == [])
        try catalog.noteRecorder("A123456", handler: nil, at: Self.when)
        try catalog.noteRecorder("B765432", handler: nil, at: Self.when)
        try catalog.insertClip(sampleClip(sha: "a"))
        try catalog.insertClip(sampleClip(sha: "b", recorder: "B765432"))
        #expect(try catalog.recordersWithUnanalysedClips() == ["A123456", "B765432"])

        // sampleClip was ingested at 1 714 600 000; an analysis after that settles the recorder.
        let opening = OpeningStatementRecord(
            recorder: "A123456", clip: String(repeating: "a", count: 64), offset: 0, explanation: "missing",
            speechStart: nil, speechSeconds: 0, error: nil, computedAt: Date(timeIntervalSince1970: 1_714_600_001))
        try catalog.replaceGaps(recorder: "A123456", gaps: [], openings: [opening])
        #expect(try catalog.recordersWithUnanalysedClips() == ["B765432"])
        #expect(try catalog.openingStatements(recorder: "A123456") == [opening])

        var later = sampleClip(sha: "c")
        later.ingested = Date(timeIntervalSince1970: 1_714_700_000)
        try catalog.insertClip(later)
        #expect(try catalog.recordersWithUnanalysedClips() == ["A123456", "B765432"])
    }

    @Test("a written explanation can be neither changed nor deleted")
    func explanationsAreKept() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        try catalog.replaceGaps(recorder: "A123456", gaps: [Self.gap("b", "c")], openings: [])
        try catalog.addExplanation(gap: 1, note: "storage full", by: "Li Na", at: Self.when)
        #expect(throws: CatalogError.self) { try catalog.executeForTesting("DELETE FROM explanations") }
        #expect(throws: CatalogError.self) { try catalog.executeForTesting("UPDATE explanations SET note = 'x'") }
        #expect(try catalog.gap(id: 1)?.written?.note == "storage full")
    }

    @Test("a speech verdict is found again only for the same clip, offset, window and minimum")
    func speechCache() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        let sha = String(repeating: "e", count: 64)
        let check = SpeechCheckRecord(
            sha256: sha, offset: 3.5, window: 30, minimum: 2, hasAudio: true, spoken: true, speechStart: 0.5,
            speechSeconds: 4.1)
        try catalog.storeSpeechCheck(check, at: Self.when)
        #expect(try catalog.speechCheck(sha256: sha, offset: 3.5, window: 30, minimum: 2) == check)
        #expect(try catalog.speechCheck(sha256: sha, offset: 0, window: 30, minimum: 2) == nil)
        #expect(try catalog.speechCheck(sha256: sha, offset: 3.5, window: 20, minimum: 2) == nil)
        #expect(try catalog.speechCheck(sha256: sha, offset: 3.5, window: 30, minimum: 3) == nil)
    }
}
