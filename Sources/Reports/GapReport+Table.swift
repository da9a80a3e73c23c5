import Foundation

extension GapReport {
    /// The gap report for a terminal: one line per gap, then one summary line per recorder.
    ///
    /// Kinds and explanations are translated, times are read in the station's zone, lengths are written as
    /// `4 min 12 s` / `4分12秒`. Columns are aligned with wide (CJK) characters counted as two columns. Line
    /// breaks in a note are shown as spaces so that each gap stays on one line.
    public func renderTable(language: ReportLanguage) -> String {
        let text = ReportText(language: language)
        let zoneLine = language == .zh ? "时间为 \(timeZone.identifier) 时区" : "times in \(timeZone.identifier)"
        guard !rows.isEmpty else { return text.noGaps + "\n" + zoneLine + "\n" }

        var table = TextTable(header: text.tableHeader)
        for row in orderedRows {
            table.append(tableCells(row, text))
        }
        let summaries = recorders.map { recorder in
            text.summary(recorder: recorder, InterruptionTally(rows.filter { $0.recorder == recorder }))
        }
        return table.render() + "\n" + summaries.joined(separator: "\n") + "\n" + zoneLine + "\n"
    }

    // MARK: - Shared by the table and the HTML

    /// Rows by recorder, then by when recording stopped (unknown times last), then by id.
    var orderedRows: [Row] {
        rows.sorted { left, right in
            if left.recorder != right.recorder { return left.recorder < right.recorder }
            switch (left.start, right.start) {
            case (let a?, let b?) where a != b: return a < b
            case (.some, nil): return true
            case (nil, .some): return false
            default: return left.id < right.id
            }
        }
    }

    /// Every recorder with a gap or a clip in the report, sorted.
    var recorders: [String] {
        Array(Set(rows.map(\.recorder) + bars.map(\.recorder))).sorted()
    }

    func localTime(_ date: Date?) -> String {
        date.map { Timestamps.local($0, in: timeZone) } ?? "-"
    }

    // MARK: - Cells

    private func tableCells(_ row: Row, _ text: ReportText) -> [String] {
        var note = text.note(row.note, by: row.noteBy, at: row.noteAt.map { Timestamps.local($0, in: timeZone) })
        if let error = row.error {
            note = note.isEmpty ? text.error(error) : note + "; " + text.error(error)
        }
        let oneLine = note.split(whereSeparator: \.isNewline).joined(separator: " ")
        return [
            String(row.id), row.recorder, text.kind(of: row), localTime(row.start), localTime(row.end),
            text.duration(row.seconds), text.explanation(row.explanation),
            text.speech(start: row.speechStart, seconds: row.speechSeconds), row.afterName,
            oneLine.isEmpty ? "-" : oneLine,
        ]
    }
}
