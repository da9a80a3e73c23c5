import Foundation
import Testing

@testable import Calendar

@Suite("Retention")
struct RetentionTests {
    let retention = Retention()

    @Test("A case clip recorded and closed on Feb 29 is kept through Mar 1 ten years on")
    func caseAcrossLeapDay() {
        let recorded = instant("2024-02-29 10:00", in: shanghai)
        let until = retention.retainUntil(
            recorded: recorded, caseEnded: instant("2024-02-29 18:00", in: shanghai), caseOpen: false,
            ingested: instant("2024-02-29 19:00", in: shanghai), timeZone: shanghai)
        #expect(until == iso("2034-03-01T16:00:00Z"))
    }

    @Test("The case end is taken in the station zone")
    func caseEndInStationZone() {
        // 20:00 UTC on Feb 28 is 04:00 on Feb 29 in Shanghai.
        let caseEnded = iso("2024-02-28T20:00:00Z")
        let recorded = instant("2024-02-20 10:00", in: shanghai)
        let inShanghai = retention.retainUntil(
            recorded: recorded, caseEnded: caseEnded, caseOpen: false, ingested: recorded, timeZone: shanghai)
        let inUTC = retention.retainUntil(
            recorded: recorded, caseEnded: caseEnded, caseOpen: false, ingested: recorded, timeZone: utc)
        #expect(inShanghai == iso("2034-03-01T16:00:00Z"))
        #expect(inUTC == iso("2034-03-01T00:00:00Z"))
    }

    @Test(
        "Patrol footage is kept six months from the later of recording and ingest, month ends rolling forward",
        arguments: [
            ("2024-02-29 10:00", "2024-03-01 09:00", "2024-09-01T16:00:00Z"),
            ("2024-02-29 10:00", "2024-02-29 12:00", "2024-08-29T16:00:00Z"),
            ("2024-08-31 10:00", "2024-08-31 12:00", "2025-03-01T16:00:00Z"),
            ("2000-01-01 08:00", "2024-05-10 09:00", "2024-11-10T16:00:00Z"),
        ])
    func patrol(_ recorded: String, _ ingested: String, _ expected: String) {
        let until = retention.retainUntil(
            recorded: instant(recorded, in: shanghai), caseEnded: nil, caseOpen: false,
            ingested: instant(ingested, in: shanghai), timeZone: shanghai)
        #expect(until == iso(expected))
    }

    @Test("A clip of an open case has no end of retention")
    func openCase() {
        let now = instant("2024-05-10 09:00", in: shanghai)
        #expect(
            retention.retainUntil(recorded: now, caseEnded: nil, caseOpen: true, ingested: now, timeZone: shanghai)
                == nil)
    }

    @Test("Custom periods are honoured and the longer of case and patrol wins")
    func customPeriods() {
        let short = Retention(caseYears: 0, patrolMonths: 12)
        let recorded = instant("2024-05-10 09:00", in: shanghai)
        let until = short.retainUntil(
            recorded: recorded, caseEnded: instant("2024-06-01 09:00", in: shanghai), caseOpen: false,
            ingested: recorded, timeZone: shanghai)
        #expect(until == iso("2025-05-10T16:00:00Z"))
    }
}
