import Foundation

// MARK: - Rendering

extension DeadlineReport {
    /// How many days ahead a case file's deadline is shown before it passes.
    public static let caseFileWarningDays = 7

    /// The report as a table for people (in `language`), as JSON, or as CSV.
    ///
    /// JSON is one object:
    /// `{"generated", "timezone", "ingest_working_days", "clips": [...], "late": N, "unjudged": [...],
    /// "recorders": [...], "case_files": [...] or null, "fallback_years": [...]}`. Each entry of `clips` (every
    /// judged clip, on time or late) has `sha256`, `recorder`, `handler`, `original_name`, `end`, `due`,
    /// `ingested` (ISO 8601 UTC), `late` (bool), `late_seconds` (0 when on time), `fallback` and `field_work`
    /// (bools: the count assumed plain weekdays; the clip was on field work, due 1 working day after the return).
    /// `unjudged` entries have `sha256`, `recorder`, `original_name`, `ingested`, `reason`. `recorders` entries have
    /// `serial`, `handler`, `last_docked`, `latest_clip_end`, `due`, `working_days_since`, `fallback`, `field_work`.
    /// `case_files` is null when the catalog keeps no cases; its entries have `number`, `party`, `handler`, `ended`,
    /// `due`, `overdue`.
    ///
    /// CSV has one row per clip, judged or not: `status` (`on_time`, `late`, `cannot_judge`), `sha256`,
    /// `recorder`, `handler`, `original_name`, `end`, `due`, `ingested`, `late_seconds`, `fallback`. Recorders
    /// and case files are in the table and JSON only.
    public func render(_ format: OutputFormat, language: ReportLanguage = .en) -> String {
        switch format {
        case .table: table(language)
        case .json: json()
        case .csv: csv()
        }
    }

    // MARK: - Table

    func table(_ language: ReportLanguage) -> String {
        let zh = language == .zh
        let zone = timeZone.identifier
        let local = { (date: Date?) in date.map { Timestamps.local($0, in: timeZone) } ?? "-" }
        var out = ""

        out +=
            zh
            ? "逾期入库的片段（应于录制结束当日后第\(ingestWorkingDays)个工作日结束前入库；时间为 \(zone)）\n"
            : "Clips stored late (due by the end of working day \(ingestWorkingDays) after the recording day; "
                + "times in \(zone))\n"
        let late = lateClips
        if late.isEmpty {
            out += zh ? "无。\n" : "None.\n"
        } else {
            var table = TextTable(
                header: zh
                    ? ["记录仪", "使用人", "片段", "录制结束", "截止", "入库", "逾期"]
                    : ["RECORDER", "HANDLER", "CLIP", "ENDED", "DUE", "STORED", "LATE BY"])
            for clip in late {
                table.append([
                    clip.recorder, clip.handler ?? "-", clip.originalName, local(clip.end),
                    local(clip.due) + (clip.fieldWork ? (zh ? "（外勤）" : " (field work)") : ""),
                    local(clip.ingested),
                    DeadlineReport.span(clip.lateSeconds, language) + (clip.fallback ? (zh ? " *" : " *") : ""),
                ])
            }
            out += table.render()
        }
        let onTime = clips.count - late.count
        out += zh ? "按时 \(onTime) 个，逾期 \(late.count) 个。\n" : "\(onTime) on time, \(late.count) late.\n"

        if !unjudged.isEmpty {
            out +=
                zh
                ? "\n无法判断的片段（缺少开始时间或时长，无法计算期限）\n"
                : "\nClips that cannot be judged (no start time or duration, so no deadline)\n"
            var table = TextTable(
                header: zh ? ["记录仪", "片段", "入库", "原因", "SHA256"] : ["RECORDER", "CLIP", "STORED", "REASON", "SHA256"])
            for clip in unjudged {
                table.append([
                    clip.recorder, clip.originalName, local(clip.ingested),
                    zh ? DeadlineReport.reasonZH(clip.reason) : clip.reason, clip.sha256,
                ])
            }
            out += table.render()
        }

        out +=
            zh
            ? "\n超过\(ingestWorkingDays)个工作日未接入的记录仪（其录像可能逾期）\n"
            : "\nRecorders not docked for more than \(ingestWorkingDays) working days (their footage is at risk)\n"
        if silentRecorders.isEmpty {
            out += zh ? "无。\n" : "None.\n"
        } else {
            var table = TextTable(
                header: zh
                    ? ["记录仪", "使用人", "最后接入", "最新片段结束", "已过工作日", "截止"]
                    : ["RECORDER", "HANDLER", "LAST DOCKED", "LATEST CLIP END", "WORKING DAYS", "DUE"])
            for recorder in silentRecorders {
                table.append([
                    recorder.serial, recorder.handler ?? "-", local(recorder.lastDocked), local(recorder.latestClipEnd),
                    String(recorder.workingDaysSince) + (recorder.fallback ? " *" : ""),
                    local(recorder.due) + (recorder.fieldWork ? (zh ? "（外勤）" : " (field work)") : ""),
                ])
            }
            out += table.render()
        }

        if let caseFiles {
            out +=
                zh
                ? "\n\(DeadlineReport.caseFileWarningDays)日内到期或已逾期的案卷（执法结束后30日内）\n"
                : "\nCase files due within \(DeadlineReport.caseFileWarningDays) days or overdue "
                    + "(30 days after the action ended)\n"
            if caseFiles.isEmpty {
                out += zh ? "无。\n" : "None.\n"
            } else {
                var table = TextTable(
                    header: zh
                        ? ["案件编号", "当事人", "承办人", "执法结束", "截止", "状态"]
                        : ["CASE", "PARTY", "HANDLER", "ENDED", "DUE", "STATUS"])
                for file in caseFiles {
                    let status =
                        file.overdue
                        ? (zh ? "已逾期" : "overdue") : (zh ? "即将到期" : "due soon")
                    table.append([
                        file.number, file.party ?? "-", file.handler ?? "-", local(file.ended), local(file.due), status,
                    ])
                }
                out += table.render()
            }
        }

        if !fallbackYears.isEmpty {
            let years = fallbackYears.map(String.init).joined(separator: zh ? "、" : ", ")
            out +=
                zh
                ? "\n* 注意：\(years)年没有节假日安排数据，按周一至周五为工作日计算，可能漏算节假日；"
                    + "请在节假日文件（holidays_file）中补充该年。\n"
                : "\n* Note: no holiday schedule is known for \(years); plain weekdays were assumed there and a "
                    + "holiday may be missed. Add the year to the holidays file (holidays_file).\n"
        }
        return out
    }

    /// `8 h 00 min`, `2 d 3 h 05 min`, or in Chinese `8小时00分`, `2天3小时05分`.
    static func span(_ seconds: Double, _ language: ReportLanguage) -> String {
        let minutes = Int((seconds / 60).rounded(.up))
        let days = minutes / 1440
        let hours = (minutes % 1440) / 60
        let rest = minutes % 60
        let restText = rest < 10 ? "0\(rest)" : "\(rest)"
        switch language {
        case .zh: return (days > 0 ? "\(days)天" : "") + "\(hours)小时\(restText)分"
        case .en: return (days > 0 ? "\(days) d " : "") + "\(hours) h \(restText) min"
        }
    }

    static func reasonZH(_ reason: String) -> String {
        switch reason {
        case "no start time": "无开始时间"
        case "no duration": "无时长"
        case "no start time and no duration": "无开始时间和时长"
        default: reason
        }
    }

    // MARK: - JSON

    func json() -> String {
        let time = { (date: Date?) in JSON.string(date.map(Timestamps.utc)) }
        let clipObjects = clips.map { clip in
            JSON.object([
                ("sha256", JSON.string(clip.sha256)), ("recorder", JSON.string(clip.recorder)),
                ("handler", JSON.string(clip.handler)), ("original_name", JSON.string(clip.originalName)),
                ("end", time(clip.end)), ("due", time(clip.due)), ("ingested", time(clip.ingested)),
                ("late", clip.isLate ? "true" : "false"), ("late_seconds", JSON.number(clip.lateSeconds)),
                ("fallback", clip.fallback ? "true" : "false"), ("field_work", clip.fieldWork ? "true" : "false"),
            ])
        }
        let unjudgedObjects = unjudged.map { clip in
            JSON.object([
                ("sha256", JSON.string(clip.sha256)), ("recorder", JSON.string(clip.recorder)),
                ("original_name", JSON.string(clip.originalName)), ("ingested", time(clip.ingested)),
                ("reason", JSON.string(clip.reason)),
            ])
        }
        let recorderObjects = silentRecorders.map { recorder in
            JSON.object([
                ("serial", JSON.string(recorder.serial)), ("handler", JSON.string(recorder.handler)),
                ("last_docked", time(recorder.lastDocked)), ("latest_clip_end", time(recorder.latestClipEnd)),
                ("due", time(recorder.due)), ("working_days_since", JSON.number(recorder.workingDaysSince)),
                ("fallback", recorder.fallback ? "true" : "false"),
                ("field_work", recorder.fieldWork ? "true" : "false"),
            ])
        }
        let caseObjects = caseFiles.map { files in
            DeadlineReport.array(
                files.map { file in
                    JSON.object([
                        ("number", JSON.string(file.number)), ("party", JSON.string(file.party)),
                        ("handler", JSON.string(file.handler)), ("ended", time(file.ended)), ("due", time(file.due)),
                        ("overdue", file.overdue ? "true" : "false"),
                    ])
                })
        }
        return JSON.object([
            ("generated", time(generated)), ("timezone", JSON.string(timeZone.identifier)),
            ("ingest_working_days", JSON.number(ingestWorkingDays)), ("clips", DeadlineReport.array(clipObjects)),
            ("late", JSON.number(lateClips.count)), ("unjudged", DeadlineReport.array(unjudgedObjects)),
            ("recorders", DeadlineReport.array(recorderObjects)), ("case_files", caseObjects ?? "null"),
            ("fallback_years", "[" + fallbackYears.map(String.init).joined(separator: ",") + "]"),
        ]) + "\n"
    }

    static func array(_ objects: [String]) -> String {
        objects.isEmpty ? "[]" : "[\n  " + objects.joined(separator: ",\n  ") + "\n]"
    }

    // MARK: - CSV

    static let csvFields = [
        "status", "sha256", "recorder", "handler", "original_name", "end", "due", "ingested", "late_seconds",
        "fallback",
    ]

    func csv() -> String {
        var rows = clips.map { clip in
            [
                clip.isLate ? "late" : "on_time", clip.sha256, clip.recorder, clip.handler ?? "", clip.originalName,
                Timestamps.utc(clip.end), Timestamps.utc(clip.due), Timestamps.utc(clip.ingested),
                JSON.number(clip.lateSeconds), clip.fallback ? "true" : "false",
            ]
        }
        rows += unjudged.map { clip in
            [
                "cannot_judge", clip.sha256, clip.recorder, "", clip.originalName, "", "",
                Timestamps.utc(clip.ingested), "", "",
            ]
        }
        return CSV.render(header: DeadlineReport.csvFields, rows: rows)
    }
}
