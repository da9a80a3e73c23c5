// MARK: - HolidayDataError

/// Holiday data that cannot be used: which file and line, what is wrong with it, and what to do.
public struct HolidayDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or `nil` for text given directly.
    public var file: String?
    /// The 1-based line number, or `nil` when the problem is not on one line.
    public var line: Int?
    /// The offending line as written.
    public var text: String?
    /// What is wrong.
    public var reason: String
    /// What to do about it.
    public var fix: String

    /// Creates an error.
    public init(file: String? = nil, line: Int?, text: String?, reason: String, fix: String) {
        self.file = file
        self.line = line
        self.text = text
        self.reason = reason
        self.fix = fix
    }

    /// `error: cannot use holiday data '/etc/custody/holidays.txt' line 12 ('2024-13-01 holiday 元旦'): …; …`
    public var description: String {
        var place = "holiday data"
        if let file { place += " '\(file)'" }
        if let line { place += " line \(line)" }
        if let text { place += " ('\(text)')" }
        return "error: cannot use \(place): \(reason); \(fix)"
    }
}
