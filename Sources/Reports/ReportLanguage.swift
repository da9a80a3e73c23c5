import Foundation

// MARK: - ReportLanguage

/// The language a report is written in for people (the table and the HTML); JSON and CSV keep English field names.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// Chinese.
    case zh
    /// English.
    case en

    /// The language the environment asks for: Chinese when `LC_ALL` (or, when that is unset, `LANG`) starts with
    /// `zh`, otherwise English.
    ///
    /// - Parameter environment: the variables to read; the process's own by default.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> ReportLanguage
    {
        let value = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return value.lowercased().hasPrefix("zh") ? .zh : .en
    }
}
