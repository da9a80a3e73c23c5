import Foundation
import Testing

@testable import Dock

@Suite("ClipName")
struct ClipNameTests {
    static func name(_ y: Int, _ mo: Int, _ d: Int, _ h: Int?, _ mi: Int?, _ s: Int?) -> ClipName {
        ClipName(localTime: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))
    }

    static func zone(_ identifier: String) throws -> TimeZone {
        try #require(TimeZone(identifier: identifier))
    }

    @Test("a local time in Shanghai (UTC+8, no daylight saving) is read with its fixed offset")
    func shanghai() throws {
        let date = Self.name(2024, 7, 1, 12, 0, 0).date(in: try Self.zone("Asia/Shanghai"))
        #expect(date == Date(timeIntervalSince1970: 1_719_806_400))
    }

    @Test("a New York time just before clocks go forward is read in standard time")
    func newYorkBeforeSpringForward() throws {
        let date = Self.name(2024, 3, 10, 1, 59, 59).date(in: try Self.zone("America/New_York"))
        #expect(date == Date(timeIntervalSince1970: 1_710_053_999))
    }

    @Test("a New York time in the hour skipped by spring-forward is read with the offset before it: 02:30 is 03:30 EDT")
    func newYorkSkippedHour() throws {
        let date = Self.name(2024, 3, 10, 2, 30, 0).date(in: try Self.zone("America/New_York"))
        #expect(date == Date(timeIntervalSince1970: 1_710_055_800))
    }

    @Test("a New York time in the hour repeated at fall-back is read as its first occurrence, in daylight time")
    func newYorkRepeatedHour() throws {
        let date = Self.name(2024, 11, 3, 1, 30, 0).date(in: try Self.zone("America/New_York"))
        #expect(date == Date(timeIntervalSince1970: 1_730_611_800))
    }

    @Test("a New York time after fall-back is read in standard time")
    func newYorkAfterFallBack() throws {
        let date = Self.name(2024, 11, 3, 2, 0, 0).date(in: try Self.zone("America/New_York"))
        #expect(date == Date(timeIntervalSince1970: 1_730_617_200))
    }

    @Test("a name with a date and no time of day is read as local midnight")
    func dateOnly() throws {
        let date = Self.name(2024, 1, 2, nil, nil, nil).date(in: try Self.zone("Asia/Shanghai"))
        #expect(date == Date(timeIntervalSince1970: 1_704_124_800))
    }

    @Test("a name without a local time has no date")
    func noLocalTime() throws {
        #expect(ClipName(sequence: 3).date(in: try Self.zone("Asia/Shanghai")) == nil)
    }
}
