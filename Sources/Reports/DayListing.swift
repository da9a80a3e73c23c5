import Foundation

// MARK: - DayListing

/// `custody calendar`: days with whether each is a working day and why, or the years the calendar knows.
///
/// JSON for days is an array of `{"date", "weekday", "working_day", "reason", "holiday", "year_known", "source"}`:
/// `reason` is `weekday`, `weekend`, `holiday` or `make_up_workday`; `holiday` names the holiday (or the one a
/// make-up working day is for) and is null otherwise; `source` is the notice, null when the year has no schedule
/// and plain weekdays were assumed. JSON for years is an array of `{"year", "holidays", "make_up_workdays",
/// "origin", "source"}` with `origin` either `bundled` or the administrator's file.
public struct DayListing: Sendable {
    /// One day.
    public struct Day: Sendable, Equatable {
        /// `YYYY-MM-DD`.
        public var date: String
        /// `monday` … `sunday`.
        public var weekday: String
        /// Whether offices work that day.
        public var isWorkingDay: Bool
        /// `weekday`, `weekend`, `holiday` or `make_up_workday`.
        public var reason: String
        /// The holiday's name, for a holiday or a make-up working day.
        public var holiday: String?
        /// The notice covering the year, or `nil` for a plain-weekday fallback.
        public var source: String?

        /// Creates a day.
        public init(
            date: String, weekday: String, isWorkingDay: Bool, reason: String, holiday: String?, source: String?
        ) {
            self.date = date
            self.weekday = weekday
            self.isWorkingDay = isWorkingDay
            self.reason = reason
            self.holiday = holiday
            self.source = source
        }
    }

    /// One year with a schedule.
    public struct Year: Sendable, Equatable {
        /// The year.
        public var year: Int
        /// How many days off the schedule lists.
        public var holidays: Int
        /// How many make-up working days it lists.
        public var makeUpWorkdays: Int
        /// `bundled`, or the path of the administrator's file the year came from.
        public var origin: String
        /// The notice.
        public var source: String

        /// Creates a year.
        public init(year: Int, holidays: Int, makeUpWorkdays: Int, origin: String, source: String) {
            self.year = year
            self.holidays = holidays
            self.makeUpWorkdays = makeUpWorkdays
            self.origin = origin
            self.source = source
        }
    }

    /// Renders days as a table or JSON (CSV is written like the table's columns).
    public static func render(days: [Day], _ format: OutputFormat) -> String {
        let header = ["DATE", "WEEKDAY", "WORKING DAY", "WHY", "SOURCE"]
        let rows = days.map { day -> [String] in
            let why =
                switch day.reason {
                case "holiday": "public holiday \(day.holiday ?? "")"
                case "make_up_workday": "make-up working day for \(day.holiday ?? "")"
                default: day.reason
                }
            let source = day.source ?? "no holiday schedule for \(day.date.prefix(4)): plain weekdays assumed"
            return [day.date, day.weekday, day.isWorkingDay ? "yes" : "no", why, source]
        }
        switch format {
        case .table:
            var table = TextTable(header: header)
            rows.forEach { table.append($0) }
            return table.render()
        case .csv:
            return CSV.render(header: ["date", "weekday", "working_day", "why", "source"], rows: rows)
        case .json:
            let objects = days.map { day in
                JSON.object([
                    ("date", JSON.string(day.date)), ("weekday", JSON.string(day.weekday)),
                    ("working_day", day.isWorkingDay ? "true" : "false"), ("reason", JSON.string(day.reason)),
                    ("holiday", JSON.string(day.holiday)), ("year_known", day.source == nil ? "false" : "true"),
                    ("source", JSON.string(day.source)),
                ])
            }
            return "[" + objects.joined(separator: ",\n ") + "]\n"
        }
    }

    /// Renders the known years as a table or JSON; the table ends with a note on the fallback.
    public static func render(years: [Year], _ format: OutputFormat) -> String {
        let rows = years.map { year in
            [String(year.year), String(year.holidays), String(year.makeUpWorkdays), year.origin, year.source]
        }
        switch format {
        case .table:
            var table = TextTable(header: ["YEAR", "HOLIDAYS", "MAKE-UP DAYS", "FROM", "SOURCE"])
            rows.forEach { table.append($0) }
            return table.render()
                + "Other years fall back to plain weekdays (Monday to Friday) and miss their holidays.\n"
        case .csv:
            return CSV.render(header: ["year", "holidays", "make_up_workdays", "origin", "source"], rows: rows)
        case .json:
            let objects = years.map { year in
                JSON.object([
                    ("year", JSON.number(year.year)), ("holidays", JSON.number(year.holidays)),
                    ("make_up_workdays", JSON.number(year.makeUpWorkdays)), ("origin", JSON.string(year.origin)),
                    ("source", JSON.string(year.source)),
                ])
            }
            return "[" + objects.joined(separator: ",\n ") + "]\n"
        }
    }
}
