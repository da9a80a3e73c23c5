import Foundation

/// One recorder's day drawn as an SVG timeline: clips as bars along a time axis with hour ticks, gaps marked.
///
/// Interruptions are marked by explanation with a shape as well as a colour, so a black-and-white print still
/// tells them apart: spoken is a circle, written a square, missing a triangle with `!`, a hatched band and a
/// label. Opening statements are flags under the first clip of each activity; new activities are separated by a
/// dashed line; a jump inside a clip is a zigzag inside its bar; a damaged clip is hatched.
struct DayTimeline: Sendable {
    /// Maps a time to a horizontal position in the drawing.
    struct Scale: Sendable, Equatable {
        var start: Date
        var end: Date
        var left: Double
        var width: Double

        /// The x of a time; times outside the axis fall outside `left ... left + width`.
        func x(_ date: Date) -> Double {
            let span = end.timeIntervalSince(start)
            guard span > 0 else { return left }
            return left + width * date.timeIntervalSince(start) / span
        }
    }

    static let width = 1200.0
    static let left = 40.0
    static let right = 40.0
    static let height = 194.0
    static let barTop = 58.0
    static let barHeight = 30.0
    static let axis = 100.0

    var bars: [GapReport.Bar]
    var rows: [GapReport.Row]
    var timeZone: TimeZone
    var text: ReportText
    /// Makes the pattern ids of this drawing unique in the document.
    var identifier: String
    var scale: Scale

    init(bars: [GapReport.Bar], rows: [GapReport.Row], timeZone: TimeZone, text: ReportText, identifier: String) {
        self.bars = bars
        self.rows = rows
        self.timeZone = timeZone
        self.text = text
        self.identifier = identifier
        var times = bars.flatMap { [$0.start, $0.start.addingTimeInterval(max(0, $0.duration))] }
        // A new activity may resume the next day: its end would stretch this day's axis over the night.
        times += rows.flatMap { [$0.start, $0.kind == "new_activity" ? nil : $0.end].compactMap { $0 } }
        self.scale = DayTimeline.scale(covering: times, in: timeZone)
    }

    /// An axis from the whole hour before the earliest time to the whole hour after the latest, at least one hour.
    static func scale(covering times: [Date], in zone: TimeZone) -> Scale {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let earliest = times.min() ?? Date(timeIntervalSince1970: 0)
        let latest = times.max() ?? earliest
        let start = calendar.dateInterval(of: .hour, for: earliest)?.start ?? earliest
        let latestHour = calendar.dateInterval(of: .hour, for: latest)?.start ?? latest
        var end = latestHour == latest ? latest : latestHour.addingTimeInterval(3600)
        if end.timeIntervalSince(start) < 3600 { end = start.addingTimeInterval(3600) }
        return Scale(start: start, end: end, left: left, width: width - left - right)
    }

    // MARK: - Drawing

    /// The `<svg>` element, sized to the page's width.
    func svg() -> String {
        var parts = [
            "<svg class=\"timeline\" viewBox=\"0 0 \(n(DayTimeline.width)) \(n(DayTimeline.height))\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">",
            DayTimeline.patterns(identifier),
        ]
        parts += axisElements()
        parts += bars.map(barElement)
        parts += gapElements()
        parts += openingElements()
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func axisElements() -> [String] {
        let axis = DayTimeline.axis
        var parts = [
            "<line class=\"axis\" x1=\"\(n(scale.left))\" y1=\"\(n(axis))\" x2=\"\(n(scale.left + scale.width))\" "
                + "y2=\"\(n(axis))\"/>"
        ]
        let span = scale.end.timeIntervalSince(scale.start)
        let step: Double = span > 24 * 3600 ? 4 * 3600 : span > 12 * 3600 ? 2 * 3600 : 3600
        var tick = scale.start
        while tick <= scale.end {
            let x = n(scale.x(tick))
            let label = String(Timestamps.local(tick, in: timeZone).dropFirst(11).prefix(5))
            parts.append("<line class=\"tick\" x1=\"\(x)\" y1=\"\(n(axis - 5))\" x2=\"\(x)\" y2=\"\(n(axis + 5))\"/>")
            parts.append("<text class=\"tick-label\" x=\"\(x)\" y=\"\(n(axis + 18))\">\(label)</text>")
            tick = tick.addingTimeInterval(step)
        }
        if span <= 4 * 3600 {
            var minor = scale.start.addingTimeInterval(900)
            while minor < scale.end {
                if minor.timeIntervalSince(scale.start).truncatingRemainder(dividingBy: 3600) != 0 {
                    let x = n(scale.x(minor))
                    parts.append(
                        "<line class=\"tick minor\" x1=\"\(x)\" y1=\"\(n(axis - 3))\" x2=\"\(x)\" y2=\"\(n(axis + 3))\"/>"
                    )
                }
                minor = minor.addingTimeInterval(900)
            }
        }
        return parts
    }

    private func barElement(_ bar: GapReport.Bar) -> String {
        let x = scale.x(bar.start)
        let width = max(1.5, scale.x(bar.start.addingTimeInterval(max(0, bar.duration))) - x)
        let end = bar.start.addingTimeInterval(bar.duration)
        var title = "\(bar.name)  \(clock(bar.start)) – \(clock(end))  \(text.duration(bar.duration))"
        if let damaged = bar.damaged { title += "  \(text.damaged): \(damaged)" }
        // A style attribute, not a fill attribute: the stylesheet's fill for clips would override the latter.
        let fill = bar.damaged == nil ? "" : " style=\"fill: url(#damaged-\(identifier))\""
        let kind = bar.damaged == nil ? "clip" : "clip damaged"
        var element =
            "<rect class=\"\(kind)\" x=\"\(n(x))\" y=\"\(n(DayTimeline.barTop))\" width=\"\(n(width))\" "
            + "height=\"\(n(DayTimeline.barHeight))\"\(fill)><title>\(title.htmlEscaped)</title></rect>"
        if bar.damaged != nil {
            let labelX = x + width / 2
            element +=
                "\n<line class=\"leader\" x1=\"\(n(labelX))\" y1=\"\(n(DayTimeline.barTop + DayTimeline.barHeight))\" "
                + "x2=\"\(n(labelX))\" y2=\"\(n(DayTimeline.height - 18))\"/>"
                + "\n<text class=\"damaged-label\" \(labelPlace(labelX, gap: 4)) y=\"\(n(DayTimeline.height - 6))\">"
                + "\(text.damaged.htmlEscaped): \(bar.name.htmlEscaped)</text>"
        }
        return element
    }

    private func gapElements() -> [String] {
        var parts: [String] = []
        var lastMarker: (x: Double, level: Int)?
        let top = DayTimeline.barTop
        let bottom = DayTimeline.barTop + DayTimeline.barHeight
        let dated = rows.filter { $0.start != nil }.sorted { ($0.start ?? .distantPast) < ($1.start ?? .distantPast) }
        for row in dated {
            guard let start = row.start else { continue }
            let x1 = scale.x(start)
            let x2 = row.end.map { scale.x($0) } ?? (row.seconds.map { scale.x(start.addingTimeInterval($0)) } ?? x1)
            let (low, high) = (min(x1, x2), max(x1, x2))
            let title = gapTitle(row).htmlEscaped
            switch row.kind {
            case "continuation":
                parts.append(
                    "<line class=\"continuation\" x1=\"\(n(x1))\" y1=\"\(n(top - 4))\" x2=\"\(n(x1))\" y2=\"\(n(top))\">"
                        + "<title>\(title)</title></line>")
                continue
            case "new_activity":
                let x = min((low + high) / 2, scale.left + scale.width)
                // Near the right end the label goes left of the line, so that it stays inside the drawing.
                let label = labelPlace(x, gap: 4)
                parts.append(
                    "<g class=\"new-activity\"><title>\(title)</title><line x1=\"\(n(x))\" y1=\"4\" x2=\"\(n(x))\" "
                        + "y2=\"\(n(DayTimeline.axis))\"/><text \(label) y=\"12\">"
                        + "\(text.kind("new_activity").htmlEscaped)</text></g>")
                continue
            default:
                break
            }
            let style = DayTimeline.style(kind: row.kind, explanation: row.explanation)
            var group = "<g class=\"gap \(style)\" data-id=\"\(row.id)\"><title>\(title)</title>"
            if row.inside {
                group += zigzag(x: x1, style: style)
            } else {
                let fill = style == "missing" || style == "overlap" ? "url(#\(style)-\(identifier))" : ""
                let fillAttribute = fill.isEmpty ? "" : " style=\"fill: \(fill)\""
                group +=
                    "<rect class=\"band\" x=\"\(n(low))\" y=\"\(n(top))\" width=\"\(n(max(2, high - low)))\" "
                    + "height=\"\(n(bottom - top))\"\(fillAttribute)/>"
            }
            let markerX = min(max((low + high) / 2, scale.left), scale.left + scale.width)
            let level = lastMarker.map { markerX - $0.x < 120 ? 1 - $0.level : 0 } ?? 0
            lastMarker = (markerX, level)
            let y = level == 0 ? 26.0 : 46.0
            group +=
                "<line class=\"leader\" x1=\"\(n(markerX))\" y1=\"\(n(y + 7))\" x2=\"\(n(markerX))\" y2=\"\(n(top))\"/>"
            group += DayTimeline.marker(style: style, x: markerX, y: y)
            var label = "#\(row.id)"
            if style == "missing" { label += " " + text.explanation("missing") }
            if style == "overlap" { label += " " + text.kind("overlap") }
            if row.inside { label += " " + text.jumpInClip }
            group +=
                "<text class=\"marker-label\" \(labelPlace(markerX, gap: 10)) y=\"\(n(y + 4))\">\(label.htmlEscaped)</text>"
            parts.append(group + "</g>")
        }
        return parts
    }

    private func openingElements() -> [String] {
        var parts: [String] = []
        var lastX: Double?
        var level = 0
        let bottom = DayTimeline.barTop + DayTimeline.barHeight
        for bar in bars.sorted(by: { $0.start < $1.start }) {
            guard let statement = bar.openingStatement else { continue }
            let x = scale.x(bar.start)
            level = lastX.map { x - $0 < 160 ? 1 - level : 0 } ?? 0
            lastX = x
            let y = level == 0 ? 138.0 : 158.0
            let style = statement == "spoken" ? "opening-spoken" : "opening-missing"
            var title = "\(bar.name): \(text.opening(statement))"
            if let start = bar.openingSpeechStart {
                title += "  " + text.speech(start: start, seconds: bar.openingSpeechSeconds)
            }
            var group = "<g class=\"opening \(style)\"><title>\(title.htmlEscaped)</title>"
            group += "<line class=\"leader\" x1=\"\(n(x))\" y1=\"\(n(bottom))\" x2=\"\(n(x))\" y2=\"\(n(y + 6))\"/>"
            group += DayTimeline.marker(style: style, x: x, y: y)
            group += "<text class=\"marker-label\" \(labelPlace(x, gap: 10)) y=\"\(n(y + 4))\">"
            group += "\(text.opening(statement).htmlEscaped)</text></g>"
            parts.append(group)
        }
        return parts
    }

    /// A label's x: right of the point, or left of it (anchored at its end) near the right end of the axis, so
    /// that it stays inside the drawing.
    private func labelPlace(_ x: Double, gap: Double) -> String {
        x > scale.left + scale.width - 160 ? "x=\"\(n(x - gap))\" text-anchor=\"end\"" : "x=\"\(n(x + gap))\""
    }

    private func zigzag(x: Double, style: String) -> String {
        let top = DayTimeline.barTop
        let step = DayTimeline.barHeight / 6
        let points = (0...6).map { index in
            "\(n(x + (index % 2 == 0 ? -3 : 3))),\(n(top + Double(index) * step))"
        }
        return "<polyline class=\"zigzag\" points=\"\(points.joined(separator: " "))\"/>"
    }

    private func gapTitle(_ row: GapReport.Row) -> String {
        var title =
            "#\(row.id) \(text.kind(of: row)) \(clock(row.start)) – \(clock(row.end)) "
            + "\(text.duration(row.seconds))"
        if row.explanation != nil { title += " " + text.explanation(row.explanation) }
        return title
    }

    private func clock(_ date: Date?) -> String {
        date.map { String(Timestamps.local($0, in: timeZone).dropFirst(11)) } ?? "?"
    }

    // MARK: - Shapes shared with the legend

    /// The class that colours a gap: its explanation for interruptions, else its kind.
    static func style(kind: String, explanation: String?) -> String {
        switch kind {
        case "interruption":
            switch explanation {
            case "spoken": "spoken"
            case "written": "written"
            case "missing": "missing"
            default: "unknown"
            }
        case "overlap": "overlap"
        default: "unknown"
        }
    }

    /// A marker centred on (x, y): circle (spoken), square (written), triangle with `!` (missing, opening missing),
    /// diamond (overlap), pennant (opening spoken), circle with `?` (anything else).
    static func marker(style: String, x: Double, y: Double) -> String {
        switch style {
        case "spoken":
            return "<circle class=\"marker\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"6\"/>"
        case "written":
            return "<rect class=\"marker\" x=\"\(n(x - 6))\" y=\"\(n(y - 6))\" width=\"12\" height=\"12\"/>"
        case "missing", "opening-missing":
            return
                "<path class=\"marker\" d=\"M\(n(x)),\(n(y - 9)) L\(n(x + 8)),\(n(y + 6)) L\(n(x - 8)),\(n(y + 6)) Z\"/>"
                + "<text class=\"bang\" x=\"\(n(x))\" y=\"\(n(y + 5))\">!</text>"
        case "overlap":
            return "<path class=\"marker\" d=\"M\(n(x)),\(n(y - 8)) L\(n(x + 8)),\(n(y)) L\(n(x)),\(n(y + 8)) "
                + "L\(n(x - 8)),\(n(y)) Z\"/>"
        case "opening-spoken":
            return
                "<path class=\"marker\" d=\"M\(n(x)),\(n(y - 7)) L\(n(x + 11)),\(n(y - 2)) L\(n(x)),\(n(y + 3)) Z\"/>"
        default:
            return "<circle class=\"marker\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"6\"/>"
                + "<text class=\"bang\" x=\"\(n(x))\" y=\"\(n(y + 4))\">?</text>"
        }
    }

    /// Hatches for damaged clips, missing explanations and overlaps; ids end in `identifier`.
    static func patterns(_ identifier: String) -> String {
        func hatch(_ name: String, background: String, line: String, angle: Int, width: Int) -> String {
            "<pattern id=\"\(name)-\(identifier)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" "
                + "patternTransform=\"rotate(\(angle))\"><rect width=\"8\" height=\"8\" fill=\"\(background)\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"\(line)\" stroke-width=\"\(width)\"/></pattern>"
        }
        return "<defs>"
            + hatch("damaged", background: "#eceff1", line: "#455a64", angle: -45, width: 2)
            + hatch("missing", background: "#ffebee", line: "#c62828", angle: 45, width: 3)
            + hatch("overlap", background: "#f3e5f5", line: "#6a1b9a", angle: 90, width: 2)
            + "</defs>"
    }
}

/// A coordinate with at most one decimal, without a trailing `.0`.
private func n(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
}

extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` escaped, safe in HTML text and quoted attributes.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
