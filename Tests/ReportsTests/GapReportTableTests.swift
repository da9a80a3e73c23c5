import Foundation
import Testing

@testable import Reports

@Suite("GapReport as a table")
struct GapReportTableTests {
    @Test("A small report in English: one line per gap by time, a summary per recorder, the zone last")
    func english() {
        let lines = SampleReports.small.renderTable(language: .en).components(separatedBy: "\n")
        #expect(
            lines == [
                "ID  RECORDER  KIND          STOPPED              RESUMED              LENGTH      EXPLANATION  "
                    + "SPEECH              RESUMED CLIP  NOTE",
                "1   DSJ-0001  continuation  2026-12-01 09:10:00  2026-12-01 09:10:01  1 s         -            "
                    + "-                   A0002.MP4     -",
                "2   DSJ-0001  interruption  2026-12-01 09:20:01  2026-12-01 09:24:13  4 min 12 s  spoken       "
                    + "at 1.2 s for 3.4 s  A0003.MP4     -",
                "3   DSJ-0001  interruption  2026-12-01 09:39:13  2026-12-01 09:47:00  7 min 47 s  written      "
                    + "-                   A0004.MP4     电池没电，更换电池 (王伟, 2026-12-01 18:00:00)",
                "4   DSJ-0001  interruption  2026-12-01 09:52:00  2026-12-01 09:53:30  1 min 30 s  missing      "
                    + "-                   A0005.MP4     -",
                "",
                "recorder DSJ-0001: 3 interruptions, 2 explained (1 spoken, 1 written), 1 unexplained, longest 7 min 47 s",
                "times in Asia/Shanghai",
                "",
            ])
    }

    @Test("A small report in Chinese: translated words, and columns aligned with CJK characters counted as two")
    func chinese() {
        let lines = SampleReports.small.renderTable(language: .zh).components(separatedBy: "\n")
        #expect(
            lines == [
                "编号  记录仪    类型  停止                 恢复                 时长     说明      语音位置         "
                    + "恢复录像   备注",
                "1     DSJ-0001  续录  2026-12-01 09:10:00  2026-12-01 09:10:01  1秒      -         -                "
                    + "A0002.MP4  -",
                "2     DSJ-0001  中断  2026-12-01 09:20:01  2026-12-01 09:24:13  4分12秒  口头说明  1.2秒起 共3.4秒  "
                    + "A0003.MP4  -",
                "3     DSJ-0001  中断  2026-12-01 09:39:13  2026-12-01 09:47:00  7分47秒  书面说明  -                "
                    + "A0004.MP4  电池没电，更换电池（王伟，2026-12-01 18:00:00）",
                "4     DSJ-0001  中断  2026-12-01 09:52:00  2026-12-01 09:53:30  1分30秒  缺失      -                "
                    + "A0005.MP4  -",
                "",
                "记录仪 DSJ-0001：中断 3 次，已说明 2 次（口头 1，书面 1），未说明 1 次，最长 7分47秒",
                "时间为 Asia/Shanghai 时区",
                "",
            ])
    }

    @Test("Every line of the Chinese table starts its last column at the same display width as the header")
    func chineseAlignment() throws {
        let lines = SampleReports.realistic.renderTable(language: .zh).components(separatedBy: "\n").prefix(13)
        let header = try #require(lines.first)
        let note = try #require(header.range(of: "备注"))
        let offset = TextTable.width(String(header[..<note.lowerBound]))
        #expect(offset == 126)
        for line in lines {
            let parts = try #require(split(line, atWidth: offset), "line: \(line)")
            #expect(parts.0.hasSuffix("  "))
            #expect(!parts.1.isEmpty && !parts.1.hasPrefix(" "))
        }
    }

    /// The line cut where its display width reaches `width`; nil when a wide character straddles that column.
    private func split(_ line: String, atWidth width: Int) -> (String, String)? {
        var total = 0
        var index = line.startIndex
        while total < width, index < line.endIndex {
            total += TextTable.width(String(line[index]))
            index = line.index(after: index)
        }
        return total == width ? (String(line[..<index]), String(line[index...])) : nil
    }

    @Test("A jump inside a clip, a note over several lines and an error stay on one line each")
    func realisticRows() {
        let table = SampleReports.realistic.renderTable(language: .en)
        let lines = table.components(separatedBy: "\n")
        #expect(lines.count == 1 + 12 + 1 + 2 + 1 + 1)
        let jump = lines.first { $0.hasPrefix("3 ") } ?? ""
        #expect(jump.contains("interruption (jump in clip)"))
        let note = lines.first { $0.hasPrefix("4 ") } ?? ""
        #expect(note.hasSuffix("现场无异常情况。 已向值班领导报告。 (王伟（警号 012345）, 2026-12-01 18:30:00)"))
        let unknown = lines.first { $0.hasPrefix("10 ") } ?? ""
        #expect(unknown.hasSuffix("error: the start time of A0010.MP4 is unknown"))
        #expect(
            lines.contains(
                "recorder DSJ-0001: 5 interruptions, 3 explained (1 spoken, 2 written), 2 unexplained, longest 15 min 30 s"
            ))
        #expect(
            lines.contains(
                "recorder DSJ-0002: 2 interruptions, 1 explained (1 spoken, 0 written), 1 unexplained, longest 3 min"))
    }

    @Test("A report without gaps says so in the reader's language")
    func empty() {
        let report = GapReport(rows: [], bars: [], timeZone: SampleReports.shanghai)
        #expect(report.renderTable(language: .en) == "No gaps in this period.\ntimes in Asia/Shanghai\n")
        #expect(report.renderTable(language: .zh) == "此期间没有间隙。\n时间为 Asia/Shanghai 时区\n")
    }
}
