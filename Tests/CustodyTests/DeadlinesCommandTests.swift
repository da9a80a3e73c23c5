import Catalog
import Foundation
import Testing

/// `custody deadlines` run as the built executable over a catalog with clips inserted through the Catalog API.
@Suite("DeadlinesCommand")
struct DeadlinesCommandTests {
    let folder = TemporaryFolder()

    func catalogWithNationalDayClips() throws -> String {
        let path = folder.path + "/catalog.sqlite"
        if FileManager.default.fileExists(atPath: path) { return path }
        let catalog = try Catalog(path: path)
        defer { try? catalog.close() }
        let local = { (text: String) in
            // Fixed, well-formed local times.
            ISO8601DateFormatter().date(from: text + "+08:00")!
        }
        try catalog.noteRecorder("R1", handler: "0471", at: local("2024-10-10T08:00:00"))
        for (tag, ingested) in [("a", "2024-10-09T17:00:00"), ("b", "2024-10-10T08:00:00")] {
            try catalog.insertClip(
                ClipRecord(
                    sha256: String(repeating: tag, count: 64), size: 1, recorder: "R1", handler: "0471",
                    originalName: "R1_\(tag).MP4", originalPath: "DCIM/R1_\(tag).MP4", originalModified: nil,
                    storedPath: "\(tag).mp4", start: local("2024-09-30T10:00:00"), startSource: .metadata,
                    metadataTime: nil, filenameTime: nil, sequence: nil, duration: 600, container: "mp4", damaged: nil,
                    dock: nil, ingested: local(ingested), streams: []))
        }
        return path
    }

    func run(_ extra: [String]) throws -> Finished {
        let empty = folder.path + "/holidays.txt"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        return try custody(
            [
                "deadlines", "--catalog", try catalogWithNationalDayClips(), "--timezone", "Asia/Shanghai",
                "--holidays-file", empty, "--at", "2024-10-10T09:00:00+08:00",
            ] + extra)
    }

    @Test("JSON lists both clips of 2024-09-30 with due 2024-10-09T16:00:00Z; the one stored at 08:00 is 28800 s late")
    func json() throws {
        let result = try run(["--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let clips = try #require(object["clips"] as? [[String: Any]])
        #expect(clips.map { $0["late_seconds"] as? Int } == [0, 28_800])
        #expect(clips.map { $0["due"] as? String } == ["2024-10-09T16:00:00Z", "2024-10-09T16:00:00Z"])
        #expect(clips.map { $0["end"] as? String } == ["2024-09-30T02:10:00Z", "2024-09-30T02:10:00Z"])
        #expect(clips.map { $0["ingested"] as? String } == ["2024-10-09T09:00:00Z", "2024-10-10T00:00:00Z"])
        #expect(object["late"] as? Int == 1)
        #expect((object["case_files"] as? [Any])?.isEmpty == true)
        #expect((object["recorders"] as? [Any])?.isEmpty == true)
    }

    @Test("the table is in Chinese with --lang zh and in English with --lang en")
    func languages() throws {
        let zh = try run(["--lang", "zh"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("8小时00分"))
        #expect(zh.stdout.contains("按时 1 个，逾期 1 个。"))
        let en = try run(["--lang", "en"])
        #expect(en.stdout.contains("8 h 00 min"))
        #expect(en.stdout.contains("1 on time, 1 late."))
    }

    @Test("a bad --lang or --since exits 64 with one error line")
    func usage() throws {
        let lang = try run(["--lang", "fr"])
        #expect(lang.status == 64)
        #expect(lang.stderr == "error: unknown language 'fr'; use zh or en\n")
        let since = try run(["--since", "yesterday"])
        #expect(since.status == 64)
        #expect(
            since.stderr
                == "error: '--since yesterday' is not a date or time; use YYYY-MM-DD, 'YYYY-MM-DD hh:mm[:ss]' in the station's zone, or ISO 8601 with a zone\n"
        )
    }
}
