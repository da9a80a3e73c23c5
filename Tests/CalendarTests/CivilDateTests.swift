import Foundation
import Testing

@testable import Calendar

@Suite("CivilDate")
struct CivilDateTests {
    @Test(
        "Only dates written as YYYY-MM-DD that exist are parsed",
        arguments: [
            ("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false), ("2024-00-10", false),
            ("2024-04-31", false), ("2024-4-01", false), ("24-04-01", false), ("2024-04-01 ", false),
            ("2024/04/01", false), ("２０２４-04-01", false), ("2000-02-29", true), ("1900-02-29", false),
            ("0000-01-01", false), ("9999-12-31", true), ("", false),
        ])
    func parsing(_ text: String, _ valid: Bool) {
        #expect((CivilDate(string: text) != nil) == valid)
    }

    @Test(
        "Weekdays are right across years",
        arguments: [
            ("1970-01-01", Weekday.thursday), ("2024-02-29", .thursday), ("2024-09-29", .sunday),
            ("2024-10-12", .saturday), ("2025-01-26", .sunday), ("2026-02-23", .monday), ("2000-01-01", .saturday),
            ("1969-12-31", .wednesday),
        ])
    func weekdays(_ text: String, _ weekday: Weekday) {
        #expect(day(text).weekday == weekday)
    }

    @Test("Adding days crosses months, leap days and years")
    func addingDays() {
        #expect(day("2024-02-28").adding(days: 1) == day("2024-02-29"))
        #expect(day("2024-02-29").adding(days: 1) == day("2024-03-01"))
        #expect(day("2023-12-31").adding(days: 1) == day("2024-01-01"))
        #expect(day("2024-03-01").adding(days: -1) == day("2024-02-29"))
        #expect(day("2024-01-01").adding(days: 366) == day("2025-01-01"))
        #expect(day("2024-01-01").days(to: day("2025-01-01")) == 366)
    }

    @Test("Day numbers round-trip for every day from 1900 to 2100")
    func dayNumbersRoundTrip() {
        var date = day("1900-01-01")
        let start = date.dayNumber
        for offset in 0..<73_049 {
            #expect(date.dayNumber == start + offset)
            #expect(CivilDate(dayNumber: date.dayNumber) == date)
            date = date.adding(days: 1)
        }
        #expect(date == day("2100-01-01"))
    }

    @Test(
        "A day the target month lacks rolls forward to the first of the next month, never back",
        arguments: [
            ("2024-02-29", 120, "2034-03-01"), ("2024-02-29", 48, "2028-02-29"), ("2024-02-29", 6, "2024-08-29"),
            ("2024-08-31", 6, "2025-03-01"), ("2024-01-31", 1, "2024-03-01"), ("2023-01-31", 1, "2023-03-01"),
            ("2024-03-31", 1, "2024-05-01"), ("2024-12-15", 1, "2025-01-15"), ("2024-03-15", -3, "2023-12-15"),
            ("2024-10-31", 6, "2025-05-01"),
        ])
    func addingMonths(_ start: String, _ months: Int, _ expected: String) {
        #expect(day(start).adding(months: months) == day(expected))
    }

    @Test("Feb 29 plus ten years is Mar 1")
    func leapDayPlusTenYears() {
        #expect(day("2024-02-29").adding(years: 10) == day("2034-03-01"))
    }

    @Test("The civil date of an instant depends on the zone")
    func civilDateOfInstant() {
        let moment = iso("2024-09-30T16:30:00Z")
        #expect(CivilDate.of(moment, in: shanghai) == day("2024-10-01"))
        #expect(CivilDate.of(moment, in: utc) == day("2024-09-30"))
    }

    @Test("The start of a day in Shanghai is 16:00 UTC the day before")
    func startOfDay() {
        #expect(day("2024-10-10").date(in: shanghai) == iso("2024-10-09T16:00:00Z"))
        #expect(day("2024-10-10").date(in: utc) == iso("2024-10-10T00:00:00Z"))
    }

    @Test("Dates describe, order and encode as YYYY-MM-DD")
    func textAndCoding() throws {
        #expect(day("2024-01-05").description == "2024-01-05")
        #expect(day("2024-01-05") < day("2024-01-06"))
        #expect(day("2023-12-31") < day("2024-01-01"))

        let data = try JSONEncoder().encode([day("2024-10-01")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-10-01"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [day("2024-10-01")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2024-02-30"]"#.utf8))
        }
    }
}
