import Custody
import Foundation
import Reports
import Testing

@testable import Catalog

/// Clips with past dates are inserted straight into a real catalog file; deadlines are judged at a fixed instant.
@Suite("DeadlineCheck")
struct DeadlineCheckTests {
    let folder = TemporaryFolder()

    /// The station's zone, Asia/Shanghai (UTC+8, no daylight saving).
    static let zone = TimeZone(identifier: "Asia/Shanghai")!  // The zone database ships Asia/Shanghai.

    /// An instant given as local time in Asia/Shanghai.
    static func local(_ text: String) -> Date {
        // The texts below are fixed and well formed.
        ISO8601DateFormatter().date(from: text + "+08:00")!
    }

    /// Settings for the station, with an empty holidays file (so only the bundled schedules count) unless given.
    func settings(holidays: String = "") throws -> Settings {
        let path = folder.path + "/holidays.txt"
        try holidays.write(toFile: path, atomically: true, encoding: .utf8)
        var settings = Settings()
        settings.timeZone = Self.zone
        settings.catalog = folder.path + "/catalog.sqlite"
        settings.holidaysFile = path
        return settings
    }

    /// Inserts a clip of `recorder` that ran `duration` seconds from `start` and was indexed at `ingested`.
    func insert(
        _ catalog: Catalog, _ tag: Character, recorder: String = "R1", start: Date?, duration: Double?, ingested: Date
    ) throws {
        try catalog.noteRecorder(recorder, handler: "0471", at: ingested)
        try catalog.insertClip(
            ClipRecord(
                sha256: String(repeating: tag, count: 64), size: 1, recorder: recorder, handler: "0471",
                originalName: "CLIP_\(tag).MP4", originalPath: "DCIM/CLIP_\(tag).MP4", originalModified: nil,
                storedPath: "\(tag).mp4", start: start, startSource: start == nil ? nil : .metadata, metadataTime: nil,
                filenameTime: nil, sequence: nil, duration: duration, container: "mp4", damaged: nil, dock: nil,
                ingested: ingested, streams: []))
    }

    func clip(_ report: DeadlineReport, _ tag: Character) throws -> DeadlineReport.Clip {
        try #require(report.clips.first { $0.sha256 == String(repeating: tag, count: 64) })
    }

    // MARK: - Clips

    @Test(
        "a clip recorded 2024-09-30 is due at the end of 10-09: stored on the 9th on time, 10-10 08:00 8 h late"
    )
    func nationalDay() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        try insert(
            catalog, "a", start: Self.local("2024-09-30T10:00:00"), duration: 600,
            ingested: Self.local("2024-10-09T17:00:00"))
        try insert(
            catalog, "b", start: Self.local("2024-09-30T11:00:00"), duration: 600,
            ingested: Self.local("2024-10-10T08:00:00"))
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2024-10-11T09:00:00"))

        let onTime = try clip(report, "a")
        #expect(Timestamps.utc(onTime.due) == "2024-10-09T16:00:00Z")
        #expect(!onTime.isLate)
        #expect(onTime.lateSeconds == 0)
        let late = try clip(report, "b")
        #expect(Timestamps.utc(late.end) == "2024-09-30T03:10:00Z")
        #expect(Timestamps.utc(late.due) == "2024-10-09T16:00:00Z")
        #expect(late.isLate)
        #expect(late.lateSeconds == 28_800)
        #expect(report.lateClips.map(\.sha256) == [String(repeating: "b", count: 64)])
        #expect(report.fallbackYears == [])
    }

    @Test("a clip recorded on Saturday 2024-09-28 counts the make-up working Sunday: due at the end of Monday 09-30")
    func saturdayBeforeMakeUpSunday() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        try insert(
            catalog, "c", start: Self.local("2024-09-28T15:00:00"), duration: 60,
            ingested: Self.local("2024-10-01T09:00:00"))
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2024-10-02T09:00:00"))
        let judged = try clip(report, "c")
        #expect(Timestamps.utc(judged.due) == "2024-09-30T16:00:00Z")
        #expect(judged.lateSeconds == 9 * 3600)
    }

    @Test("recordings ending at 23:30 and at 00:30 local are counted on their local day, not the UTC day")
    func localDay() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        // Ends Wednesday 2025-03-05 23:30 local = 15:30 UTC: due at the end of Friday 03-07.
        try insert(
            catalog, "d", start: Self.local("2025-03-05T23:00:00"), duration: 1800,
            ingested: Self.local("2025-03-06T09:00:00"))
        // Ends Thursday 2025-03-06 00:30 local = Wednesday 16:30 UTC: due at the end of Monday 03-10, not Friday.
        try insert(
            catalog, "e", start: Self.local("2025-03-06T00:00:00"), duration: 1800,
            ingested: Self.local("2025-03-08T09:00:00"))
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2025-03-12T09:00:00"))
        let wednesday = try clip(report, "d")
        #expect(Timestamps.utc(wednesday.end) == "2025-03-05T15:30:00Z")
        #expect(Timestamps.utc(wednesday.due) == "2025-03-07T16:00:00Z")
        let thursday = try clip(report, "e")
        #expect(Timestamps.utc(thursday.end) == "2025-03-05T16:30:00Z")
        #expect(Timestamps.utc(thursday.due) == "2025-03-10T16:00:00Z")
        #expect(!thursday.isLate)
    }

    @Test("clips with no start or no duration are listed as cannot be judged, never as on time")
    func unjudged() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        try insert(catalog, "f", start: nil, duration: 60, ingested: Self.local("2025-03-06T09:00:00"))
        try insert(
            catalog, "0", start: Self.local("2025-03-05T10:00:00"), duration: nil,
            ingested: Self.local("2025-03-06T09:00:00"))
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2025-03-12T09:00:00"))
        #expect(report.clips.isEmpty)
        #expect(report.unjudged.map(\.reason).sorted() == ["no duration", "no start time"])
    }

    @Test("a deadline running into 2027, which has no schedule, is flagged as a plain-weekday fallback")
    func fallbackYear() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        // Thursday 2026-12-31: the fallback counts Friday 2027-01-01 (New Year) as a working day, so Monday is day 2.
        try insert(
            catalog, "1", start: Self.local("2026-12-31T10:00:00"), duration: 60,
            ingested: Self.local("2027-01-04T09:00:00"))
        try insert(
            catalog, "2", start: Self.local("2026-06-01T10:00:00"), duration: 60,
            ingested: Self.local("2026-06-01T12:00:00"))
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2027-01-05T09:00:00"))
        let crossing = try clip(report, "1")
        #expect(Timestamps.utc(crossing.due) == "2027-01-04T16:00:00Z")
        #expect(crossing.fallback)
        #expect(try !clip(report, "2").fallback)
        #expect(report.fallbackYears == [2027])
    }

    @Test("an administrator's file replacing 2025 with a holiday on Monday 03-10 moves a Friday clip's deadline a day")
    func overrideFile() throws {
        let holidays = "source 2025 test notice\n2025-03-10 holiday 测试假日\n"
        for (text, due) in [("", "2025-03-11T16:00:00Z"), (holidays, "2025-03-12T16:00:00Z")] {
            let settings = try settings(holidays: text)
            try? FileManager.default.removeItem(atPath: settings.catalog)
            let catalog = try Catalog(path: settings.catalog)
            try insert(
                catalog, "3", start: Self.local("2025-03-07T10:00:00"), duration: 60,
                ingested: Self.local("2025-03-12T09:00:00"))
            let report = try DeadlineCheck(settings: settings).report(
                catalog: catalog, now: Self.local("2025-03-13T09:00:00"))
            #expect(Timestamps.utc(try clip(report, "3").due) == due)
            try catalog.close()
        }
    }

    @Test("--recorder, --since and --until choose clips by recorder and by when the recording ended")
    func filters() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        try insert(
            catalog, "7", recorder: "R1", start: Self.local("2025-03-03T23:50:00"), duration: 1200,
            ingested: Self.local("2025-03-04T09:00:00"))
        try insert(
            catalog, "8", recorder: "R2", start: Self.local("2025-03-04T10:00:00"), duration: 60,
            ingested: Self.local("2025-03-04T12:00:00"))
        let check = try DeadlineCheck(settings: settings)
        let now = Self.local("2025-03-05T09:00:00")
        let since = Self.local("2025-03-04T00:00:00")
        #expect(try check.report(catalog: catalog, recorder: "R2", now: now).clips.map(\.recorder) == ["R2"])
        // Clip 7 started on the 3rd but ended at 00:10 on the 4th, so it is in the window.
        #expect(try check.report(catalog: catalog, since: since, now: now).clips.count == 2)
        let until = Self.local("2025-03-04T00:10:00")
        #expect(try check.report(catalog: catalog, until: until, now: now).clips.isEmpty)
    }

    // MARK: - Field work

    @Test("a clip ended on a field-work trip 03-03..03-07 is due at the end of Monday 03-10; another recorder's is not")
    func fieldWorkClip() throws {
        var settings = try settings()
        settings.fieldWork = [try FieldWorkTrip(parsing: "R1=2025-03-03/2025-03-07", from: "the test")]
        let catalog = try Catalog(path: settings.catalog)
        try insert(
            catalog, "5", recorder: "R1", start: Self.local("2025-03-03T10:00:00"), duration: 60,
            ingested: Self.local("2025-03-10T09:00:00"))
        try insert(
            catalog, "6", recorder: "R2", start: Self.local("2025-03-03T10:00:00"), duration: 60,
            ingested: Self.local("2025-03-10T09:00:00"))
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2025-03-11T09:00:00"))
        let away = try clip(report, "5")
        #expect(Timestamps.utc(away.due) == "2025-03-10T16:00:00Z")
        #expect(away.fieldWork)
        #expect(!away.isLate)
        let atBase = try clip(report, "6")
        #expect(Timestamps.utc(atBase.due) == "2025-03-05T16:00:00Z")
        #expect(!atBase.fieldWork)
        #expect(atBase.lateSeconds == 4 * 86_400 + 9 * 3600)
    }

    @Test("a recorder away on field work is not silent until the working day after its return has passed")
    func fieldWorkRecorder() throws {
        var settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        try catalog.noteRecorder("R1", handler: "0471", at: Self.local("2025-02-28T18:00:00"))
        let now = Self.local("2025-03-06T09:00:00")
        #expect(try DeadlineCheck(settings: settings).report(catalog: catalog, now: now).silentRecorders.count == 1)
        settings.fieldWork = [try FieldWorkTrip(parsing: "R1=2025-03-03/2025-03-07", from: "the test")]
        let check = try DeadlineCheck(settings: settings)
        #expect(try check.report(catalog: catalog, now: now).silentRecorders.isEmpty)
        let after = try check.report(catalog: catalog, now: Self.local("2025-03-11T00:00:00")).silentRecorders
        #expect(after.map(\.serial) == ["R1"])
        #expect(after.first?.fieldWork == true)
        #expect(after.first.map { Timestamps.utc($0.due) } == "2025-03-10T16:00:00Z")
    }

    @Test("a field-work value returning before it left is refused with the expected form")
    func badFieldWork() {
        #expect(throws: UsageError.self) { try FieldWorkTrip(parsing: "R1=2025-03-07/2025-03-03", from: "the test") }
        #expect(throws: UsageError.self) { try FieldWorkTrip(parsing: "2025-03-03/2025-03-07", from: "the test") }
    }

    // MARK: - Recorders

    @Test("a recorder last docked 3 working days ago is listed; one docked yesterday is not")
    func silentRecorders() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        try catalog.noteRecorder("OLD", handler: "0471", at: Self.local("2025-03-10T10:00:00"))
        try catalog.noteRecorder("NEW", handler: "0472", at: Self.local("2025-03-12T10:00:00"))
        try insert(
            catalog, "4", recorder: "OLD", start: Self.local("2025-03-10T08:00:00"), duration: 3600,
            ingested: Self.local("2025-03-10T10:00:00"))
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2025-03-13T10:00:00"))
        #expect(report.silentRecorders.map(\.serial) == ["OLD"])
        let old = try #require(report.silentRecorders.first)
        #expect(old.workingDaysSince == 3)
        #expect(Timestamps.utc(old.due) == "2025-03-12T16:00:00Z")
        #expect(old.latestClipEnd.map(Timestamps.utc) == "2025-03-10T01:00:00Z")
    }

    // MARK: - Case files

    @Test("with no case ended the report lists no case files")
    func noCaseEnded() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2025-03-13T10:00:00"))
        #expect(report.caseFiles == [])
    }

    @Test("case files 30 days after the end: overdue and due within 7 days listed, later and open cases not")
    func caseFiles() throws {
        let settings = try settings()
        let catalog = try Catalog(path: settings.catalog)
        let seconds = { (text: String) in Self.local(text).timeIntervalSince1970 }
        try catalog.executeForTesting(
            """
            INSERT INTO cases (number, party, handler, opened, ended)
            VALUES ('2025-001', '李四', '0471', 0, \(seconds("2025-02-10T16:00:00"))),
                ('2025-002', '王五', '0472', 0, \(seconds("2025-02-15T09:00:00"))),
                ('2025-003', '赵六', '0471', 0, \(seconds("2025-03-01T09:00:00"))),
                ('2025-004', '钱七', '0471', 0, NULL);
            """)
        let report = try DeadlineCheck(settings: settings).report(
            catalog: catalog, now: Self.local("2025-03-13T10:00:00"))
        let files = try #require(report.caseFiles)
        #expect(files.map(\.number) == ["2025-001", "2025-002"])
        #expect(files.map { Timestamps.utc($0.due) } == ["2025-03-12T16:00:00Z", "2025-03-17T16:00:00Z"])
        #expect(files.map(\.overdue) == [true, false])
        let text = report.render(.table, language: .zh)
        #expect(text.contains("已逾期"))
        #expect(text.contains("即将到期"))
    }
}
