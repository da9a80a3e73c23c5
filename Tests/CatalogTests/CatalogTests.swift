import Foundation
import Testing

@testable import Catalog

/// A fresh folder per test, removed afterwards.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "custody-catalog-" + UUID().uuidString
        // A fresh name under the temporary directory; failing here means the machine's /tmp is broken.
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

func sampleClip(sha: Character = "a", recorder: String = "A123456", start: Double? = 1_714_550_400.25) -> ClipRecord {
    ClipRecord(
        sha256: String(repeating: sha, count: 64), size: 1_234_567, recorder: recorder, handler: "012345",
        originalName: "A123456_012345_20240501160000_0001.MP4",
        originalPath: "DCIM/100MEDIA/A123456_012345_20240501160000_0001.MP4",
        originalModified: Date(timeIntervalSince1970: 1_714_551_000), storedPath: "A123456/2024/05/01/x\(sha).MP4",
        start: start.map(Date.init(timeIntervalSince1970:)), startSource: .metadata,
        metadataTime: "2024-05-01T08:00:00.250000Z", filenameTime: Date(timeIntervalSince1970: 1_714_550_400),
        sequence: 1, duration: 900.55, container: "mov,mp4,m4a,3gp,3g2,mj2", damaged: nil, dock: nil,
        ingested: Date(timeIntervalSince1970: 1_714_600_000),
        streams: [
            StreamRecord(index: 0, kind: "video", codec: "h264", width: 1920, height: 1080, frameRate: 29.97),
            StreamRecord(index: 1, kind: "audio", codec: "aac", sampleRate: 16_000, channels: 1, duration: 900.5),
        ])
}

@Suite("Catalog")
struct CatalogTests {
    @Test("a new catalog is created with its folder, in WAL mode, at the latest schema version")
    func createsCatalog() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/deep/er/catalog.sqlite"
        let catalog = try Catalog(path: path)
        #expect(try catalog.schemaVersion() == Migrations.all.count)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        try catalog.close()
        try catalog.close()
    }

    @Test("a clip reads back exactly as it was inserted, streams included")
    func roundTrip() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        let dock = try catalog.beginDock(
            DockRecord(mountPoint: "/media/CAM01", started: Date(timeIntervalSince1970: 5)))
        try catalog.noteRecorder("A123456", handler: "012345", at: Date(timeIntervalSince1970: 5))
        var clip = sampleClip()
        clip.dock = dock
        let id = try catalog.insertClip(clip)
        clip.id = id

        let read = try #require(try catalog.clip(sha256: clip.sha256))
        #expect(read == clip)
        #expect(read.duration == 900.55)
        #expect(read.start == Date(timeIntervalSince1970: 1_714_550_400.25))
        #expect(try catalog.sightings(ofClip: id) == 1)
    }

    @Test("the same content inserted twice is refused and leaves no half-written rows")
    func duplicateRefused() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        try catalog.noteRecorder("A123456", handler: nil, at: Date())
        try catalog.insertClip(sampleClip())
        var again = sampleClip()
        again.storedPath = "elsewhere.MP4"
        #expect(throws: CatalogError.self) { try catalog.insertClip(again) }
        #expect(try catalog.clips().count == 1)
        #expect(try catalog.clips()[0].streams.count == 2)
    }

    @Test("deleting a clip or changing its hash is refused by the schema")
    func originalsAreGuarded() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        try catalog.noteRecorder("A123456", handler: nil, at: Date())
        try catalog.insertClip(sampleClip())
        let deletion = #expect(throws: CatalogError.self) { try catalog.executeForTesting("DELETE FROM clips") }
        #expect(deletion?.reason == "a clip is never deleted from the catalog")
        let change = #expect(throws: CatalogError.self) {
            try catalog.executeForTesting("UPDATE clips SET sha256 = '\(String(repeating: "b", count: 64))'")
        }
        #expect(change?.reason == "a clip's hash, size and paths never change")
    }

    @Test("a clip cannot name a recorder the catalog does not know")
    func foreignKeysEnforced() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        let error = #expect(throws: CatalogError.self) { try catalog.insertClip(sampleClip()) }
        #expect(error?.reason == "FOREIGN KEY constraint failed")
    }

    @Test("listing filters by recorder and by start, and orders by start")
    func filters() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        try catalog.noteRecorder("A123456", handler: nil, at: Date())
        try catalog.noteRecorder("B765432", handler: nil, at: Date())
        try catalog.insertClip(sampleClip(sha: "c", start: 300))
        try catalog.insertClip(sampleClip(sha: "a", start: 100))
        try catalog.insertClip(sampleClip(sha: "b", recorder: "B765432", start: 200))
        try catalog.insertClip(sampleClip(sha: "d", start: nil))

        #expect(try catalog.clips().map(\.sha256.first) == ["a", "c", "d", "b"])
        #expect(try catalog.clips(ClipFilter(recorder: "B765432")).map(\.sha256.first) == ["b"])
        let window = ClipFilter(since: Date(timeIntervalSince1970: 150), until: Date(timeIntervalSince1970: 300))
        #expect(try catalog.clips(window).map(\.sha256.first) == ["b"])
    }

    @Test("a dock's summary and errors are kept")
    func dockSummary() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        var dock = DockRecord(mountPoint: "/media/CAM 01", label: "CAM 01", started: Date(timeIntervalSince1970: 10))
        dock.id = try catalog.beginDock(dock)
        dock.finished = Date(timeIntervalSince1970: 20)
        dock.found = 7
        dock.copied = 5
        dock.damaged = 1
        dock.failed = 1
        dock.bytes = 99
        dock.errors = ["cannot copy 'a.MP4': the volume was removed after 1.0 MB"]
        try catalog.finishDock(dock)
        #expect(try catalog.docks() == [dock])
    }

    @Test("a catalog written by a newer custody is refused with its version named")
    func newerSchemaRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/catalog.sqlite"
        let catalog = try Catalog(path: path)
        try catalog.executeForTesting("PRAGMA user_version = 99")
        try catalog.close()
        let error = #expect(throws: CatalogError.self) { try Catalog(path: path) }
        #expect(error?.reason.hasPrefix("its schema version 99 is newer than this custody knows") == true)
    }

    @Test("a catalog in a folder that cannot be created is an error naming the folder")
    func unwritableFolder() throws {
        let error = #expect(throws: CatalogError.self) { try Catalog(path: "/proc/custody/catalog.sqlite") }
        #expect(error?.description.contains("'/proc/custody'") == true)
    }
}

@Suite("Catalog, opened by several processes")
struct CatalogConcurrencyTests {
    @Test("two processes creating the same new catalog at once both succeed with one schema")
    func concurrentCreation() async throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/catalog.sqlite"
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let catalog = try Catalog(path: path)
                    defer { try? catalog.close() }
                    return try catalog.schemaVersion()
                }
            }
            for try await version in group {
                #expect(version == Migrations.all.count)
            }
        }
    }

    @Test("a file that is not a database is refused with its path and what to do")
    func notADatabase() throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/notes.txt"
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: CatalogError.self) { try Catalog(path: path) }
        #expect(
            error?.description
                == "cannot open the catalog '\(path)': file is not a database; give the path of a custody catalog, "
                + "or a new file name to start one")
    }

    @Test("the same content seen at two paths in one dock keeps both sightings")
    func twoPathsOneDock() throws {
        let folder = TemporaryFolder()
        let catalog = try Catalog(path: folder.path + "/catalog.sqlite")
        try catalog.noteRecorder("A123456", handler: nil, at: Date())
        let dock = try catalog.beginDock(DockRecord(mountPoint: "/media/A", started: Date()))
        var clip = sampleClip()
        clip.dock = dock
        let id = try catalog.insertClip(clip)
        try catalog.recordSighting(clip: id, dock: dock, originalPath: "b/copy.MP4", at: Date())
        try catalog.recordSighting(clip: id, dock: dock, originalPath: "b/copy.MP4", at: Date())
        #expect(try catalog.sightings(ofClip: id) == 2)
    }
}
