import Foundation
import Testing

@testable import Calendar

@Suite("Deadlines")
struct DeadlinesTests {
    let deadlines = Deadlines()

    /// A recording that ended at a local time in Shanghai, and when its original must be stored (UTC).
    struct IngestCase: Sendable, CustomTestStringConvertible {
        let name: String
        let ended: String
        let due: String
        var testDescription: String { name }
    }

    static let ingestCases: [IngestCase] = [
        IngestCase(
            name: "Monday before National Day week: due at the end of Wednesday 2024-10-09", ended: "2024-09-30 18:00",
            due: "2024-10-09T16:00:00Z"),
        IngestCase(
            name: "23:30 local on 2024-09-30 (15:30 UTC) counts from the local day", ended: "2024-09-30 23:30",
            due: "2024-10-09T16:00:00Z"),
        IngestCase(
            name: "make-up Saturday 2024-10-12", ended: "2024-10-12 11:00", due: "2024-10-15T16:00:00Z"),
        IngestCase(
            name: "Saturday 2024-09-28 before the make-up Sunday", ended: "2024-09-28 11:00",
            due: "2024-09-30T16:00:00Z"),
        IngestCase(
            name: "Saturday 2024-02-03 before the make-up Sunday", ended: "2024-02-03 09:00",
            due: "2024-02-05T16:00:00Z"),
        IngestCase(
            name: "the day before Spring Festival 2025", ended: "2025-01-27 17:00", due: "2025-02-06T16:00:00Z"),
        IngestCase(
            name: "make-up Sunday before Spring Festival 2025", ended: "2025-01-26 17:00",
            due: "2025-02-05T16:00:00Z"),
        IngestCase(
            name: "the Friday before Spring Festival 2026", ended: "2026-02-13 17:00", due: "2026-02-24T16:00:00Z"),
        IngestCase(
            name: "the Friday before the make-up Saturday after Spring Festival 2026", ended: "2026-02-27 17:00",
            due: "2026-03-02T16:00:00Z"),
        IngestCase(name: "before Labour Day 2024", ended: "2024-04-30 17:00", due: "2024-05-07T16:00:00Z"),
        IngestCase(name: "before Labour Day 2025", ended: "2025-04-30 17:00", due: "2025-05-07T16:00:00Z"),
        IngestCase(
            name: "the Friday before the make-up Saturday after Labour Day 2026", ended: "2026-05-08 17:00",
            due: "2026-05-11T16:00:00Z"),
        IngestCase(
            name: "New Year's Eve 2026 into 2027, which has no schedule", ended: "2026-12-31 17:00",
            due: "2027-01-04T16:00:00Z"),
    ]

    @Test("The original is due at the end of the second working day after the recording day", arguments: ingestCases)
    func ingestDue(_ row: IngestCase) {
        #expect(deadlines.ingestDue(recordingEnd: instant(row.ended, in: shanghai), timeZone: shanghai) == iso(row.due))
    }

    @Test("The recording day is taken in the station zone when the UTC date differs")
    func stationZone() {
        // 07:30 on Sunday 2024-09-29 in Shanghai (a make-up working day) is 23:30 on Saturday 2024-09-28 in UTC.
        let ended = iso("2024-09-28T23:30:00Z")
        #expect(deadlines.ingestDue(recordingEnd: ended, timeZone: shanghai) == iso("2024-10-08T16:00:00Z"))
        #expect(deadlines.ingestDue(recordingEnd: ended, timeZone: utc) == iso("2024-10-01T00:00:00Z"))
    }

    @Test("Field work is due at the end of the first working day after the return")
    func fieldWork() {
        let returned = instant("2024-10-11 20:00", in: shanghai)
        #expect(deadlines.fieldWorkDue(returned: returned, timeZone: shanghai) == iso("2024-10-12T16:00:00Z"))
        let beforeHoliday = instant("2024-09-30 20:00", in: shanghai)
        #expect(deadlines.fieldWorkDue(returned: beforeHoliday, timeZone: shanghai) == iso("2024-10-08T16:00:00Z"))
    }

    @Test("The case file is due 30 calendar days after the action, strictly unless extension past a rest day is asked")
    func caseFile() {
        let ended = instant("2024-09-05 14:00", in: shanghai)
        // Day 30 is Saturday 2024-10-05, inside National Day week.
        #expect(deadlines.caseFileDue(caseEnded: ended, timeZone: shanghai) == iso("2024-10-05T16:00:00Z"))
        #expect(
            deadlines.caseFileDue(caseEnded: ended, timeZone: shanghai, extendPastRestDay: true)
                == iso("2024-10-08T16:00:00Z"))
        // Day 30 is Sunday 2024-12-01: a plain weekend moves to Monday only when extension is asked.
        let beforeWeekend = instant("2024-11-01 09:00", in: shanghai)
        #expect(deadlines.caseFileDue(caseEnded: beforeWeekend, timeZone: shanghai) == iso("2024-12-01T16:00:00Z"))
        #expect(
            deadlines.caseFileDue(caseEnded: beforeWeekend, timeZone: shanghai, extendPastRestDay: true)
                == iso("2024-12-02T16:00:00Z"))
        // Day 30 is Wednesday 2024-12-04: extension changes nothing.
        let ordinary = instant("2024-11-04 09:00", in: shanghai)
        #expect(
            deadlines.caseFileDue(caseEnded: ordinary, timeZone: shanghai, extendPastRestDay: true)
                == iso("2024-12-04T16:00:00Z"))
    }

    @Test("More working days can be asked for, and an administrator's calendar is used")
    func customCalendar() throws {
        let admin = try WorkingCalendar.parse("source 2027 admin\n2027-01-04 holiday 测试\n")
        let custom = Deadlines(calendar: .bundled.merging(WorkingCalendar(schedules: admin)))
        let ended = instant("2026-12-31 17:00", in: shanghai)
        #expect(custom.ingestDue(recordingEnd: ended, timeZone: shanghai) == iso("2027-01-05T16:00:00Z"))
        #expect(
            deadlines.ingestDue(recordingEnd: ended, timeZone: shanghai, workingDays: 5)
                == iso("2027-01-07T16:00:00Z"))
    }
}
