import Foundation

// MARK: - Holiday data format

extension WorkingCalendar {
    /// Parses holiday data: the bundled copy and an administrator's file use this one format.
    ///
    /// ```
    /// # Lines starting with '#' and blank lines are ignored.
    /// source 2024 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）
    /// 2024-10-01 holiday 国庆节
    /// 2024-09-29 workday 国庆节
    /// ```
    ///
    /// - `source YEAR TEXT` names the notice a year's dates come from; every year with dates needs exactly one.
    ///   A year may have a source and no dates (a year whose holidays all fall on weekends).
    /// - `YYYY-MM-DD holiday NAME` is a day off; `YYYY-MM-DD workday NAME` is a make-up working day for the holiday
    ///   NAME and must be a Saturday or Sunday. NAME is the rest of the line and may contain spaces.
    /// - Each date belongs to the schedule of its own calendar year and may appear once.
    ///
    /// - Returns: one schedule per year, in year order.
    /// - Throws: ``HolidayDataError`` for the first wrong line, with its number.
    public static func parse(_ text: String) throws -> [HolidaySchedule] {
        var sources: [Int: (source: String, line: Int)] = [:]
        var entries: [(date: CivilDate, isHoliday: Bool, name: String, line: Int, text: String)] = []
        var seen: [CivilDate: Int] = [:]

        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }

            let fields = line.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
            func failure(_ reason: String, _ fix: String) -> HolidayDataError {
                HolidayDataError(line: lineNumber, text: line, reason: reason, fix: fix)
            }

            if fields[0] == "source" {
                guard fields.count == 3, fields[1].count == 4, let year = Int(fields[1]) else {
                    throw failure(
                        "a source line needs a four-digit year and the notice's title",
                        "write it as 'source 2024 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）'")
                }
                if let earlier = sources[year] {
                    throw failure(
                        "\(year) already has a source on line \(earlier.line)", "keep one source line per year")
                }
                sources[year] = (String(fields[2]).trimmingCharacters(in: .whitespaces), lineNumber)
                continue
            }

            guard let date = CivilDate(string: fields[0]) else {
                throw failure(
                    "'\(fields[0])' is neither 'source' nor a date that exists",
                    "start the line with a date written as YYYY-MM-DD, or with 'source'")
            }
            guard fields.count >= 2, fields[1] == "holiday" || fields[1] == "workday" else {
                throw failure(
                    "the second word must be 'holiday' or 'workday'",
                    "write 'YYYY-MM-DD holiday NAME' or 'YYYY-MM-DD workday NAME'")
            }
            let isHoliday = fields[1] == "holiday"
            let name = fields.count == 3 ? String(fields[2]).trimmingCharacters(in: .whitespaces) : ""
            guard !name.isEmpty else {
                throw failure("the holiday's name is missing", "end the line with the holiday's name, e.g. 国庆节")
            }
            if let earlier = seen[date] {
                throw failure("\(date) is already listed on line \(earlier)", "list each date once")
            }
            if !isHoliday && !date.weekday.isWeekend {
                throw failure(
                    "\(date) is a \(date.weekday.rawValue), and a make-up working day is always a Saturday or Sunday",
                    "check the date against the notice")
            }
            seen[date] = lineNumber
            entries.append((date, isHoliday, name, lineNumber, line))
        }

        var schedules: [Int: HolidaySchedule] = [:]
        for (year, source) in sources {
            schedules[year] = HolidaySchedule(year: year, holidays: [:], workdays: [:], source: source.source)
        }
        for entry in entries {
            guard schedules[entry.date.year] != nil else {
                throw HolidayDataError(
                    line: entry.line, text: entry.text,
                    reason: "no source line names the notice for \(entry.date.year)",
                    fix: "add 'source \(entry.date.year) TITLE（DOCUMENT NUMBER）' naming the notice")
            }
            if entry.isHoliday {
                schedules[entry.date.year]?.holidays[entry.date] = entry.name
            } else {
                schedules[entry.date.year]?.workdays[entry.date] = entry.name
            }
        }
        return schedules.keys.sorted().compactMap { schedules[$0] }
    }
}
