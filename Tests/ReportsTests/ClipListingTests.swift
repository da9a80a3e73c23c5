import Catalog
import Foundation
import Testing

@testable import Reports

func listedClip(name: String = "A123456_012345_20260314092653_0001.MP4", damaged: String? = nil) -> ClipRecord {
    ClipRecord(
        id: 1, sha256: String(repeating: "ab", count: 32), size: 604_613, recorder: "A123456", handler: "012345",
        originalName: name, originalPath: "DCIM/100MEDIA/" + name, originalModified: nil,
        storedPath: "A123456/2026/03/14/" + name, start: Date(timeIntervalSince1970: 1_773_451_613),
        startSource: .metadata, metadataTime: "2026-03-14T01:26:53.000000Z", filenameTime: nil, sequence: 1,
        duration: 19.6, container: "mov,mp4,m4a,3gp,3g2,mj2", damaged: damaged, dock: 1,
        ingested: Date(timeIntervalSince1970: 1_773_460_000.5),
        streams: [StreamRecord(index: 0, kind: "video", codec: "h264", width: 320, height: 240, frameRate: 15)])
}

@Suite("ClipListing")
struct ClipListingTests {
    @Test("JSON keeps the field names scripts read, in order, with null for what is unknown")
    func json() throws {
        var unknown = listedClip(name: "FILE0001.MP4", damaged: "Invalid data found when processing input")
        unknown.start = nil
        unknown.startSource = nil
        unknown.duration = nil
        unknown.handler = nil
        let text = ClipListing(
            clips: [listedClip(), unknown], store: "/store", timeZone: TimeZone(identifier: "Asia/Shanghai")!
        )
        .render(.json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["start"] as? String == "2026-03-14T01:26:53Z")
        #expect(objects[0]["start_source"] as? String == "metadata")
        #expect(objects[0]["duration"] as? Double == 19.6)
        #expect(
            objects[0]["stored_path"] as? String == "/store/A123456/2026/03/14/A123456_012345_20260314092653_0001.MP4")
        #expect(objects[0]["damaged"] is NSNull)
        #expect(objects[0]["ingested"] as? String == "2026-03-14T03:46:40.500Z")
        #expect(objects[1]["start"] is NSNull)
        #expect(objects[1]["handler"] is NSNull)
        #expect(objects[1]["damaged"] as? String == "Invalid data found when processing input")
        #expect(text.hasPrefix(#"[{"sha256":"abab"#))
        let order = [
            "sha256", "recorder", "handler", "original_name", "original_path", "stored_path", "size", "start",
            "start_source", "duration",
        ]
        let positions = order.map { text.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test("CSV quotes fields with commas and quotes and ends lines with CRLF")
    func csv() {
        let text = ClipListing(clips: [listedClip(name: "a,\"b\".MP4")], store: "/s", timeZone: .gmt).render(.csv)
        let lines = text.components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "sha256,recorder,handler,original_name,original_path,stored_path,size,start,start_source,duration,container,streams,damaged,ingested"
        )
        #expect(lines[1].contains(#","a,""b"".MP4","DCIM/100MEDIA/a,""b"".MP4","#))
        #expect(lines[1].contains(",604613,2026-03-14T01:26:53Z,metadata,19.6,"))
        #expect(lines[2] == "")
    }

    @Test("the table shows start in the station's zone and marks a damaged clip")
    func table() {
        let text = ClipListing(
            clips: [listedClip(damaged: "moov atom not found")], store: "/s",
            timeZone: TimeZone(identifier: "Asia/Shanghai")!
        ).render(.table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("START                RECORDER  HANDLER  DURATION  SIZE    SHA256"))
        #expect(lines[1].hasPrefix("2026-03-14 09:26:53  A123456   012345   19.600 s  0.6 MB  abababababab"))
        #expect(lines[1].hasSuffix("[damaged: moov atom not found]"))
        #expect(lines[2] == "1 clips, 0.6 MB")
    }
}

@Suite("Timestamps")
struct TimestampsTests {
    @Test(
        "UTC times end in Z and show milliseconds only when there is a fraction",
        arguments: [
            (0.0, "1970-01-01T00:00:00Z"), (1_773_451_613, "2026-03-14T01:26:53Z"),
            (1_773_451_613.25, "2026-03-14T01:26:53.250Z"), (1_773_451_613.9996, "2026-03-14T01:26:54Z"),
        ])
    func utc(seconds: Double, text: String) {
        #expect(Timestamps.utc(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test("a date is read as midnight in the station's zone; impossible dates are refused")
    func parse() {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        #expect(Timestamps.parse("2026-03-14", in: shanghai) == Date(timeIntervalSince1970: 1_773_417_600))
        #expect(Timestamps.parse("2026-03-14T01:26:53Z", in: shanghai) == Date(timeIntervalSince1970: 1_773_451_613))
        #expect(Timestamps.parse("2026-03-14T09:26:53", in: shanghai) == Date(timeIntervalSince1970: 1_773_451_613))
        #expect(Timestamps.parse("2026-03-14T09:26", in: shanghai) == Date(timeIntervalSince1970: 1_773_451_560))
        #expect(Timestamps.parse("2026-03-14T25:00", in: shanghai) == nil)
        #expect(Timestamps.parse("2026-02-30", in: shanghai) == nil)
        #expect(Timestamps.parse("2026-13-01", in: shanghai) == nil)
        #expect(Timestamps.parse("yesterday", in: shanghai) == nil)
    }

    @Test("CJK characters take two columns in a table")
    func wideCharacters() {
        var table = TextTable(header: ["名称", "X"])
        table.append(["ab", "y"])
        #expect(table.render() == "名称  X\nab    y\n")
    }
}
