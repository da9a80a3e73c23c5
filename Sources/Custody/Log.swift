import Foundation
import Reports

/// How important a logged event is, with its syslog priority.
public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    case error = 3
    case warning = 4
    case notice = 5
    case info = 6
    case debug = 7

    public init?(name: String) {
        guard let level = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = level
    }

    public var name: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .notice: "notice"
        case .info: "info"
        case .debug: "debug"
        }
    }

    /// More important levels compare smaller, as syslog priorities do.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// Writes events to standard error as a fixed sentence followed by `key=value` pairs.
///
/// Under systemd (when `JOURNAL_STREAM` is set) each line starts with journald's `<N>` priority prefix
/// instead of the level's name, so the journal keeps the priority.
public struct Log: Sendable {
    /// The least important level written.
    public var level: LogLevel

    /// Whether lines carry journald's priority prefix.
    public var journald: Bool

    public init(level: LogLevel, journald: Bool = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil) {
        self.level = level
        self.journald = journald
    }

    /// Logs `message` with its fields, if `level` is important enough.
    public func callAsFunction(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level <= self.level else { return }
        FileHandle.standardError.write(Data((Log.line(level, message, fields, journald: journald) + "\n").utf8))
    }

    /// Formats one line; values with spaces, quotes or `=` are quoted, and control characters (a newline in a
    /// clip's name, say) are escaped so that nothing from a volume can start a line of its own.
    static func line(_ level: LogLevel, _ message: String, _ fields: KeyValuePairs<String, String>, journald: Bool)
        -> String
    {
        let message = message.escapingControlCharacters
        var line = journald ? "<\(level.rawValue)>" + message : level.name + ": " + message
        for (key, value) in fields {
            let value = value.escapingControlCharacters
            let needsQuotes = value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            let shown = needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
            line += " \(key)=\(shown)"
        }
        return line
    }
}
