import Foundation

@testable import Reports

/// Gap reports built from known values, for the table, HTML and browser tests.
enum SampleReports {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!  // a zone in the tz database; cannot be nil

    /// A time in the station's zone (UTC+8), written `2026-12-01 09:00:00`.
    static func at(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = shanghai
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        guard let date = formatter.date(from: text) else { preconditionFailure("bad sample time \(text)") }
        return date
    }

    static func sha(_ name: String) -> String {
        String(
            (name.unicodeScalars.map { String($0.value, radix: 16) }.joined() + String(repeating: "0", count: 64))
                .prefix(64))
    }

    static func bar(
        _ recorder: String, _ name: String, _ start: String, _ duration: Double, opening: String? = nil,
        damaged: String? = nil
    ) -> GapReport.Bar {
        GapReport.Bar(
            recorder: recorder, sha256: sha(name), name: name, start: at(start), duration: duration,
            openingStatement: opening, openingSpeechStart: opening == "spoken" ? 0.8 : nil,
            openingSpeechSeconds: opening == "spoken" ? 6.2 : nil, damaged: damaged)
    }

    static func row(
        _ id: Int64, _ recorder: String, _ kind: String, _ before: String, _ after: String, _ start: String?,
        _ end: String?, _ seconds: Double?, _ explanation: String?, inside: Bool = false
    ) -> GapReport.Row {
        GapReport.Row(
            id: id, recorder: recorder, kind: kind, inside: inside, before: sha(before), after: sha(after),
            beforeName: before, afterName: after, start: start.map(at), end: end.map(at), seconds: seconds,
            explanation: explanation)
    }

    /// One recorder, one morning: a continuation, a spoken and a missing interruption, and a new activity.
    static var small: GapReport {
        var spoken = row(
            2, "DSJ-0001", "interruption", "A0002.MP4", "A0003.MP4", "2026-12-01 09:20:01",
            "2026-12-01 09:24:13", 252, "spoken")
        spoken.speechStart = 1.2
        spoken.speechSeconds = 3.4
        var written = row(
            3, "DSJ-0001", "interruption", "A0003.MP4", "A0004.MP4", "2026-12-01 09:39:13",
            "2026-12-01 09:47:00", 467, "written")
        written.note = "电池没电，更换电池"
        written.noteBy = "王伟"
        written.noteAt = at("2026-12-01 18:00:00")
        return GapReport(
            rows: [
                written,
                row(
                    1, "DSJ-0001", "continuation", "A0001.MP4", "A0002.MP4", "2026-12-01 09:10:00",
                    "2026-12-01 09:10:01", 1, nil),
                spoken,
                row(
                    4, "DSJ-0001", "interruption", "A0004.MP4", "A0005.MP4", "2026-12-01 09:52:00",
                    "2026-12-01 09:53:30", 90, "missing"),
            ],
            bars: [
                bar("DSJ-0001", "A0001.MP4", "2026-12-01 09:00:00", 600, opening: "spoken"),
                bar("DSJ-0001", "A0002.MP4", "2026-12-01 09:10:01", 600),
                bar("DSJ-0001", "A0003.MP4", "2026-12-01 09:24:13", 900),
                bar("DSJ-0001", "A0004.MP4", "2026-12-01 09:47:00", 300),
                bar("DSJ-0001", "A0005.MP4", "2026-12-01 09:53:30", 600),
            ],
            timeZone: shanghai, generated: at("2026-12-02 08:00:00"))
    }

    /// Two recorders over two days with every kind and explanation, a jump inside a clip, an overlap, a damaged
    /// clip, a missing opening statement, a gap of unknown time, and a long note in Chinese.
    static var realistic: GapReport {
        let a = "DSJ-0001"
        let b = "DSJ-0002"
        var rows: [GapReport.Row] = [
            row(1, a, "continuation", "A0001.MP4", "A0002.MP4", "2026-12-01 09:10:00", "2026-12-01 09:10:01", 1, nil),
            row(
                2, a, "interruption", "A0002.MP4", "A0003.MP4", "2026-12-01 09:20:01", "2026-12-01 09:24:13", 252,
                "spoken"),
            row(
                3, a, "interruption", "A0003.MP4", "A0003.MP4", "2026-12-01 09:30:00", "2026-12-01 09:31:30", 90,
                "missing", inside: true),
            row(
                4, a, "interruption", "A0003.MP4", "A0004.MP4", "2026-12-01 09:39:13", "2026-12-01 09:47:00", 467,
                "written"),
            row(
                5, a, "new_activity", "A0004.MP4", "A0005.MP4", "2026-12-01 09:52:00", "2026-12-01 11:05:00", 4380,
                nil),
            row(
                6, a, "interruption", "A0005.MP4", "A0006.MP4", "2026-12-01 11:25:00", "2026-12-01 11:40:30", 930,
                "missing"),
            row(7, a, "overlap", "A0006.MP4", "A0007.MP4", "2026-12-01 11:50:30", "2026-12-01 11:50:00", 30, nil),
            row(
                8, a, "new_activity", "A0007.MP4", "A0008.MP4", "2026-12-01 11:55:00", "2026-12-02 08:30:00", 74_700,
                nil),
            row(
                9, a, "interruption", "A0008.MP4", "A0009.MP4", "2026-12-02 09:00:00", "2026-12-02 09:02:00", 120,
                "written"),
            row(10, a, "unknown", "A0009.MP4", "A0010.MP4", nil, nil, nil, nil),
            row(
                11, b, "interruption", "B0001.MP4", "B0002.MP4", "2026-12-01 14:30:00", "2026-12-01 14:33:00", 180,
                "missing"),
            row(
                12, b, "interruption", "B0000.MP4", "B0003.MP4", "2026-12-02 10:10:00", "2026-12-02 10:11:05", 65,
                "spoken"),
        ]
        rows[1].speechStart = 1.2
        rows[1].speechSeconds = 3.4
        rows[3].note =
            "执法过程中记录仪电量耗尽，自动关机。执勤民警王伟立即更换备用电池并恢复录像，"
            + "期间当事人情绪稳定，现场无异常情况。\n已向值班领导报告。"
        rows[3].noteBy = "王伟（警号 012345）"
        rows[3].noteAt = at("2026-12-01 18:30:00")
        rows[5].error = "no audio track in A0006.MP4"
        rows[8].note = "<script>alert('x')</script> & \"storage full\""
        rows[8].noteBy = "Li Na"
        rows[8].noteAt = at("2026-12-02 12:00:00")
        rows[9].error = "the start time of A0010.MP4 is unknown"
        rows[11].speechStart = 0.5
        rows[11].speechSeconds = 8
        let bars = [
            bar(a, "A0001.MP4", "2026-12-01 09:00:00", 600, opening: "spoken"),
            bar(a, "A0002.MP4", "2026-12-01 09:10:01", 600),
            bar(a, "A0003.MP4", "2026-12-01 09:24:13", 900),
            bar(a, "A0004.MP4", "2026-12-01 09:47:00", 300, damaged: "Invalid data found when processing input"),
            bar(a, "A0005.MP4", "2026-12-01 11:05:00", 1200, opening: "missing"),
            bar(a, "A0006.MP4", "2026-12-01 11:40:30", 600),
            bar(a, "A0007.MP4", "2026-12-01 11:50:00", 300),
            bar(a, "A0008.MP4", "2026-12-02 08:30:00", 1800, opening: "spoken"),
            bar(a, "A0009.MP4", "2026-12-02 09:02:00", 900),
            bar(b, "B0001.MP4", "2026-12-01 14:00:00", 1800, opening: "missing"),
            bar(b, "B0002.MP4", "2026-12-01 14:33:00", 1200),
            bar(b, "B0003.MP4", "2026-12-02 10:11:05", 600, opening: nil),
            bar(b, "B0000.MP4", "2026-12-02 09:40:00", 1800, opening: "spoken"),
        ]
        return GapReport(
            rows: rows, bars: bars, timeZone: shanghai, generated: at("2026-12-03 08:00:00"),
            since: at("2026-12-01 00:00:00"), until: at("2026-12-03 00:00:00"))
    }
}
