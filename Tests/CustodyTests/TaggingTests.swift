import Foundation
import Testing

/// A folder with a store, a catalog and a recorder volume of clips made by ffmpeg.
struct TagScene {
    let folder = TemporaryFolder()
    var volume: String { folder.path + "/volume" }
    var options: [String] {
        [
            "--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite", "--timezone",
            "Asia/Shanghai", "--settle-seconds", "0", "--name-patterns", "{serial:7}_{yyyy}{MM}{dd}{hh}{mm}{ss}_{seq}",
        ]
    }

    init() throws {
        try FileManager.default.createDirectory(atPath: folder.path + "/volume", withIntermediateDirectories: true)
    }

    /// Writes a clip of `seconds` seconds, its container's creation_time set to `creation` when given.
    func clip(_ name: String, creation: String?, seconds: Int = 2) throws {
        let tag = creation.map { "-metadata creation_time=\($0)" } ?? ""
        try Shell.sh(
            "ffmpeg -v error -f lavfi -i testsrc=duration=\(seconds):size=160x120:rate=25 -c:v mpeg4 \(tag) "
                + "-y '\(volume)/\(name)'")
    }

    /// Runs custody with the scene's options; the command must succeed.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try custody(arguments + options)
        #expect(result.status == 0, "custody \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }

    func ingest() throws {
        try run(["ingest", volume])
    }

    /// The clips as `custody clips --format json` lists them, by original name.
    func clips(_ extra: [String] = []) throws -> [String: [String: Any]] {
        let objects = try clipObjects(try run(["clips", "--format", "json"] + extra))
        return Dictionary(objects.map { ($0["original_name"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    func sqlite(_ sql: String) throws -> String {
        try Shell.sh("sqlite3 '\(folder.path)/catalog.sqlite' \"\(sql)\"")
    }
}

func caseNumbers(_ clip: [String: Any]?) -> [String] {
    ((clip?["cases"] as? [[String: Any]]) ?? []).compactMap { $0["case"] as? String }
}

@Suite("Tagging")
struct TaggingTests {
    @Test(
        "a handler change at noon gives the morning clip the first handler and the afternoon clip the second, and a case by handler takes only the afternoon clip"
    )
    func handlerChangeMidDay() throws {
        let scene = try TagScene()
        try scene.clip("B000001_20260314090000_0001.MP4", creation: "2026-03-14T01:00:00Z")
        try scene.clip("B000001_20260314140000_0002.MP4", creation: "2026-03-14T06:00:00Z")
        try scene.ingest()
        try scene.run([
            "recorder", "set", "B000001", "--handler", "111111", "--name", "张三", "--from", "2026-03-01", "--by",
            "admin",
        ])
        try scene.run([
            "recorder", "set", "B000001", "--handler", "222222", "--name", "John Smith", "--from",
            "2026-03-14 12:00:00", "--by", "admin",
        ])

        let clips = try scene.clips()
        #expect(clips["B000001_20260314090000_0001.MP4"]?["handler"] as? String == "111111")
        #expect(clips["B000001_20260314140000_0002.MP4"]?["handler"] as? String == "222222")
        try scene.run(["case", "open", "K3", "--party", "赵六", "--handler", "222222", "--by", "admin"])
        try scene.run([
            "case", "assign", "K3", "--handler", "222222", "--from", "2026-03-14", "--to", "2026-03-15", "--by",
            "admin",
        ])
        let tied = try scene.clips(["--case", "K3"])
        #expect(tied.keys.sorted() == ["B000001_20260314140000_0002.MP4"])
        let list = try scene.run(["recorder", "list", "--format", "csv", "--mask-names"])
        #expect(list.contains("B000001,222222,J*** S****,utc,start,"))
    }

    @Test("overlapping case windows tie a clip to both cases; labels and history follow assign and unassign")
    func overlappingWindows() throws {
        let scene = try TagScene()
        try scene.clip("B000001_20260314090000_0001.MP4", creation: "2026-03-14T01:00:00Z")
        try scene.clip("B000001_20260314140000_0002.MP4", creation: "2026-03-14T06:00:00Z")
        try scene.ingest()
        try scene.run(["case", "open", "K1", "--party", "李四", "--handler", "111111", "--by", "wang"])
        try scene.run(["case", "open", "K2", "--party", "Jane Doe", "--handler", "222222", "--by", "wang"])
        try scene.run([
            "case", "assign", "K1", "--recorder", "B000001", "--from", "2026-03-14 08:00", "--to", "2026-03-14 10:00",
            "--by", "wang",
        ])
        try scene.run([
            "case", "assign", "K2", "--recorder", "B000001", "--from", "2026-03-14 08:30", "--to", "2026-03-14 15:00",
            "--by", "wang",
        ])

        var clips = try scene.clips()
        let morning = clips["B000001_20260314090000_0001.MP4"]
        #expect(caseNumbers(morning) == ["K1", "K2"])
        #expect(caseNumbers(clips["B000001_20260314140000_0002.MP4"]) == ["K2"])
        let masked = try scene.clips(["--mask-names"])
        let parties = (masked["B000001_20260314090000_0001.MP4"]?["cases"] as? [[String: Any]])?.map {
            $0["party"] as? String
        }
        #expect(parties == ["李*", "J*** D**"])
        #expect(try scene.clips(["--case", "K1"]).keys.sorted() == ["B000001_20260314090000_0001.MP4"])

        let stored = try #require(morning?["stored_path"] as? String)
        let sha = try #require(morning?["sha256"] as? String)
        let label =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stored + ".label.json")))
            as? [String: Any]
        #expect(label?["sha256"] as? String == sha)
        #expect(label?["recorder"] as? String == "B000001")
        #expect(label?["start"] as? String == "2026-03-14T01:00:00Z")
        #expect(label?["end"] as? String == "2026-03-14T01:00:02Z")
        let labelCases = (label?["cases"] as? [[String: String]]) ?? []
        #expect(
            labelCases == [
                ["case": "K1", "party": "李四", "handler": "111111"],
                ["case": "K2", "party": "Jane Doe", "handler": "222222"],
            ])

        try scene.run([
            "case", "unassign", "K1", "--recorder", "B000001", "--from", "2026-03-14 08:00", "--to", "2026-03-14 10:00",
            "--by", "zhao",
        ])
        clips = try scene.clips()
        #expect(caseNumbers(clips["B000001_20260314090000_0001.MP4"]) == ["K2"])
        let after =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stored + ".label.json")))
            as? [String: Any]
        #expect(
            ((after?["cases"] as? [[String: String]]) ?? []) == [
                ["case": "K2", "party": "Jane Doe", "handler": "222222"]
            ])
        let folder = (stored as NSString).deletingLastPathComponent
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.allSatisfy { !$0.hasPrefix(".") }, "a temporary label was left: \(names)")

        let history = try scene.run(["history", sha, "--format", "csv"])
        let rows = history.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst().map(String.init)
        }
        #expect(
            rows.dropFirst().map { Array($0) } == [
                ["wang", sha, "case", "", "K1"], ["wang", sha, "case", "", "K2"], ["zhao", sha, "case", "K1", ""],
            ])
    }

    @Test("case show and case list give the case, its clips and its history, with the party masked on request")
    func showAndList() throws {
        let scene = try TagScene()
        try scene.clip("B000001_20260314090000_0001.MP4", creation: "2026-03-14T01:00:00Z")
        try scene.ingest()
        try scene.run([
            "case", "open", "K1", "--party", "李四", "--handler", "111111", "--title", "stall", "--by", "wang",
        ])
        try scene.run([
            "case", "assign", "K1", "--recorder", "B000001", "--from", "2026-03-14", "--to", "2026-03-15", "--by",
            "wang",
        ])

        let show = try scene.run(["case", "show", "K1", "--mask-names"])
        #expect(show.hasPrefix("case     K1\nparty    李*\nhandler  111111\ntitle    stall\n"))
        #expect(show.contains("ended    open\n"))
        #expect(show.contains("B000001_20260314090000_0001.MP4"))
        #expect(show.contains("w***  K1"))
        let list = try scene.run(["case", "list", "--format", "csv"])
        #expect(list.hasPrefix("case,party,handler,title,opened,ended,clips\r\nK1,李四,111111,stall,"))
        #expect(list.hasSuffix(",,1\r\n"))
        let refused = try custody(
            ["case", "assign", "K9", "--clip", String(repeating: "a", count: 64), "--by", "x"] + scene.options)
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: there is no case K9; open it with 'custody case open K9 …'\n")
    }

    @Test("a clip ingested after an assignment is tied to the case at ingest")
    func tiedAtIngest() throws {
        let scene = try TagScene()
        try scene.clip("B000001_20260314090000_0001.MP4", creation: "2026-03-14T01:00:00Z")
        try scene.ingest()
        try scene.run(["case", "open", "K1", "--party", "李四", "--handler", "111111", "--by", "wang"])
        try scene.run([
            "case", "assign", "K1", "--recorder", "B000001", "--from", "2026-03-14", "--to", "2026-03-15", "--by",
            "wang",
        ])
        try scene.clip("B000001_20260314100000_0002.MP4", creation: "2026-03-14T02:00:00Z")
        try scene.ingest()
        let clips = try scene.clips()
        #expect(caseNumbers(clips["B000001_20260314100000_0002.MP4"]) == ["K1"])
    }

    @Test("a recorder writing local time is suspect by 8 h until --clock local corrects its start")
    func localClock() throws {
        let scene = try TagScene()
        try scene.clip("C000001_20260314092653_0001.MP4", creation: "2026-03-14T09:26:53Z")
        try scene.ingest()
        var clip = try scene.clips()["C000001_20260314092653_0001.MP4"]
        #expect(clip?["start"] as? String == "2026-03-14T09:26:53Z")
        #expect(
            clip?["clock_suspect"] as? String
                == "the file name says 2026-03-14 09:26:53 but the metadata says 2026-03-14 17:26:53, 28800 s apart; "
                + "a whole 8 h difference looks like a time-zone mistake")

        try scene.run(["recorder", "set", "C000001", "--clock", "local", "--by", "admin"])
        clip = try scene.clips()["C000001_20260314092653_0001.MP4"]
        #expect(clip?["start"] as? String == "2026-03-14T01:26:53Z")
        #expect(clip?["raw_start"] as? String == "2026-03-14T09:26:53Z")
        #expect(clip?["metadata_time"] as? String == "2026-03-14T09:26:53.000000Z")
        #expect(clip?["clock_suspect"] is NSNull)
    }

    @Test("file-name and metadata times exactly 1 h apart are reported as a time-zone mistake")
    func oneHourApart() throws {
        let scene = try TagScene()
        try scene.clip("C000002_20260314092653_0001.MP4", creation: "2026-03-14T02:26:53Z")
        try scene.ingest()
        let clip = try scene.clips()["C000002_20260314092653_0001.MP4"]
        #expect(
            clip?["clock_suspect"] as? String
                == "the file name says 2026-03-14 09:26:53 but the metadata says 2026-03-14 10:26:53, 3600 s apart; "
                + "a whole 1 h difference looks like a time-zone mistake")
    }

    @Test("a recorder that stamps the end gets its clips' start moved back by their duration")
    func stampsEnd() throws {
        let scene = try TagScene()
        try scene.clip("D000001_20260314092700_0001.MP4", creation: "2026-03-14T01:27:00Z", seconds: 4)
        try scene.ingest()
        try scene.run(["recorder", "set", "D000001", "--stamps", "end", "--by", "admin"])
        let clip = try scene.clips()["D000001_20260314092700_0001.MP4"]
        #expect(clip?["duration"] as? Double == 4)
        #expect(clip?["start"] as? String == "2026-03-14T01:26:56Z")
        #expect(clip?["raw_start"] as? String == "2026-03-14T01:27:00Z")
        #expect(clip?["clock_suspect"] is NSNull)
    }

    @Test("a start after the dock makes the clip suspect")
    func futureClock() throws {
        let scene = try TagScene()
        try scene.clip("E000002_20300101080000_0001.MP4", creation: "2030-01-01T00:00:00Z")
        try scene.ingest()
        let suspect = try scene.clips()["E000002_20300101080000_0001.MP4"]?["clock_suspect"] as? String
        #expect(suspect?.hasPrefix("the start 2030-01-01 08:00:00 is after the clip was docked at 20") == true)
    }

    @Test("a clock reset to 2000-01-01 makes the clip suspect")
    func resetClock() throws {
        let scene = try TagScene()
        try scene.clip("E000001_20000101080000_0007.MP4", creation: "2000-01-01T00:00:00Z")
        try scene.ingest()
        let clip = try scene.clips()["E000001_20000101080000_0007.MP4"]
        #expect(clip?["start"] as? String == "2000-01-01T00:00:00Z")
        #expect(
            clip?["clock_suspect"] as? String
                == "the start 2000-01-01 08:00:00 is before 2010: the recorder's clock was probably reset")
    }

    @Test("a reset-clock clip is ordered by its sequence after the clip before it, and the gap between them is unknown")
    func resetClockGap() throws {
        let scene = try TagScene()
        try scene.clip("E000001_20260314090000_0001.MP4", creation: "2026-03-14T01:00:00Z")
        try scene.clip("E000001_20000101080000_0002.MP4", creation: "2000-01-01T00:00:00Z", seconds: 3)
        try scene.ingest()
        let gaps = try JSONSerialization.jsonObject(
            with: Data(try scene.run(["gaps", "--refresh", "--format", "json"]).split(separator: "\n")[0].utf8))
        let gap = try #require((gaps as? [[String: Any]])?.first)
        #expect(gap["kind"] as? String == "unknown")
        #expect(gap["before_name"] as? String == "E000001_20260314090000_0001.MP4")
        #expect(gap["after_name"] as? String == "E000001_20000101080000_0002.MP4")
    }
}
