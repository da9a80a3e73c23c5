import Foundation
import Testing

extension TagScene {
    /// Makes a clip look recorded and ingested at `time` (seconds since 1970), as if it had been stored years ago.
    ///
    /// The schema forbids moving a retention date earlier, so the guard is lifted for this one set-up step and put
    /// back as the migration wrote it.
    func backdate(_ sha256: String, to time: Double) throws {
        let trigger = try sqlite("SELECT sql FROM sqlite_master WHERE name = 'clips_retention_only_moves_later'")
        #expect(!trigger.isEmpty)
        try Shell.sh(
            "sqlite3 '\(folder.path)/catalog.sqlite' <<'SQL'\nDROP TRIGGER clips_retention_only_moves_later;\n"
                + "UPDATE clips SET ingested = \(time), start = \(time), raw_start = \(time), retain_until = NULL "
                + "WHERE sha256 = '\(sha256)';\n\(trigger.trimmingCharacters(in: .whitespacesAndNewlines));\nSQL\n")
    }

    func sha(_ name: String) throws -> String {
        try #require(try clips()[name]?["sha256"] as? String)
    }
}

/// Seconds since 1970 of midnight at the start of a day in Asia/Shanghai.
func shanghai(_ day: String) -> Double {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    // The test's own literal dates; a bad one is a bug in the test.
    return formatter.date(from: day + " 10:00")!.timeIntervalSince1970
}

@Suite("Retention and purge")
struct RetentionTests {
    @Test("a clip of a case ended 2026-03-14 is kept until 2036-03-14, and unassigning it keeps that date")
    func caseRetention() throws {
        let scene = try TagScene()
        try scene.clip("B000001_20260314090000_0001.MP4", creation: "2026-03-14T01:00:00Z")
        try scene.ingest()
        let sha = try scene.sha("B000001_20260314090000_0001.MP4")
        try scene.run(["case", "open", "K1", "--party", "李四", "--handler", "111111", "--by", "wang"])
        try scene.run(["case", "assign", "K1", "--clip", sha, "--by", "wang"])
        #expect(try scene.clips()["B000001_20260314090000_0001.MP4"]?["retain_until"] is NSNull)

        try scene.run(["case", "close", "K1", "--ended", "2026-03-14", "--by", "wang"])
        #expect(try scene.clips()["B000001_20260314090000_0001.MP4"]?["retain_until"] as? String == "2036-03-14")

        try scene.run(["case", "unassign", "K1", "--clip", sha, "--by", "zhao"])
        let clip = try scene.clips()["B000001_20260314090000_0001.MP4"]
        #expect(caseNumbers(clip) == [])
        #expect(clip?["retain_until"] as? String == "2036-03-14")
    }

    @Test("patrol clips are kept 6 months from recording; a day the month lacks rolls forward, never back")
    func patrolRetention() throws {
        let scene = try TagScene()
        let days = [("2024-02-29", "2024-08-29"), ("2025-08-31", "2026-03-01"), ("2026-02-28", "2026-08-28")]
        for (offset, _) in days.enumerated() {
            try scene.clip(
                "F00000\(offset)_20260314090000_0001.MP4", creation: "2026-03-14T01:00:00Z", seconds: offset + 2)
        }
        try scene.ingest()
        for (offset, day) in days.enumerated() {
            try scene.backdate(try scene.sha("F00000\(offset)_20260314090000_0001.MP4"), to: shanghai(day.0))
        }
        // Setting a recorder works its clips' retention out again.
        for offset in days.indices {
            try scene.run(["recorder", "set", "F00000\(offset)", "--stamps", "start", "--by", "admin"])
        }
        let clips = try scene.clips()
        for (offset, day) in days.enumerated() {
            #expect(clips["F00000\(offset)_20260314090000_0001.MP4"]?["retain_until"] as? String == day.1, "\(day.0)")
        }
    }

    @Test("purge deletes only the expired clip and records it; early, held and open-case clips are refused")
    func purge() throws {
        let scene = try TagScene()
        for name in [
            "G000001_20260314090000_0001.MP4", "G000001_20260314100000_0002.MP4",
            "G000001_20260314110000_0003.MP4", "G000001_20260314120000_0004.MP4",
        ] {
            let hour = name.dropFirst(16).prefix(2)
            try scene.clip(name, creation: "2026-03-14T\(Int(hour)! - 8 < 10 ? "0" : "")\(Int(hour)! - 8):00:00Z")
        }
        try scene.ingest()
        let expired = try scene.sha("G000001_20260314090000_0001.MP4")
        let early = try scene.sha("G000001_20260314100000_0002.MP4")
        let heldCase = try scene.sha("G000001_20260314110000_0003.MP4")
        let heldClip = try scene.sha("G000001_20260314120000_0004.MP4")
        for sha in [expired, heldCase, heldClip] { try scene.backdate(sha, to: shanghai("2014-06-01")) }
        try scene.run(["case", "open", "H1", "--party", "王五", "--handler", "111111", "--by", "wang"])
        try scene.run(["case", "assign", "H1", "--clip", heldCase, "--by", "wang"])
        try scene.run(["case", "close", "H1", "--ended", "2015-01-01", "--by", "wang"])
        try scene.run(["hold", "H1", "--reason", "appeal pending", "--by", "wang"])
        try scene.run(["hold", heldClip, "--reason", "complaint", "--by", "wang"])
        let store = scene.folder.path + "/store/G000001/2026/03/14/"

        let dry = try scene.run(["purge", "--dry-run", "--by", "archivist"])
        #expect(dry.contains("would purge  \(expired)  \(store)G000001_20260314090000_0001.MP4\n"))
        #expect(dry.contains("kept  \(early)  \(store)G000001_20260314100000_0002.MP4: it must be kept until "))
        #expect(
            dry.contains(
                "kept  \(heldCase)  \(store)G000001_20260314110000_0003.MP4: case H1 is on hold: appeal pending\n"))
        #expect(dry.contains("kept  \(heldClip)  \(store)G000001_20260314120000_0004.MP4: it is on hold: complaint\n"))
        #expect(dry.hasSuffix("1 originals would be purged, 3 kept\n"))
        #expect(FileManager.default.fileExists(atPath: store + "G000001_20260314090000_0001.MP4"))
        #expect(try scene.sqlite("SELECT count(*) FROM purges") == "0\n")

        let real = try scene.run(["purge", "--by", "archivist"])
        #expect(real.contains("purged  \(expired)  \(store)G000001_20260314090000_0001.MP4\n"))
        #expect(!FileManager.default.fileExists(atPath: store + "G000001_20260314090000_0001.MP4"))
        let label = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: store + "G000001_20260314090000_0001.MP4.label.json")))
        #expect((label as? [String: Any])?["purged"] is String)
        #expect(FileManager.default.fileExists(atPath: store + "G000001_20260314100000_0002.MP4"))
        #expect(
            try scene.sqlite("SELECT sha256, stored_path, purged_by FROM purges")
                == "\(expired)|G000001/2026/03/14/G000001_20260314090000_0001.MP4|archivist\n")
        let clips = try scene.clips()
        #expect(clips.count == 4)
        #expect(clips["G000001_20260314090000_0001.MP4"]?["purged"] is String)
        #expect(try scene.run(["history", expired, "--format", "csv"]).contains(",archivist,\(expired),purged,,"))

        try scene.run(["release", "H1", "--by", "wang"])
        let after = try scene.run(["purge", "--by", "archivist"])
        #expect(after.contains("purged  \(heldCase)  "))
        #expect(after.hasSuffix("1 originals purged, 2 kept\n"))
    }

    @Test("a clip never tagged (a catalog from before tagging) is tagged at the next ingest: retention and label")
    func catchUp() throws {
        let scene = try TagScene()
        try scene.clip("H000001_20260228100000_0001.MP4", creation: "2026-02-28T02:00:00Z")
        try scene.ingest()
        let sha = try scene.sha("H000001_20260228100000_0001.MP4")
        let stored = try #require(try scene.clips()["H000001_20260228100000_0001.MP4"]?["stored_path"] as? String)
        try scene.backdate(sha, to: shanghai("2026-02-28"))
        try FileManager.default.removeItem(atPath: stored + ".label.json")
        #expect(try scene.clips()["H000001_20260228100000_0001.MP4"]?["retain_until"] is NSNull)

        try scene.ingest()
        let clip = try scene.clips()["H000001_20260228100000_0001.MP4"]
        #expect(clip?["retain_until"] as? String == "2026-08-28")
        #expect(clip?["clock_suspect"] is NSNull)
        #expect(FileManager.default.fileExists(atPath: stored + ".label.json"))
    }

    @Test("a retention shorter than the regulation's minimum is refused as a usage error")
    func refusesShortRetention() throws {
        let folder = TemporaryFolder()
        let result = try custody(["purge", "--retention-patrol-months", "5", "--catalog", folder.path + "/c.sqlite"])
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "error: 'retention_patrol_months' in the command line must be a whole number of months, at least 6 (the regulation's minimum)\n"
        )
    }
}
