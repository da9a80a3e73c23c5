import Foundation
import Testing

@testable import Calendar

@Suite("WorkingCalendar")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar.bundled

    // MARK: - Bundled data

    @Test("The bundled data parses into 2024, 2025 and 2026, each naming its notice")
    func bundledYears() {
        #expect(calendar.years == [2024, 2025, 2026])
        #expect(calendar.schedules[2024]?.source.contains("国办发明电〔2023〕7号") == true)
        #expect(calendar.schedules[2025]?.source.contains("国办发明电〔2024〕12号") == true)
        #expect(calendar.schedules[2026]?.source.contains("国办发明电〔2025〕7号") == true)
        #expect(calendar.schedules.values.allSatisfy { $0.source.contains("\($0.year)年部分节假日安排的通知") })
    }

    @Test(
        "Each year has the days off and make-up working days of its notice",
        arguments: [
            (
                2024, 30,
                [
                    "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
                    "2024-10-12",
                ]
            ),
            (2025, 28, ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]),
            (2026, 33, ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]),
        ])
    func bundledCounts(_ year: Int, _ daysOff: Int, _ workdays: [String]) throws {
        let schedule = try #require(calendar.schedules[year])
        #expect(schedule.holidays.count == daysOff)
        #expect(schedule.workdays.keys.sorted() == workdays.map(day))
        #expect(schedule.holidays.keys.allSatisfy { $0.year == year })
    }

    @Test(
        "Holiday periods run exactly as the notices say",
        arguments: [
            ("2024-02-10", "2024-02-17", "春节"), ("2024-10-01", "2024-10-07", "国庆节"),
            ("2024-06-08", "2024-06-10", "端午节"), ("2025-01-28", "2025-02-04", "春节"),
            ("2025-05-01", "2025-05-05", "劳动节"), ("2025-10-01", "2025-10-08", "国庆节、中秋节"),
            ("2026-01-01", "2026-01-03", "元旦"), ("2026-02-15", "2026-02-23", "春节"),
            ("2026-05-01", "2026-05-05", "劳动节"), ("2026-10-01", "2026-10-07", "国庆节"),
        ])
    func holidayPeriods(_ first: String, _ last: String, _ name: String) {
        var date = day(first)
        while date <= day(last) {
            #expect(calendar.day(date).reason == .holiday(name), "\(date)")
            date = date.adding(days: 1)
        }
        #expect(calendar.day(day(first).adding(days: -1)).reason != .holiday(name))
        #expect(calendar.day(day(last).adding(days: 1)).reason != .holiday(name))
    }

    // MARK: - Day status

    @Test("Day statuses say whether a day is worked and why")
    func dayStatuses() {
        let sourceOf2024 = calendar.schedules[2024]?.source
        #expect(
            calendar.day(day("2024-10-12"))
                == DayStatus(
                    date: day("2024-10-12"), isWorkingDay: true, reason: .makeUpWorkday(for: "国庆节"),
                    source: sourceOf2024))
        #expect(
            calendar.day(day("2024-10-01"))
                == DayStatus(
                    date: day("2024-10-01"), isWorkingDay: false, reason: .holiday("国庆节"), source: sourceOf2024))
        #expect(calendar.day(day("2024-10-19")).reason == .weekend)
        #expect(calendar.day(day("2024-10-18")).reason == .weekday)
        #expect(calendar.day(day("2024-10-18")).yearKnown)
    }

    @Test("A year outside the data falls back to plain weekdays and says so")
    func fallback() {
        let newYear2027 = calendar.day(day("2027-01-01"))
        #expect(newYear2027 == DayStatus(date: day("2027-01-01"), isWorkingDay: true, reason: .weekday, source: nil))
        #expect(!newYear2027.yearKnown)
        #expect(
            newYear2027.description
                == "2027-01-01 friday: working day, weekday (no holiday schedule for 2027; plain weekdays assumed)")
        #expect(calendar.day(day("2023-12-30")).reason == .weekend)
        #expect(calendar.addingWorkingDays(2, to: day("2026-12-31")) == day("2027-01-04"))
        #expect(calendar.usesFallback(from: day("2026-12-31"), through: day("2027-01-04")))
        #expect(!calendar.usesFallback(from: day("2024-12-31"), through: day("2026-01-04")))
    }

    @Test("A status describes itself for an operator")
    func descriptions() {
        #expect(
            calendar.day(day("2024-10-12")).description
                == "2024-10-12 saturday: working day, make-up working day for 国庆节")
        #expect(calendar.day(day("2025-01-29")).description == "2025-01-29 wednesday: not a working day, holiday 春节")
    }

    // MARK: - Counting working days

    @Test(
        "The n-th working day after a date skips holidays and counts make-up days",
        arguments: [
            ("2024-09-30", 1, "2024-10-08"), ("2024-09-30", 2, "2024-10-09"), ("2024-10-11", 1, "2024-10-12"),
            ("2024-09-28", 1, "2024-09-29"), ("2024-09-28", 2, "2024-09-30"), ("2025-01-27", 2, "2025-02-06"),
            ("2026-02-13", 2, "2026-02-24"), ("2026-02-13", 1, "2026-02-14"), ("2024-10-01", 0, "2024-10-01"),
            ("2024-10-08", -1, "2024-09-30"), ("2024-10-08", -2, "2024-09-29"),
        ])
    func countingWorkingDays(_ start: String, _ n: Int, _ expected: String) {
        #expect(calendar.addingWorkingDays(n, to: day(start)) == day(expected))
    }

    // MARK: - Administrator's file

    @Test("An administrator's file replaces a whole year and adds a new one")
    func overrideReplacesYear() throws {
        let admin = try WorkingCalendar.parse(
            """
            # Local override for tests.
            source 2024 站内测试：只保留国庆节第一天
            source 2027 administrator, awaiting the notice
            2024-10-01 holiday 国庆节
            2027-01-01 holiday 元旦
            """)
        let merged = calendar.merging(WorkingCalendar(schedules: admin))

        #expect(merged.years == [2024, 2025, 2026, 2027])
        #expect(merged.day(day("2024-10-02")).reason == .weekday)
        #expect(merged.day(day("2024-10-12")).reason == .weekend)
        #expect(merged.day(day("2024-10-12")).source == "站内测试：只保留国庆节第一天")
        #expect(merged.day(day("2027-01-01")).reason == .holiday("元旦"))
        #expect(merged.day(day("2025-10-08")) == calendar.day(day("2025-10-08")))
        #expect(calendar.day(day("2024-10-02")).reason == .holiday("国庆节"))
    }

    @Test("An administrator's file is read from a path, and a missing one names the path")
    func overrideFromFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custody-calendar-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("holidays.txt").path
        try "source 2027 admin\n2027-02-10 holiday 春节\n".write(toFile: path, atomically: true, encoding: .utf8)

        let merged = try calendar.merging(contentsOf: path)
        #expect(merged.day(day("2027-02-10")).reason == .holiday("春节"))

        let missing = folder.appendingPathComponent("absent.txt").path
        let error = try #require(throws: HolidayDataError.self) { try calendar.merging(contentsOf: missing) }
        #expect(error.file == missing)
        #expect(error.description.hasPrefix("error: cannot use holiday data '\(missing)': the file cannot be read"))
    }

    @Test("A wrong line in an administrator's file names the file and line")
    func overrideWithWrongLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("custody-calendar-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("holidays.txt").path
        try "source 2027 admin\n2027-02-30 holiday 春节\n".write(toFile: path, atomically: true, encoding: .utf8)

        let error = try #require(throws: HolidayDataError.self) { try calendar.merging(contentsOf: path) }
        #expect(
            error.description
                == "error: cannot use holiday data '\(path)' line 2 ('2027-02-30 holiday 春节'): '2027-02-30' is neither "
                + "'source' nor a date that exists; start the line with a date written as YYYY-MM-DD, or with 'source'")
    }

    @Test(
        "Wrong holiday data is refused with its line number and reason",
        arguments: [
            ("2024-10-01 holiday 国庆节", 1, "no source line names the notice for 2024"),
            ("source 2024 a\nsource 2024 b", 2, "2024 already has a source on line 1"),
            (
                "source 2024 a\n2024-10-01 holiday 国庆节\n2024-10-01 workday 国庆节", 3,
                "2024-10-01 is already listed on line 2"
            ),
            (
                "source 2024 a\n2024-10-08 workday 国庆节", 2,
                "2024-10-08 is a tuesday, and a make-up working day is always a Saturday or Sunday"
            ),
            ("source 2024 a\n2024-10-01 holiday", 2, "the holiday's name is missing"),
            ("source 2024 a\n2024-10-01 off 国庆节", 2, "the second word must be 'holiday' or 'workday'"),
            ("source 24 a", 1, "a source line needs a four-digit year and the notice's title"),
            ("source 2024", 1, "a source line needs a four-digit year and the notice's title"),
        ])
    func wrongData(_ text: String, _ line: Int, _ reason: String) throws {
        let error = try #require(throws: HolidayDataError.self) { try WorkingCalendar.parse(text) }
        #expect(error.line == line)
        #expect(error.reason == reason)
    }

    @Test("Comments, blank lines, tabs and names with spaces are accepted")
    func lenientLayout() throws {
        let schedules = try WorkingCalendar.parse(
            "\n# header\n\nsource 2030\tsome notice\n  2030-10-01\tholiday  National Day  \r\n")
        #expect(
            schedules == [
                HolidaySchedule(
                    year: 2030, holidays: [day("2030-10-01"): "National Day"], workdays: [:], source: "some notice")
            ])
    }
}
