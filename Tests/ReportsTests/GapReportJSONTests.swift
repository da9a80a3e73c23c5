import Foundation
import Testing

@testable import Reports

/// The gap report's JSON and CSV forms, field by field.
@Suite("GapReport JSON and CSV")
struct GapReportJSONTests {
    static let before = String(repeating: "a", count: 64)
    static let after = String(repeating: "b", count: 64)

    static let report = GapReport(
        rows: [
            GapReport.Row(
                id: 3, recorder: "A123456", kind: "interruption", inside: false, before: before, after: after,
                beforeName: "A_0002.MP4", afterName: "A_0003.MP4", start: Date(timeIntervalSince1970: 1_773_451_643),
                end: Date(timeIntervalSince1970: 1_773_451_900), seconds: 257, explanation: "written",
                speechStart: 0.52, speechSeconds: 3.25, note: "battery, \"spare\" fitted", noteBy: "Li Na",
                noteAt: Date(timeIntervalSince1970: 1_773_460_000.5)),
            GapReport.Row(
                id: 4, recorder: "A123456", kind: "continuation", inside: true, before: after, after: after,
                beforeName: "A_0003.MP4", afterName: "A_0003.MP4", start: nil, end: nil, seconds: nil,
                explanation: nil),
        ], bars: [], timeZone: TimeZone(identifier: "Asia/Shanghai")!)  // A zone every tzdata has.

    @Test("JSON holds one object per gap with every field in order, times in UTC and nulls where nothing is known")
    func json() {
        let json = Self.report.render(format: .json, language: .en)
        #expect(
            json == "[{\"id\":3,\"recorder\":\"A123456\",\"kind\":\"interruption\",\"inside\":false,"
                + "\"before\":\"\(Self.before)\",\"after\":\"\(Self.after)\",\"before_name\":\"A_0002.MP4\","
                + "\"after_name\":\"A_0003.MP4\",\"start\":\"2026-03-14T01:27:23Z\",\"end\":\"2026-03-14T01:31:40Z\","
                + "\"seconds\":257,\"explanation\":\"written\",\"speech_start\":0.52,\"speech_seconds\":3.25,"
                + "\"note\":\"battery, \\\"spare\\\" fitted\",\"note_by\":\"Li Na\","
                + "\"note_at\":\"2026-03-14T03:46:40.500Z\",\"error\":null},\n"
                + " {\"id\":4,\"recorder\":\"A123456\",\"kind\":\"continuation\",\"inside\":true,"
                + "\"before\":\"\(Self.after)\",\"after\":\"\(Self.after)\",\"before_name\":\"A_0003.MP4\","
                + "\"after_name\":\"A_0003.MP4\",\"start\":null,\"end\":null,\"seconds\":null,\"explanation\":null,"
                + "\"speech_start\":null,\"speech_seconds\":null,\"note\":null,\"note_by\":null,\"note_at\":null,"
                + "\"error\":null}]\n")
    }

    @Test("An empty report is an empty JSON array")
    func emptyJSON() {
        let report = GapReport(rows: [], bars: [], timeZone: TimeZone(identifier: "UTC")!)  // UTC always exists.
        #expect(report.render(format: .json, language: .zh) == "[]\n")
    }

    @Test("CSV has the JSON field names as header, quotes a note with a comma, and leaves unknowns empty")
    func csv() {
        let lines = Self.report.render(format: .csv, language: .en).components(separatedBy: "\r\n")
        #expect(lines[0] == GapReport.fields.joined(separator: ","))
        #expect(
            lines[1] == "3,A123456,interruption,false,\(Self.before),\(Self.after),A_0002.MP4,A_0003.MP4,"
                + "2026-03-14T01:27:23Z,2026-03-14T01:31:40Z,257,written,0.52,3.25,\"battery, \"\"spare\"\" fitted\","
                + "Li Na,2026-03-14T03:46:40.500Z,")
        #expect(lines[2] == "4,A123456,continuation,true,\(Self.after),\(Self.after),A_0003.MP4,A_0003.MP4,,,,,,,,,,")
        #expect(lines.count == 4 && lines[3] == "")
    }

    @Test("The report language is Chinese for a LANG starting with zh, English otherwise")
    func language() {
        #expect(ReportLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(ReportLanguage.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(ReportLanguage.fromEnvironment(["LANG": "C"]) == .en)
        #expect(ReportLanguage.fromEnvironment([:]) == .en)
    }
}
