import Foundation

/// Every word of the gap report that a person reads, in Chinese and in English.
///
/// The table and the HTML take all their text from here, so a translation is changed in one place. Values that
/// come from the catalog (kinds, explanations) are translated; an unfamiliar value is shown as it is.
struct ReportText: Sendable {
    var language: ReportLanguage

    private var zh: Bool { language == .zh }

    // MARK: - Gap kinds and explanations

    /// The name of a gap kind: `interruption` → 中断 / interruption.
    func kind(_ kind: String) -> String {
        switch kind {
        case "continuation": zh ? "续录" : "continuation"
        case "interruption": zh ? "中断" : "interruption"
        case "new_activity": zh ? "新活动" : "new activity"
        case "overlap": zh ? "重叠" : "overlap"
        case "unknown": zh ? "未知" : "unknown"
        default: kind
        }
    }

    /// The kind of a row, saying when the gap is a jump inside one clip.
    func kind(of row: GapReport.Row) -> String {
        guard row.inside else { return kind(row.kind) }
        return zh ? "\(kind(row.kind))（片内跳变）" : "\(kind(row.kind)) (jump in clip)"
    }

    /// The name of an explanation: `spoken` → 口头说明 / spoken.
    func explanation(_ explanation: String?) -> String {
        switch explanation {
        case nil: "-"
        case "spoken": zh ? "口头说明" : "spoken"
        case "written": zh ? "书面说明" : "written"
        case "missing": zh ? "缺失" : "missing"
        case let other?: other
        }
    }

    /// What the first clip of an activity says about its opening statement.
    func opening(_ statement: String) -> String {
        switch statement {
        case "spoken": zh ? "有开场陈述" : "opening statement"
        case "missing": zh ? "无开场陈述" : "no opening statement"
        default: zh ? "开场陈述：\(statement)" : "opening statement: \(statement)"
        }
    }

    var damaged: String { zh ? "已损坏" : "damaged" }
    var jumpInClip: String { zh ? "片内跳变" : "jump in clip" }

    // MARK: - Durations and times

    /// A length of time a person reads at a glance: `4 min 12 s` / `4分12秒`, `1.5 s` / `1.5秒`, `-` when unknown.
    ///
    /// Under ten seconds one decimal is kept (dropped when it is zero); from ten seconds on, whole seconds.
    func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "-" }
        let sign = seconds < 0 ? "-" : ""
        let value = abs(seconds)
        let tenths = (value * 10).rounded() / 10
        if tenths < 10 {
            let number = tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
            return sign + (zh ? "\(number)秒" : "\(number) s")
        }
        let total = Int(value.rounded())
        let hours = total / 3600
        let minutes = total % 3600 / 60
        let rest = total % 60
        var parts: [String] = []
        if hours > 0 { parts.append(zh ? "\(hours)小时" : "\(hours) h") }
        if minutes > 0 || (hours > 0 && rest > 0) { parts.append(zh ? "\(minutes)分" : "\(minutes) min") }
        if rest > 0 || parts.isEmpty { parts.append(zh ? "\(rest)秒" : "\(rest) s") }
        return sign + parts.joined(separator: zh ? "" : " ")
    }

    /// Where speech was found in the resumed recording: `at 1.2 s for 3.4 s` / `1.2秒起 共3.4秒`.
    func speech(start: Double?, seconds: Double?) -> String {
        guard let start else { return "-" }
        guard let seconds else { return zh ? "\(duration(start))起" : "at \(duration(start))" }
        return zh ? "\(duration(start))起 共\(duration(seconds))" : "at \(duration(start)) for \(duration(seconds))"
    }

    /// The period of the report: both ends, one end, or the whole catalog.
    func period(since: String?, until: String?) -> String {
        switch (since, until) {
        case (let since?, let until?): "\(since) – \(until)"
        case (let since?, nil): zh ? "\(since) 起" : "from \(since)"
        case (nil, let until?): zh ? "至 \(until)" : "until \(until)"
        case (nil, nil): zh ? "全部" : "all recordings"
        }
    }

    // MARK: - Notes and errors

    /// An operator's written explanation with who wrote it and when.
    func note(_ note: String?, by: String?, at: String?) -> String {
        guard let note else { return "" }
        switch (by, at) {
        case (let by?, let at?): return zh ? "\(note)（\(by)，\(at)）" : "\(note) (\(by), \(at))"
        case (let by?, nil): return zh ? "\(note)（\(by)）" : "\(note) (\(by))"
        case (nil, let at?): return zh ? "\(note)（\(at)）" : "\(note) (\(at))"
        case (nil, nil): return note
        }
    }

    func error(_ message: String) -> String {
        zh ? "错误：\(message)" : "error: \(message)"
    }

    // MARK: - Headings

    var title: String { zh ? "录像间隙报告" : "Gap report" }
    var generatedLabel: String { zh ? "生成时间" : "Generated" }
    var periodLabel: String { zh ? "期间" : "Period" }
    var timeZoneLabel: String { zh ? "时区" : "Time zone" }
    var noGaps: String { zh ? "此期间没有间隙。" : "No gaps in this period." }
    var undated: String { zh ? "时间未知" : "time unknown" }
    var legendLabel: String { zh ? "图例" : "Legend" }
    var summaryLabel: String { zh ? "汇总" : "Summary" }
    var clipLabel: String { zh ? "录像" : "clip" }

    func recorder(_ serial: String) -> String {
        zh ? "记录仪 \(serial)" : "recorder \(serial)"
    }

    /// Column headings of the terminal table.
    var tableHeader: [String] {
        zh
            ? ["编号", "记录仪", "类型", "停止", "恢复", "时长", "说明", "语音位置", "恢复录像", "备注"]
            : [
                "ID", "RECORDER", "KIND", "STOPPED", "RESUMED", "LENGTH", "EXPLANATION", "SPEECH", "RESUMED CLIP",
                "NOTE",
            ]
    }

    /// Column headings of the HTML table.
    var htmlHeader: [String] {
        zh
            ? ["编号", "类型", "停止 – 恢复", "时长", "说明", "语音位置", "恢复录像", "备注", "错误"]
            : ["ID", "Kind", "Stopped – resumed", "Length", "Explanation", "Speech", "Resumed clip", "Note", "Error"]
    }

    /// Column headings of the HTML summary by recorder.
    var summaryHeader: [String] {
        zh
            ? ["记录仪", "中断", "已说明", "口头", "书面", "未说明", "最长中断", "无开场陈述", "损坏录像"]
            : [
                "Recorder", "Interruptions", "Explained", "Spoken", "Written", "Unexplained", "Longest",
                "No opening statement", "Damaged clips",
            ]
    }

    // MARK: - Summaries

    /// One recorder's interruptions in a sentence: counts, explained and not, and the longest.
    func summary(recorder serial: String, _ tally: InterruptionTally) -> String {
        "\(recorder(serial))\(zh ? "：" : ": ")\(summary(tally))"
    }

    /// Interruptions in a sentence, without the recorder.
    func summary(_ tally: InterruptionTally) -> String {
        let longest = duration(tally.longest)
        if zh {
            return "中断 \(tally.interruptions) 次，已说明 \(tally.explained) 次（口头 \(tally.spoken)，书面 \(tally.written)），"
                + "未说明 \(tally.unexplained) 次，最长 \(longest)"
        }
        let noun = tally.interruptions == 1 ? "interruption" : "interruptions"
        return "\(tally.interruptions) \(noun), \(tally.explained) explained (\(tally.spoken) spoken, "
            + "\(tally.written) written), \(tally.unexplained) unexplained, longest \(longest)"
    }
}
