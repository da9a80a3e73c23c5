import Foundation
import Testing

@testable import Media

@Suite("CreationTime")
struct CreationTimeTests {
    static let instant = Date(timeIntervalSince1970: 1_773_451_613)  // 2026-03-14T01:26:53Z

    @Test(
        "ISO 8601 times with or without fractions, with Z, an offset or no zone, give the same instant",
        arguments: [
            "2026-03-14T01:26:53Z",
            "2026-03-14T01:26:53.000000Z",
            "2026-03-14T01:26:53",
            "2026-03-14 01:26:53",
            "2026-03-14T09:26:53+08:00",
            "2026-03-14T09:26:53.000+0800",
            "2026-03-13T20:26:53-05:00",
        ]
    )
    func readsISO8601(text: String) {
        #expect(CreationTime.parse(text) == Self.instant)
    }

    @Test("A fraction of a second is kept")
    func keepsFraction() {
        #expect(CreationTime.parse("2026-03-14T01:26:53.250Z") == Self.instant.addingTimeInterval(0.25))
    }

    @Test(
        "Times from a reset clock, zeros and text that is not a date give nil",
        arguments: [
            "1970-01-01T00:00:00.000000Z", "1970-01-01T00:00:05Z", "1904-01-01T00:00:00Z",
            "0000-00-00T00:00:00Z", "", "yesterday", "2026-02-30T10:00:00Z", "2026-03-14T25:00:00Z",
            "2026-03-14T01:26:53Zjunk", "2026-03-14T01:26:53+8",
        ]
    )
    func rejects(text: String) {
        #expect(CreationTime.parse(text) == nil)
    }

    @Test("A 1970 time is still readable as ISO 8601 for callers that want it")
    func epochIsReadable() {
        #expect(CreationTime.parseISO8601("1970-01-01T00:00:05Z") == Date(timeIntervalSince1970: 5))
    }
}
