import Foundation

// MARK: - CreationTime

/// Reads a container's `creation_time` tag.
///
/// Accepts ISO 8601 date-times as containers write them: `2026-03-14T01:26:53Z`,
/// `2026-03-14T01:26:53.000000Z`, `2026-03-14T09:26:53+08:00`, `+0800`, and a space instead of the `T`.
/// A time without a zone is taken as UTC, which is what MP4 and MOV store.
public enum CreationTime {
    /// The earliest date taken as a real recording time; earlier ones come from a reset recorder clock.
    public static let earliestPlausible = Date(timeIntervalSince1970: 365 * 86_400)

    /// The tag as a date; nil when it cannot be read or lies before 1971.
    public static func parse(_ text: String) -> Date? {
        guard let date = parseISO8601(text), date >= earliestPlausible else {
            return nil
        }
        return date
    }

    /// The tag as a date, however early; nil when it cannot be read as ISO 8601.
    public static func parseISO8601(_ text: String) -> Date? {
        var scanner = Scanner(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
            let day = scanner.digits(2), scanner.take("T") || scanner.take("t") || scanner.take(" "),
            let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2), scanner.take(":"),
            let second = scanner.digits(2)
        else {
            return nil
        }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24,
            minute < 60, second < 61
        else {
            return nil
        }
        var fraction = 0.0
        if scanner.take(".") || scanner.take(",") {
            guard let digits = scanner.digitRun(), !digits.isEmpty else {
                return nil
            }
            fraction = Double("0." + digits) ?? 0
        }
        var offsetSeconds = 0
        if scanner.take("Z") || scanner.take("z") || scanner.atEnd {
            offsetSeconds = 0
        } else if let sign = scanner.sign() {
            guard let hours = scanner.digits(2) else {
                return nil
            }
            _ = scanner.take(":")
            let minutes = scanner.digits(2) ?? 0
            guard hours < 24, minutes < 60 else {
                return nil
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd else {
            return nil
        }
        let days = daysFromEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    // MARK: - Calendar arithmetic

    /// Days from 1970-01-01 to a proleptic Gregorian date.
    static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}

// MARK: - Scanner

/// Walks the bytes of a date-time from left to right.
private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard !atEnd, let ascii = character.asciiValue, bytes[index] == ascii else {
            return false
        }
        index += 1
        return true
    }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else {
            return nil
        }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (48...57).contains(byte) else {
                return nil
            }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    /// All decimal digits from here on, as text.
    mutating func digitRun() -> String? {
        let start = index
        while !atEnd, (48...57).contains(bytes[index]) {
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// +1 or -1 for a `+` or `-` sign.
    mutating func sign() -> Int? {
        if take("+") {
            return 1
        }
        if take("-") {
            return -1
        }
        return nil
    }
}
