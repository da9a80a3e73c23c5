import Foundation
import Testing

@testable import Reports

@Suite("GapReport as HTML")
struct GapReportHTMLTests {
    @Test("Text from people is escaped everywhere: notes, names, errors, recorders")
    func escaping() {
        var report = SampleReports.small
        report.rows[0].note = "<script>alert('x')</script> & done"
        report.rows[0].error = "<b>bad</b>"
        report.bars[0].name = "<img src=x onerror=alert(1)>.MP4"
        report.bars[0].damaged = "\"quoted\""
        for language in ReportLanguage.allCases {
            let html = report.renderHTML(language: language)
            #expect(!html.contains("<script"))
            #expect(!html.contains("<img"))
            #expect(!html.contains("<b>"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; done"))
            #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.MP4"))
            #expect(html.contains("&quot;quoted&quot;"))
        }
    }

    @Test("The page is self-contained: no scripts, links, imports or fetched images")
    func selfContained() {
        for language in ReportLanguage.allCases {
            let html = SampleReports.realistic.renderHTML(language: language)
            #expect(!html.contains("<script"))
            #expect(!html.contains("<link"))
            #expect(!html.contains("@import"))
            #expect(!html.contains("src="))
            #expect(!html.contains("https://"))
            #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://") == false)
        }
    }

    @Test("The header names the report, when it was made, the period and the zone, in the page's language")
    func header() {
        let zh = SampleReports.realistic.renderHTML(language: .zh)
        #expect(zh.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"))
        #expect(zh.contains("<title>录像间隙报告</title>"))
        #expect(zh.contains("<dt>生成时间</dt><dd>2026-12-03 08:00:00</dd>"))
        #expect(zh.contains("<dt>期间</dt><dd>2026-12-01 00:00 – 2026-12-03 00:00</dd>"))
        #expect(zh.contains("<dt>时区</dt><dd>Asia/Shanghai (UTC+08:00)</dd>"))
        #expect(zh.contains("\"Noto Sans CJK SC\""))
        #expect(zh.contains("\"WenQuanYi Micro Hei\""))
        let en = SampleReports.realistic.renderHTML(language: .en)
        #expect(en.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        #expect(en.contains("<dt>Period</dt><dd>2026-12-01 00:00 – 2026-12-03 00:00</dd>"))
    }

    @Test("One section per recorder and day in the station's zone, undated gaps apart, each on a new printed page")
    func sections() {
        let report = SampleReports.realistic
        let days = report.recorderDays.map { "\($0.recorder) \($0.day ?? "undated") \($0.bars.count) \($0.rows.count)" }
        #expect(
            days == [
                "DSJ-0001 2026-12-01 7 8", "DSJ-0001 2026-12-02 2 1", "DSJ-0001 undated 0 1",
                "DSJ-0002 2026-12-01 2 1", "DSJ-0002 2026-12-02 2 1",
            ])
        let html = report.renderHTML(language: .en)
        #expect(html.components(separatedBy: "<section class=\"day\">").count - 1 == 5)
        #expect(html.contains("<h2>recorder DSJ-0001 · 2026-12-01</h2>"))
        #expect(html.contains("<h2>recorder DSJ-0001 · time unknown</h2>"))
        #expect(html.contains("@page { size: A4; margin: 12mm; }"))
        #expect(html.contains("section.day { break-before: page; }"))
    }

    @Test("Summaries count interruptions, explained, unexplained and the longest, by recorder and by day")
    func summaries() {
        let html = SampleReports.realistic.renderHTML(language: .en)
        #expect(
            html.contains(
                "<tr class=\"warn\"><td>DSJ-0001</td><td>5</td><td>3</td><td>1</td><td>2</td><td>2</td>"
                    + "<td>15 min 30 s</td><td>1</td><td>1</td></tr>"))
        #expect(
            html.contains(
                "<p class=\"day-summary\">4 interruptions, 2 explained (1 spoken, 1 written), 2 unexplained, "
                    + "longest 15 min 30 s; no opening statement: 1</p>"))
        let zh = SampleReports.realistic.renderHTML(language: .zh)
        #expect(
            zh.contains(
                "<p class=\"day-summary\">中断 1 次，已说明 0 次（口头 0，书面 0），未说明 1 次，最长 3分；无开场陈述：1</p>"))
    }

    @Test("The table shows every field of a gap; an unexplained interruption is marked in words, not colour alone")
    func table() {
        let html = SampleReports.realistic.renderHTML(language: .zh)
        #expect(
            html.contains(
                "<tr class=\"interruption unexplained\"><td class=\"short\">6</td><td>中断</td>"
                    + "<td><span class=\"time\">11:25:00</span> – <span class=\"time\">11:40:30</span></td>"
                    + "<td class=\"short\">15分30秒</td>"
                    + "<td class=\"short\"><strong>▲ 缺失</strong></td><td>-</td><td class=\"short\">A0006.MP4</td>"
                    + "<td></td><td>no audio track in A0006.MP4</td></tr>"))
        #expect(html.contains("<td>1.2秒起 共3.4秒</td>"))
        #expect(html.contains("现场无异常情况。<br>已向值班领导报告。（王伟（警号 012345），2026-12-01 18:30:00）"))
        #expect(
            html.contains(
                "<td><span class=\"time\">11:55:00</span> – <span class=\"time\">2026-12-02 08:30:00</span></td>"))
    }

    @Test("Days are cut at midnight in the station's zone, not in UTC")
    func stationDays() {
        // 2026-12-01 17:30 UTC is 2026-12-02 01:30 in Shanghai.
        let late = SampleReports.at("2026-12-02 01:30:00")
        #expect(Timestamps.utc(late) == "2026-12-01T17:30:00Z")
        let report = GapReport(
            rows: [
                GapReport.Row(
                    id: 1, recorder: "R", kind: "interruption", inside: false, before: "a", after: "b",
                    beforeName: "A.MP4", afterName: "B.MP4", start: late, end: late.addingTimeInterval(60), seconds: 60,
                    explanation: "spoken")
            ],
            bars: [
                GapReport.Bar(
                    recorder: "R", sha256: "a", name: "A.MP4", start: late.addingTimeInterval(-600), duration: 600)
            ],
            timeZone: SampleReports.shanghai)
        #expect(report.recorderDays.map(\.day) == ["2026-12-02"])
        let html = report.renderHTML(language: .en)
        #expect(html.contains("<h2>recorder R · 2026-12-02</h2>"))
        #expect(html.contains(">01:00</text>"))
        #expect(html.contains(">02:00</text>"))
    }

    @Test("A report without gaps says so")
    func empty() {
        let html = GapReport(rows: [], bars: [], timeZone: SampleReports.shanghai).renderHTML(language: .zh)
        #expect(html.contains("<p class=\"empty\">此期间没有间隙。</p>"))
        #expect(html.contains("<dd>全部</dd>"))
    }
}
