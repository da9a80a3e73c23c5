import Foundation
import Testing

@testable import Reports

@Suite("ReportText")
struct ReportTextTests {
    @Test(
        "Lengths read at a glance in both languages",
        arguments: [
            (nil, "-", "-"), (0, "0 s", "0秒"), (0.04, "0 s", "0秒"), (0.45, "0.5 s", "0.5秒"), (1, "1 s", "1秒"),
            (1.5, "1.5 s", "1.5秒"), (9.94, "9.9 s", "9.9秒"), (9.96, "10 s", "10秒"), (42.4, "42 s", "42秒"),
            (59.6, "1 min", "1分"), (60, "1 min", "1分"), (90, "1 min 30 s", "1分30秒"),
            (252, "4 min 12 s", "4分12秒"), (3599, "59 min 59 s", "59分59秒"), (3600, "1 h", "1小时"),
            (3605, "1 h 0 min 5 s", "1小时0分5秒"), (4380, "1 h 13 min", "1小时13分"),
            (74_700, "20 h 45 min", "20小时45分"), (90_061, "25 h 1 min 1 s", "25小时1分1秒"), (-30, "-30 s", "-30秒"),
        ] as [(Double?, String, String)])
    func durations(_ seconds: Double?, _ english: String, _ chinese: String) {
        #expect(ReportText(language: .en).duration(seconds) == english)
        #expect(ReportText(language: .zh).duration(seconds) == chinese)
    }

    @Test(
        "Kinds and explanations are translated; an unfamiliar value is shown as it is",
        arguments: [
            ("continuation", "continuation", "续录"), ("interruption", "interruption", "中断"),
            ("new_activity", "new activity", "新活动"), ("overlap", "overlap", "重叠"), ("unknown", "unknown", "未知"),
            ("gap", "gap", "gap"),
        ])
    func kinds(_ kind: String, _ english: String, _ chinese: String) {
        #expect(ReportText(language: .en).kind(kind) == english)
        #expect(ReportText(language: .zh).kind(kind) == chinese)
    }

    @Test(
        "Explanations are translated; none is a dash",
        arguments: [
            ("spoken", "spoken", "口头说明"), ("written", "written", "书面说明"), ("missing", "missing", "缺失"),
            (nil, "-", "-"), ("other", "other", "other"),
        ] as [(String?, String, String)])
    func explanations(_ explanation: String?, _ english: String, _ chinese: String) {
        #expect(ReportText(language: .en).explanation(explanation) == english)
        #expect(ReportText(language: .zh).explanation(explanation) == chinese)
    }

    @Test("Speech positions, notes and periods read naturally in both languages")
    func phrases() {
        let en = ReportText(language: .en)
        let zh = ReportText(language: .zh)
        #expect(en.speech(start: 1.2, seconds: 3.4) == "at 1.2 s for 3.4 s")
        #expect(zh.speech(start: 1.2, seconds: 3.4) == "1.2秒起 共3.4秒")
        #expect(en.speech(start: nil, seconds: 3.4) == "-")
        #expect(en.note("battery", by: "Li Na", at: "2026-12-01 18:00:00") == "battery (Li Na, 2026-12-01 18:00:00)")
        #expect(zh.note("电池", by: "李娜", at: nil) == "电池（李娜）")
        #expect(en.note(nil, by: "Li Na", at: nil) == "")
        #expect(en.period(since: "2026-12-01 00:00", until: nil) == "from 2026-12-01 00:00")
        #expect(zh.period(since: nil, until: nil) == "全部")
    }

    @Test("The language comes from LC_ALL, then LANG; anything but zh is English")
    func languageFromEnvironment() {
        #expect(ReportLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(ReportLanguage.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(ReportLanguage.fromEnvironment(["LC_ALL": "zh_TW.UTF-8", "LANG": "C"]) == .zh)
        #expect(ReportLanguage.fromEnvironment(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(ReportLanguage.fromEnvironment([:]) == .en)
    }
}
