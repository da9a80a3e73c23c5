import Foundation

@testable import Calendar

// MARK: - Helpers shared by the calendar suites

// Both identifiers are in every tz database Foundation ships; a missing one would fail every test loudly.
let shanghai = TimeZone(identifier: "Asia/Shanghai")!
let utc = TimeZone(identifier: "UTC")!

/// A civil date from a literal the test knows is valid.
func day(_ text: String) -> CivilDate {
    guard let date = CivilDate(string: text) else {
        preconditionFailure("test literal \(text) is not a valid date")
    }
    return date
}

/// The instant of a wall-clock time in a zone, e.g. `instant("2024-09-30 23:30", in: shanghai)`.
func instant(_ text: String, in zone: TimeZone) -> Date {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    guard let date = formatter.date(from: text) else {
        preconditionFailure("test literal \(text) is not yyyy-MM-dd HH:mm")
    }
    return date
}

/// An instant written in UTC as ISO 8601, e.g. `iso("2024-10-09T16:00:00Z")`.
func iso(_ text: String) -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else {
        preconditionFailure("test literal \(text) is not ISO 8601")
    }
    return date
}
