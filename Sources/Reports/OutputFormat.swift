/// How a listing or report is written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// One JSON array; field names are kept stable for scripts.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}
