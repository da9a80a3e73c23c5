import Foundation

extension GapReport {
    /// The gap report as one self-contained HTML page, for a browser or for printing on A4.
    ///
    /// Styles and drawings are inline (CSS and SVG); nothing is fetched. The page opens with the title, when it
    /// was generated, the period and the station's time zone, a summary by recorder and a legend. Then, for each
    /// recorder and each day in the station's zone (a new printed page each): a timeline, that day's summary and
    /// the full table of its gaps. Gaps whose time is unknown get a section of their own, without a timeline.
    /// All text from the catalog (names, notes, errors) is escaped.
    public func renderHTML(language: ReportLanguage) -> String {
        let text = ReportText(language: language)
        var body = [header(text), overview(text)]
        for (index, day) in recorderDays.enumerated() {
            body.append(section(day, number: index, text))
        }
        if rows.isEmpty { body.append("<p class=\"empty\">\(text.noGaps.htmlEscaped)</p>") }
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(text.title.htmlEscaped)</title>
            <style>
            \(GapReport.css)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    // MARK: - Recorder days

    /// One recorder's clips and gaps that start on one day of the station's zone; `day` is nil for gaps whose
    /// time is unknown.
    struct RecorderDay {
        var recorder: String
        var day: String?
        var bars: [Bar]
        var rows: [Row]
    }

    /// Recorder by recorder, day by day; undated gaps last for their recorder.
    var recorderDays: [RecorderDay] {
        func day(_ date: Date?) -> String? {
            date.map { String(Timestamps.local($0, in: timeZone).prefix(10)) }
        }
        var result: [RecorderDay] = []
        let ordered = orderedRows
        for recorder in recorders {
            let recorderBars = bars.filter { $0.recorder == recorder }.sorted { $0.start < $1.start }
            let recorderRows = ordered.filter { $0.recorder == recorder }
            let days = Set(
                recorderBars.compactMap { day($0.start) } + recorderRows.compactMap { day($0.start ?? $0.end) })
            for key in days.sorted() {
                result.append(
                    RecorderDay(
                        recorder: recorder, day: key, bars: recorderBars.filter { day($0.start) == key },
                        rows: recorderRows.filter { day($0.start ?? $0.end) == key }))
            }
            let undated = recorderRows.filter { $0.start == nil && $0.end == nil }
            if !undated.isEmpty {
                result.append(RecorderDay(recorder: recorder, day: nil, bars: [], rows: undated))
            }
        }
        return result
    }

    // MARK: - Parts of the page

    private func header(_ text: ReportText) -> String {
        let zone = "\(timeZone.identifier) (UTC\(GapReport.offset(timeZone.secondsFromGMT(for: generated))))"
        let period = text.period(since: since.map(localMinute), until: until.map(localMinute))
        return """
            <header>
            <h1>\(text.title.htmlEscaped)</h1>
            <dl class="meta">
            <dt>\(text.generatedLabel.htmlEscaped)</dt><dd>\(localTime(generated).htmlEscaped)</dd>
            <dt>\(text.periodLabel.htmlEscaped)</dt><dd>\(period.htmlEscaped)</dd>
            <dt>\(text.timeZoneLabel.htmlEscaped)</dt><dd>\(zone.htmlEscaped)</dd>
            </dl>
            </header>
            """
    }

    private func overview(_ text: ReportText) -> String {
        var lines = ["<section class=\"overview\">", "<h2>\(text.summaryLabel.htmlEscaped)</h2>"]
        lines.append("<table class=\"summary\"><thead><tr>")
        lines.append(text.summaryHeader.map { "<th>\($0.htmlEscaped)</th>" }.joined())
        lines.append("</tr></thead><tbody>")
        for recorder in recorders {
            let tally = InterruptionTally(rows.filter { $0.recorder == recorder })
            let recorderBars = bars.filter { $0.recorder == recorder }
            let openingsMissing = recorderBars.filter { $0.openingStatement == "missing" }.count
            let damaged = recorderBars.filter { $0.damaged != nil }.count
            let cells = [
                recorder, String(tally.interruptions), String(tally.explained), String(tally.spoken),
                String(tally.written), String(tally.unexplained), text.duration(tally.longest), String(openingsMissing),
                String(damaged),
            ]
            let warn = tally.unexplained > 0 || openingsMissing > 0 ? " class=\"warn\"" : ""
            lines.append("<tr\(warn)>" + cells.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>")
        }
        lines.append("</tbody></table>")
        lines.append(legend(text))
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    /// Each symbol of the timelines at its natural size, beside its meaning.
    private func legend(_ text: ReportText) -> String {
        let separator = text.language == .zh ? "：" : ": "
        let interruption = text.kind("interruption")
        let entries: [(String, String)] = [
            ("clip", text.clipLabel), ("damaged", text.damaged),
            ("spoken", interruption + separator + text.explanation("spoken")),
            ("written", interruption + separator + text.explanation("written")),
            ("missing", interruption + separator + text.explanation("missing")),
            ("jump", text.jumpInClip), ("overlap", text.kind("overlap")), ("new_activity", text.kind("new_activity")),
            ("opening-spoken", text.opening("spoken")), ("opening-missing", text.opening("missing")),
        ]
        var items: [String] = []
        for (index, entry) in entries.enumerated() {
            let shape: String
            switch entry.0 {
            case "clip":
                shape = "<rect class=\"clip\" x=\"2\" y=\"3\" width=\"26\" height=\"16\"/>"
            case "damaged":
                shape =
                    "<rect class=\"clip damaged\" x=\"2\" y=\"3\" width=\"26\" height=\"16\" "
                    + "style=\"fill: url(#damaged-legend)\"/>"
            case "jump":
                shape =
                    "<rect class=\"clip\" x=\"2\" y=\"3\" width=\"26\" height=\"16\"/><g class=\"gap missing\">"
                    + "<polyline class=\"zigzag\" points=\"13,3 17,7 13,11 17,15 13,19\"/></g>"
            case "new_activity":
                shape = "<g class=\"new-activity\"><line x1=\"15\" y1=\"0\" x2=\"15\" y2=\"22\"/></g>"
            case "opening-spoken", "opening-missing":
                shape = "<g class=\"opening \(entry.0)\">\(DayTimeline.marker(style: entry.0, x: 12, y: 12))</g>"
            default:
                shape = "<g class=\"gap \(entry.0)\">\(DayTimeline.marker(style: entry.0, x: 15, y: 11))</g>"
            }
            // The hatch patterns are defined once, in the first symbol; ids are shared by the whole page.
            let patterns = index == 0 ? DayTimeline.patterns("legend") : ""
            items.append(
                "<li><svg class=\"symbol\" width=\"30\" height=\"22\" viewBox=\"0 0 30 22\" "
                    + "xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\">\(patterns)\(shape)</svg>"
                    + "<span>\(entry.1.htmlEscaped)</span></li>")
        }
        return "<figure class=\"legend\"><figcaption>\(text.legendLabel.htmlEscaped)</figcaption><ul>\n"
            + items.joined(separator: "\n") + "\n</ul></figure>"
    }

    private func section(_ day: RecorderDay, number: Int, _ text: ReportText) -> String {
        var lines = ["<section class=\"day\">"]
        let heading = "\(text.recorder(day.recorder)) · \(day.day ?? text.undated)"
        lines.append("<h2>\(heading.htmlEscaped)</h2>")
        if day.day != nil, !day.bars.isEmpty || day.rows.contains(where: { $0.start != nil }) {
            let timeline = DayTimeline(
                bars: day.bars, rows: day.rows, timeZone: timeZone, text: text, identifier: "d\(number)")
            lines.append(timeline.svg())
        }
        var summary = text.summary(InterruptionTally(day.rows))
        let openingsMissing = day.bars.filter { $0.openingStatement == "missing" }.count
        if openingsMissing > 0 {
            summary +=
                (text.language == .zh ? "；" : "; ") + "\(text.opening("missing"))\(text.language == .zh ? "：" : ": ")"
                + "\(openingsMissing)"
        }
        lines.append("<p class=\"day-summary\">\(summary.htmlEscaped)</p>")
        if !day.rows.isEmpty {
            lines.append(gapTable(day, text))
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private func gapTable(_ day: RecorderDay, _ text: ReportText) -> String {
        var lines = ["<table class=\"gaps\"><thead><tr>"]
        lines.append(text.htmlHeader.map { "<th>\($0.htmlEscaped)</th>" }.joined())
        lines.append("</tr></thead><tbody>")
        for row in day.rows {
            let style = DayTimeline.style(kind: row.kind, explanation: row.explanation)
            let unexplained = row.kind == "interruption" && style != "spoken" && style != "written"
            var explanation = text.explanation(row.explanation).htmlEscaped
            if unexplained { explanation = "<strong>▲ \(explanation)</strong>" }
            // Each time stays whole; a long pair may break after the dash.
            let times =
                "<span class=\"time\">\(clockOrDate(row.start, on: day.day).htmlEscaped)</span> – "
                + "<span class=\"time\">\(clockOrDate(row.end, on: day.day).htmlEscaped)</span>"
            let note = text.note(row.note, by: row.noteBy, at: row.noteAt.map { localTime($0) })
            let cells = [
                String(row.id).htmlEscaped, text.kind(of: row).htmlEscaped, times,
                text.duration(row.seconds).htmlEscaped, explanation,
                text.speech(start: row.speechStart, seconds: row.speechSeconds).htmlEscaped,
                row.afterName.htmlEscaped, note.htmlEscaped.replacingOccurrences(of: "\n", with: "<br>"),
                (row.error ?? "").htmlEscaped,
            ]
            let classes = [row.kind.htmlEscaped, unexplained ? "unexplained" : nil].compactMap { $0 }
            // Id, length, explanation and clip keep to one line; kind, times, speech, note and error wrap.
            let tds = cells.enumerated().map { index, cell in
                [0, 3, 4, 6].contains(index) ? "<td class=\"short\">\(cell)</td>" : "<td>\(cell)</td>"
            }
            lines.append("<tr class=\"\(classes.joined(separator: " "))\">" + tds.joined() + "</tr>")
        }
        lines.append("</tbody></table>")
        return lines.joined(separator: "\n")
    }

    // MARK: - Times

    /// `hh:mm:ss` when the time falls on `day`, the full local time otherwise.
    private func clockOrDate(_ date: Date?, on day: String?) -> String {
        guard let date else { return "?" }
        let local = Timestamps.local(date, in: timeZone)
        return local.hasPrefix(day ?? "-") ? String(local.dropFirst(11)) : local
    }

    private func localMinute(_ date: Date) -> String {
        String(Timestamps.local(date, in: timeZone).prefix(16))
    }

    /// `+08:00` for eight hours east of UTC.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }

    // MARK: - Style

    static let css = """
        :root { --spoken: #2e7d32; --written: #1565c0; --missing: #c62828; --overlap: #6a1b9a; --ink: #212121; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
          "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", "DejaVu Sans", sans-serif;
          color: var(--ink); margin: 24px; font-size: 14px; line-height: 1.4; }
        h1 { font-size: 22px; margin: 0 0 8px; }
        h2 { font-size: 17px; margin: 24px 0 6px; border-bottom: 2px solid #90a4ae; padding-bottom: 2px; }
        dl.meta { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; margin: 0; }
        dl.meta dt { font-weight: bold; }
        dl.meta dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 12px; }
        th, td { border: 1px solid #b0bec5; padding: 3px 5px; text-align: left; vertical-align: top; }
        th { background: #eceff1; }
        td { overflow-wrap: break-word; }
        td.short, span.time, table.gaps th:first-child { white-space: nowrap; }
        tr.unexplained td, tr.warn td { background: #ffebee; }
        tr.unexplained strong { color: var(--missing); }
        figure.legend { margin: 8px 0; }
        figure.legend figcaption { font-weight: bold; font-size: 13px; }
        figure.legend ul { list-style: none; margin: 4px 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 18px; }
        figure.legend li { display: flex; align-items: center; gap: 6px; font-size: 12px; }
        svg.symbol { display: inline-block; }
        svg.timeline { width: 100%; height: auto; display: block; font-family: inherit; }
        svg text { font-size: 15px; fill: var(--ink); }
        .axis, .tick { stroke: #424242; stroke-width: 1; }
        .tick.minor { stroke: #9e9e9e; }
        .tick-label { text-anchor: middle; font-size: 14px; }
        .clip { fill: #90a4ae; stroke: #37474f; stroke-width: 1; }
        .clip.damaged { stroke: #263238; stroke-width: 1.5; }
        .damaged-label { font-size: 14px; font-style: italic; }
        .continuation { stroke: #616161; stroke-width: 1; }
        .leader { stroke: #757575; stroke-width: 1; stroke-dasharray: 2 2; }
        .new-activity line { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 6 4; }
        .new-activity text { font-size: 14px; font-style: italic; }
        .gap.spoken .marker, .opening-spoken .marker { fill: var(--spoken); }
        .gap.spoken .band { fill: #c8e6c9; stroke: var(--spoken); }
        .gap.written .marker { fill: var(--written); }
        .gap.written .band { fill: #bbdefb; stroke: var(--written); }
        .gap.missing .marker, .opening-missing .marker { fill: var(--missing); }
        .gap.missing .band { stroke: var(--missing); stroke-width: 2; }
        .gap.missing .marker-label, .opening-missing .marker-label { fill: var(--missing); font-weight: bold; }
        .gap.overlap .marker { fill: var(--overlap); }
        .gap.overlap .band { stroke: var(--overlap); opacity: 0.8; }
        .gap.unknown .marker { fill: #757575; }
        .gap.unknown .band { fill: #e0e0e0; stroke: #757575; }
        .zigzag { fill: none; stroke-width: 2.5; stroke: #757575; }
        .gap.spoken .zigzag { stroke: var(--spoken); }
        .gap.written .zigzag { stroke: var(--written); }
        .gap.missing .zigzag { stroke: var(--missing); stroke-width: 3; }
        .bang { fill: #ffffff !important; font-weight: bold; font-size: 11px; text-anchor: middle; }
        .marker-label { font-size: 15px; }
        .day-summary { font-weight: bold; margin: 4px 0; }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { margin: 0; font-size: 11px; }
          section.day { break-before: page; }
          table { font-size: 10px; }
          tr { break-inside: avoid; }
          svg.timeline { break-inside: avoid; }
        }
        """
}
