import Foundation
import Testing

@testable import Catalog

@Suite("Catalog cases, holds and retention")
struct CatalogCasesTests {
    @Test("a catalog from before cases and retention migrates to the latest with its recorders and clips kept")
    func migratesPreviousVersion() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/catalog.sqlite"
        let previous = 2  // the version before recorder clocks, cases and retention
        do {
            let database = try Database(path: path)
            for (offset, sql) in Migrations.all.prefix(previous).enumerated() {
                try database.execute(sql)
                try database.execute("PRAGMA user_version = \(offset + 1)")
            }
            try database.execute(
                """
                INSERT INTO recorders (serial, handler, first_seen) VALUES ('A123456', '012345', 1714600000);
                INSERT INTO clips (sha256, size, recorder, handler, original_name, original_path, stored_path, start,
                    start_source, metadata_time, ingested)
                VALUES ('\(String(repeating: "b", count: 64))', 10, 'A123456', '012345', 'X.MP4', 'DCIM/X.MP4',
                    'A123456/2024/05/01/X.MP4', 1714550400.25, 'metadata', '2024-05-01T08:00:00.250000Z', 1714600000);
                """)
            try database.close()
        }

        let catalog = try Catalog(path: path)
        defer { try? catalog.close() }
        #expect(try catalog.schemaVersion() == Migrations.all.count)
        #expect(try catalog.recorders().map(\.serial) == ["A123456"])
        let clip = try #require(try catalog.clip(sha256: String(repeating: "b", count: 64)))
        #expect(clip.start == Date(timeIntervalSince1970: 1_714_550_400.25))
        #expect(clip.rawStart == nil)
        var raw: Double?
        try catalog.database.query("SELECT raw_start FROM clips") { row in raw = row.optionalDouble(0) }
        #expect(raw == 1_714_550_400.25)
        #expect(clip.clockSuspect == nil)
        #expect(clip.retainUntil == nil)
        #expect(clip.cases == [])
        #expect(try catalog.recorderSettings().map { [$0.clock, $0.stamps] } == [["utc", "start"]])
    }

    @Test("a clip's retention date only moves later, and the schema refuses to move it earlier")
    func retentionOnlyLater() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        defer { try? catalog.close() }
        try catalog.noteRecorder("A123456", handler: "012345", at: Date(timeIntervalSince1970: 1_714_600_000))
        let id = try catalog.insertClip(sampleClip())

        #expect(
            try catalog.raiseRetention(clip: id, to: Date(timeIntervalSince1970: 2_000_000_000)).timeIntervalSince1970
                == 2_000_000_000)
        #expect(
            try catalog.raiseRetention(clip: id, to: Date(timeIntervalSince1970: 1_900_000_000)).timeIntervalSince1970
                == 2_000_000_000)
        #expect(throws: CatalogError.self) {
            try catalog.executeForTesting("UPDATE clips SET retain_until = 1 WHERE id = \(id)")
        }
        try catalog.recordChange(
            TagChange(
                at: Date(timeIntervalSince1970: 0), by: "wang", subject: "K1", field: "opened", old: nil, new: "李四"))
        #expect(throws: CatalogError.self) { try catalog.executeForTesting("DELETE FROM tag_history") }
        #expect(throws: CatalogError.self) { try catalog.executeForTesting("UPDATE tag_history SET by = 'x'") }
        #expect(try catalog.history(of: "K1").map(\.by) == ["wang"])
    }
}
