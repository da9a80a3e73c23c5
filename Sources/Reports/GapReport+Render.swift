// MARK: - GapFormat

/// How `custody gaps` writes the gap report.
public enum GapFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal, in the report's language.
    case table
    /// RFC 4180 CSV with a header row; field names as in JSON.
    case csv
    /// One JSON array, one object per gap; field names are kept stable for scripts.
    case json
    /// One self-contained HTML page with each recorder's timeline, in the report's language.
    case html
}

// MARK: - Rendering

extension GapReport {
    /// Writes the report in `format`; `language` is used by the table and the HTML, never by JSON or CSV.
    public func render(format: GapFormat, language: ReportLanguage) -> String {
        switch format {
        case .table: renderTable(language: language)
        case .csv: renderCSV()
        case .json: renderJSON()
        case .html: renderHTML(language: language)
        }
    }
}
