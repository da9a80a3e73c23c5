import Foundation
import Testing

@testable import Reports

@Suite("DeadlineReport")
struct DeadlineReportTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!  // The zone database ships Asia/Shanghai.

    static func report() -> DeadlineReport {
        // 2024-09-30 10:00 local, due 2024-10-10 00:00 local, stored 2024-10-10 08:00 local.
        let end = Date(timeIntervalSince1970: 1_727_661_600)
        let due = Date(timeIntervalSince1970: 1_728_489_600)
        return DeadlineReport(
            generated: Date(timeIntervalSince1970: 1_728_576_000), timeZone: zone, ingestWorkingDays: 2,
            clips: [
                .init(
                    sha256: String(repeating: "a", count: 64), recorder: "R1", handler: "0471 张三",
                    originalName: "R1_0471_20240930093000_0001.MP4", end: end, due: due,
                    ingested: due.addingTimeInterval(8 * 3600), fallback: false)
            ],
            unjudged: [
                .init(
                    sha256: String(repeating: "b", count: 64), recorder: "R1", originalName: "X.MP4",
                    ingested: due, reason: "no start time")
            ],
            silentRecorders: [], caseFiles: nil, fallbackYears: [2027])
    }

    @Test("the JSON of a clip stored 8 hours late carries end, due, ingested in UTC and late_seconds 28800")
    func jsonOfLateClip() throws {
        let text = Self.report().render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let clips = try #require(object["clips"] as? [[String: Any]])
        #expect(clips.count == 1)
        #expect(clips[0]["end"] as? String == "2024-09-30T02:00:00Z")
        #expect(clips[0]["due"] as? String == "2024-10-09T16:00:00Z")
        #expect(clips[0]["ingested"] as? String == "2024-10-10T00:00:00Z")
        #expect(clips[0]["late_seconds"] as? Int == 28_800)
        #expect(clips[0]["late"] as? Bool == true)
        #expect(object["late"] as? Int == 1)
        #expect(object["case_files"] is NSNull)
        #expect(object["fallback_years"] as? [Int] == [2027])
        let unjudged = try #require(object["unjudged"] as? [[String: Any]])
        #expect(unjudged.first?["reason"] as? String == "no start time")
    }

    @Test("the English table shows the delay as 8 h 00 min and names the fallback year")
    func englishTable() {
        let text = Self.report().render(.table, language: .en)
        #expect(text.contains("8 h 00 min"))
        #expect(text.contains("0 on time, 1 late."))
        #expect(text.contains("2024-10-10 00:00:00"))
        #expect(text.contains("Clips that cannot be judged"))
        #expect(text.contains("no holiday schedule is known for 2027"))
        #expect(!text.contains("Case files"))
    }

    @Test("the Chinese table shows the delay as 8小时00分 and the fallback note in Chinese")
    func chineseTable() {
        let text = Self.report().render(.table, language: .zh)
        #expect(text.contains("8小时00分"))
        #expect(text.contains("按时 0 个，逾期 1 个。"))
        #expect(text.contains("无法判断的片段"))
        #expect(text.contains("2027年没有节假日安排数据"))
    }

    @Test("CSV has one row per clip with its status, the unjudged clip as cannot_judge")
    func csvRows() {
        let lines = Self.report().render(.csv).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(lines[0] == "status,sha256,recorder,handler,original_name,end,due,ingested,late_seconds,fallback")
        #expect(lines[1].hasPrefix("late,"))
        #expect(lines[1].hasSuffix(",2024-09-30T02:00:00Z,2024-10-09T16:00:00Z,2024-10-10T00:00:00Z,28800,false"))
        #expect(lines[2].hasPrefix("cannot_judge,"))
    }

    @Test("spans of time read as days, hours and minutes in both languages")
    func spans() {
        #expect(DeadlineReport.span(28_800, .en) == "8 h 00 min")
        #expect(DeadlineReport.span(2 * 86_400 + 3 * 3600 + 5 * 60, .en) == "2 d 3 h 05 min")
        #expect(DeadlineReport.span(2 * 86_400 + 3 * 3600 + 5 * 60, .zh) == "2天3小时05分")
        #expect(DeadlineReport.span(1, .en) == "0 h 01 min")
    }
}
