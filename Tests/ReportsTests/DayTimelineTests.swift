import Foundation
import Testing

@testable import Reports

@Suite("DayTimeline")
struct DayTimelineTests {
    private func morning() -> DayTimeline {
        let report = SampleReports.small
        return DayTimeline(
            bars: report.bars, rows: report.rows, timeZone: report.timeZone, text: ReportText(language: .en),
            identifier: "t")
    }

    @Test("The axis runs from the whole hour before the first clip to the whole hour after the last, in the zone")
    func axis() {
        let scale = morning().scale
        #expect(scale.start == SampleReports.at("2026-12-01 09:00:00"))
        #expect(scale.end == SampleReports.at("2026-12-01 11:00:00"))
        #expect(scale.left == 40)
        #expect(scale.width == 1120)

        let kolkata = TimeZone(identifier: "Asia/Kolkata")!  // a zone in the tz database; cannot be nil
        let times = [Date(timeIntervalSince1970: 1_764_560_000), Date(timeIntervalSince1970: 1_764_561_000)]
        let local = DayTimeline.scale(covering: times, in: kolkata)
        #expect(Timestamps.local(local.start, in: kolkata).hasSuffix(":00:00"))
        #expect(local.end.timeIntervalSince(local.start) == 3600)
    }

    @Test(
        "x is proportional to the time along the axis",
        arguments: [
            ("2026-12-01 09:00:00", 40.0), ("2026-12-01 10:00:00", 600.0), ("2026-12-01 11:00:00", 1160.0),
            ("2026-12-01 09:30:00", 320.0), ("2026-12-01 08:00:00", -520.0),
        ])
    func positions(_ time: String, _ x: Double) {
        #expect(morning().scale.x(SampleReports.at(time)) == x)
    }

    @Test("Each clip is a bar from its start to its end, and each interruption a band over its gap")
    func bars() {
        let svg = morning().svg()
        // 09:00:00 for 600 s: x = 40, width = 1120 × 600 / 7200.
        #expect(svg.contains("<rect class=\"clip\" x=\"40\" y=\"58\" width=\"93.3\" height=\"30\">"))
        // 09:10:01 for 600 s: x = 40 + 1120 × 601 / 7200 = 133.49.
        #expect(svg.contains("<rect class=\"clip\" x=\"133.5\" y=\"58\" width=\"93.3\" height=\"30\">"))
        // 09:24:13 for 900 s: x = 40 + 1120 × 1453 / 7200 = 266.02.
        #expect(svg.contains("<rect class=\"clip\" x=\"266\" y=\"58\" width=\"140\" height=\"30\">"))
        // The spoken interruption from 09:20:01 to 09:24:13.
        #expect(svg.contains("<rect class=\"band\" x=\"226.8\" y=\"58\" width=\"39.2\" height=\"30\"/>"))
        // The missing one, 09:52:00 to 09:53:30, hatched: 40 + 1120 × 3120 / 7200 = 525.33, 1120 × 90 / 7200 = 14.
        #expect(
            svg.contains(
                "<rect class=\"band\" x=\"525.3\" y=\"58\" width=\"14\" height=\"30\" style=\"fill: url(#missing-t)\"/>"
            ))
        #expect(svg.components(separatedBy: "<rect class=\"clip\"").count - 1 == 5)
        #expect(svg.components(separatedBy: "class=\"tick-label\"").count - 1 == 3)
    }

    @Test("A missing explanation is a triangle with a label, not a colour alone; spoken is a circle, written a square")
    func markers() {
        let svg = morning().svg()
        #expect(svg.contains("<g class=\"gap missing\" data-id=\"4\">"))
        // Within 120 of the previous marker (the written one at 442.3), so on the second level, centred at y = 46.
        #expect(svg.contains("<path class=\"marker\" d=\"M532.3,37 L540.3,52 L524.3,52 Z\"/>"))
        #expect(svg.contains(">#4 missing</text>"))
        #expect(svg.contains("<g class=\"gap spoken\" data-id=\"2\">"))
        #expect(svg.contains("<circle class=\"marker\" cx=\"246.4\" cy=\"26\" r=\"6\"/>"))
        #expect(svg.contains("<g class=\"gap written\" data-id=\"3\">"))
        #expect(svg.contains("<g class=\"opening opening-spoken\">"))
        #expect(svg.contains("<line class=\"continuation\" x1=\"133.3\" y1=\"54\""))
    }

    @Test("A damaged clip is hatched and labelled; a jump inside a clip is a zigzag inside its bar")
    func damagedAndJumps() {
        let report = SampleReports.realistic
        let day = report.recorderDays[0]
        let svg = DayTimeline(
            bars: day.bars, rows: day.rows, timeZone: report.timeZone, text: ReportText(language: .zh), identifier: "d0"
        ).svg()
        #expect(svg.contains("<rect class=\"clip damaged\""))
        #expect(svg.contains("style=\"fill: url(#damaged-d0)\"><title>A0004.MP4  09:47:00 – 09:52:00  5分  已损坏: "))
        #expect(svg.contains(">已损坏: A0004.MP4</text>"))
        #expect(svg.contains("<g class=\"gap missing\" data-id=\"3\"><title>#3 中断（片内跳变） 09:30:00 – 09:31:30 1分30秒 缺失"))
        #expect(svg.contains("<polyline class=\"zigzag\""))
        #expect(svg.contains("<g class=\"opening opening-missing\">"))
        #expect(svg.components(separatedBy: "<g class=\"new-activity\">").count - 1 == 2)
    }
}
