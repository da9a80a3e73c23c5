import Foundation

// MARK: - WorkingCalendar

/// Working days in mainland China: weekdays, minus public holidays, plus make-up working days on weekends.
///
/// Built from one ``HolidaySchedule`` per year. ``bundled`` carries the State Council's published schedules; an
/// administrator's file adds years or replaces whole years with ``merging(_:)``. A date in a year with no schedule
/// falls back to plain weekdays, and ``day(_:)`` says so, because such a count can miss a holiday.
public struct WorkingCalendar: Sendable, Equatable {
    /// The schedules by year.
    public let schedules: [Int: HolidaySchedule]

    /// Creates a calendar; when two schedules name the same year the later one wins.
    public init(schedules: [HolidaySchedule]) {
        var byYear: [Int: HolidaySchedule] = [:]
        for schedule in schedules {
            byYear[schedule.year] = schedule
        }
        self.schedules = byYear
    }

    /// The State Council's published schedules, shipped inside the binary (see ``bundledData``).
    public static let bundled: WorkingCalendar = {
        // The bundled text is a constant of this module and a test parses it, so parsing cannot fail at run time.
        let schedules = try! WorkingCalendar.parse(bundledData)
        return WorkingCalendar(schedules: schedules)
    }()

    /// This calendar with `other`'s years added, each replacing the same year here as a whole.
    public func merging(_ other: WorkingCalendar) -> WorkingCalendar {
        WorkingCalendar(schedules: Array(schedules.values) + other.years.compactMap { other.schedules[$0] })
    }

    /// This calendar with the schedules in an administrator's file added, each replacing the same year as a whole.
    ///
    /// - Parameter path: a file in the format of ``parse(_:)``, normally under `/etc/custody/`.
    /// - Throws: ``HolidayDataError`` naming the file, and the line when the text is wrong.
    public func merging(contentsOf path: String) throws -> WorkingCalendar {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HolidayDataError(
                file: path, line: nil, text: nil,
                reason: "the file cannot be read as UTF-8 text (\(error.localizedDescription))",
                fix: "check the path in the configuration and that the file is readable by the custody user")
        }
        do {
            return merging(WorkingCalendar(schedules: try WorkingCalendar.parse(text)))
        } catch var error as HolidayDataError {
            error.file = path
            throw error
        }
    }

    /// The years with a schedule, in order.
    public var years: [Int] { schedules.keys.sorted() }

    // MARK: - Days

    /// Whether `date` is a working day, and why.
    public func day(_ date: CivilDate) -> DayStatus {
        let weekend = date.weekday.isWeekend
        guard let schedule = schedules[date.year] else {
            return DayStatus(date: date, isWorkingDay: !weekend, reason: weekend ? .weekend : .weekday, source: nil)
        }
        if let name = schedule.holidays[date] {
            return DayStatus(date: date, isWorkingDay: false, reason: .holiday(name), source: schedule.source)
        }
        if let name = schedule.workdays[date] {
            return DayStatus(date: date, isWorkingDay: true, reason: .makeUpWorkday(for: name), source: schedule.source)
        }
        return DayStatus(
            date: date, isWorkingDay: !weekend, reason: weekend ? .weekend : .weekday, source: schedule.source)
    }

    /// Whether `date` is a working day.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        day(date).isWorkingDay
    }

    /// The `n`-th working day after `date` (before it when `n` is negative); `date` itself when `n` is 0.
    ///
    /// The day `date` is never counted, whether or not it is a working day: a period starts the next day
    /// (Civil Code article 201).
    public func addingWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        let step = n < 0 ? -1 : 1
        var remaining = abs(n)
        var current = date
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) {
                remaining -= 1
            }
        }
        return current
    }

    /// Whether any day from `start` through `end` lies in a year with no schedule (so a count over it may be wrong).
    public func usesFallback(from start: CivilDate, through end: CivilDate) -> Bool {
        let low = min(start, end).year
        let high = max(start, end).year
        return (low...high).contains { schedules[$0] == nil }
    }
}
