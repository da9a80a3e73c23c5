// MARK: - CSV

extension GapReport {
    /// RFC 4180 CSV: a header row with the JSON field names, then one row per gap; an empty field stands for null.
    public func renderCSV() -> String {
        let lines = rows.map { row in
            [
                String(row.id), row.recorder, row.kind, row.inside ? "true" : "false", row.before, row.after,
                row.beforeName, row.afterName, row.start.map(Timestamps.utc) ?? "", row.end.map(Timestamps.utc) ?? "",
                JSON.number(row.seconds).replacingNull(), row.explanation ?? "",
                JSON.number(row.speechStart).replacingNull(), JSON.number(row.speechSeconds).replacingNull(),
                row.note ?? "", row.noteBy ?? "", row.noteAt.map(Timestamps.utc) ?? "", row.error ?? "",
            ]
        }
        return CSV.render(header: GapReport.fields, rows: lines)
    }
}

extension String {
    /// An empty field for JSON's null.
    fileprivate func replacingNull() -> String {
        self == "null" ? "" : self
    }
}
