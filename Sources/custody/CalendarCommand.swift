import Calendar
import Custody
import Foundation
import Reports

/// `custody calendar`: whether a day is a working day and why, a range of days, or the years with a schedule.
enum CalendarCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "format", takesValue: true, help: "table, json or csv (default table)"),
            .init(name: "from", takesValue: true, help: "first day of a range, YYYY-MM-DD"),
            .init(name: "to", takesValue: true, help: "last day of a range, YYYY-MM-DD (at most 3660 days)"),
            .init(name: "years", takesValue: false, help: "list the years with a holiday schedule and their notices"),
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "calendar")
        if arguments.has("help") {
            say(
                Help.command(
                    "calendar DATE | --from DATE --to DATE | --years [--format table|json|csv]",
                    "Says whether a day is a working day in mainland China and why: weekday, weekend, public\n"
                        + "holiday, or make-up working day, and which State Council notice says so. A year with no\n"
                        + "schedule falls back to plain weekdays, and the answer says so. An administrator's file\n"
                        + "(holidays_file, default /etc/custody/holidays.txt when present) adds or replaces whole\n"
                        + "years. JSON fields: date, weekday, working_day, reason (weekday, weekend, holiday,\n"
                        + "make_up_workday), holiday, year_known, source.", options: options), terminator: "")
            return 0
        }
        let settings = try CommonOptions.settings(from: arguments)
        let formatName = arguments.value("format") ?? "table"
        guard let format = OutputFormat(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use table, json or csv")
        }
        let calendar = try settings.workingCalendar()

        if arguments.has("years") {
            guard arguments.positional.isEmpty, arguments.value("from") == nil, arguments.value("to") == nil else {
                throw UsageError("'--years' takes no DATE, --from or --to; see 'custody calendar --help'")
            }
            let file = settings.holidaysFile ?? Settings.defaultHolidaysFile
            let years = calendar.years.compactMap { year -> DayListing.Year? in
                guard let schedule = calendar.schedules[year] else { return nil }
                let origin = WorkingCalendar.bundled.schedules[year] == schedule ? "bundled" : file
                return DayListing.Year(
                    year: year, holidays: schedule.holidays.count, makeUpWorkdays: schedule.workdays.count,
                    origin: origin, source: schedule.source)
            }
            say(DayListing.render(years: years, format), terminator: "")
            return 0
        }

        let days: [CivilDate]
        switch (arguments.positional.count, arguments.value("from"), arguments.value("to")) {
        case (1, nil, nil):
            days = [try parse(arguments.positional[0], what: "DATE")]
        case (0, let from?, let to?):
            let first = try parse(from, what: "--from")
            let last = try parse(to, what: "--to")
            guard first <= last else { throw UsageError("--from \(first) is after --to \(last)") }
            guard first.days(to: last) < 3660 else {
                throw UsageError("--from \(first) --to \(last) spans more than 3660 days; ask for a shorter range")
            }
            days = (0...first.days(to: last)).map { first.adding(days: $0) }
        default:
            throw UsageError("give one DATE, or --from DATE and --to DATE, or --years; see 'custody calendar --help'")
        }
        let listed = days.map { date -> DayListing.Day in
            let status = calendar.day(date)
            let (reason, holiday): (String, String?) =
                switch status.reason {
                case .weekday: ("weekday", nil)
                case .weekend: ("weekend", nil)
                case .holiday(let name): ("holiday", name)
                case .makeUpWorkday(let name): ("make_up_workday", name)
                }
            return DayListing.Day(
                date: date.description, weekday: date.weekday.rawValue, isWorkingDay: status.isWorkingDay,
                reason: reason, holiday: holiday, source: status.source)
        }
        say(DayListing.render(days: listed, format), terminator: "")
        return 0
    }

    private static func parse(_ text: String, what: String) throws(UsageError) -> CivilDate {
        guard let date = CivilDate(string: text) else {
            throw UsageError("\(what) '\(text)' is not a date that exists; write it as YYYY-MM-DD, e.g. 2025-10-01")
        }
        return date
    }
}
