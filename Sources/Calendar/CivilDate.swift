import Foundation

// MARK: - CivilDate

/// A day on the proleptic Gregorian calendar, without a time or a time zone: what a notice or a deadline names.
///
/// Arithmetic on days is exact integer arithmetic. Turning a civil date into an instant, or an instant into a
/// civil date, always needs a time zone: the station's, which for mainland China is Asia/Shanghai.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2024.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist (2023-02-29, 2024-13-01, year 0 or below).
    public init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day), or returns `nil`.
    public init?(string: some StringProtocol) {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - Codable as `YYYY-MM-DD`

    /// Decodes from a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(string: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date written as YYYY-MM-DD")
        }
        self = date
    }

    /// Encodes as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: - Arithmetic

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// The same day `months` months later (earlier when negative); a day the target month lacks rolls forward.
    ///
    /// When the target month is too short (Jan 31 + 1 month, Feb 29 + 12 months) the result is the first day of the
    /// following month, never the last day of the short month: a retention period computed this way is never a day
    /// less than the full count of months.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let targetYear = index / 12
        let targetMonth = index % 12 + 1
        if let date = CivilDate(year: targetYear, month: targetMonth, day: day) {
            return date
        }
        let nextIndex = index + 1
        // The first day of any month between years 1 and 9999 exists; beyond that range dates are not meaningful
        // for custody and the arithmetic is clamped by the day-number constructor.
        return CivilDate(year: nextIndex / 12, month: nextIndex % 12 + 1, day: 1)
            ?? CivilDate(dayNumber: dayNumber + months * 31)
    }

    /// The same day `years` years later; Feb 29 in a year without one becomes Mar 1 (see ``adding(months:)``).
    public func adding(years: Int) -> CivilDate {
        adding(months: years * 12)
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CivilDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The day of the week.
    public var weekday: Weekday {
        // Day number 0 is 1970-01-01, a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    // MARK: - Instants

    /// The first instant of this day in `timeZone`.
    ///
    /// - Note: In a zone where midnight is skipped by a daylight-saving change, this is the first instant that
    ///   exists on the day. Mainland China has had no daylight saving since 1991.
    public func date(in timeZone: TimeZone) -> Date {
        let calendar = CivilDate.gregorian(timeZone)
        let components = DateComponents(year: year, month: month, day: day)
        if let date = calendar.date(from: components) {
            return calendar.startOfDay(for: date)
        }
        // Not reached for valid dates; fall back to midnight UTC shifted by the zone's standard offset.
        let utc = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
        return utc.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: utc)))
    }

    /// The civil date an instant falls on in `timeZone`.
    public static func of(_ date: Date, in timeZone: TimeZone) -> CivilDate {
        let components = gregorian(timeZone).dateComponents([.year, .month, .day], from: date)
        if let year = components.year, let month = components.month, let day = components.day,
            let civil = CivilDate(year: year, month: month, day: day)
        {
            return civil
        }
        // Not reached for instants between years 1 and 9999; fall back to day arithmetic on the zone's offset.
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return CivilDate(dayNumber: Int((local / 86_400).rounded(.down)))
    }

    // MARK: - Day numbers

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        // Days from civil: count from a March-based year so the leap day is the last day of the year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01, clamped to years 1 through 9999.
    public init(dayNumber: Int) {
        let clamped = min(max(dayNumber, -719_162), 2_932_896)
        let z = clamped + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.year = year
        self.month = month
        self.day = day
    }

    // MARK: - Helpers

    /// Whether `year` has a Feb 29.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func gregorian(_ timeZone: TimeZone) -> Foundation.Calendar {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}

// MARK: - Weekday

/// A day of the week, Monday first as in China.
public enum Weekday: String, Sendable, Codable, CaseIterable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }
}
