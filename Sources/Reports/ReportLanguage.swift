import Foundation

/// The language of reports that people read: Chinese or English.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh
    case en

    /// Chinese when `LANG` (or `LC_ALL`) starts with `zh`, English otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ReportLanguage {
        let value = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return value.lowercased().hasPrefix("zh") ? .zh : .en
    }
}
