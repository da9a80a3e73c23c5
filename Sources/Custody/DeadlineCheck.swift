import Calendar
import Catalog
import Foundation
import Reports

// MARK: - DeadlineCheck

/// Judges the catalog against article 27's deadlines and builds a ``DeadlineReport``.
///
/// An original is due by the end of the `ingestWorkingDays`-th working day after the day its recording ended (clip
/// start + duration), that day taken in the station's time zone; it is late when it was indexed at or after that
/// instant. A recorder whose last dock is so long ago that footage recorded right after it would now be late is
/// listed as silent. A case file is due 30 calendar days after the day the action ended.
///
/// Field work away from base (article 27) is applied from the trips an administrator records (``FieldWorkTrip``): a
/// clip that ended on a trip's day is due 1 working day after the return, or by the ordinary deadline when later,
/// and a recorder whose trip overlaps the days after its last dock is not called silent before that date.
public struct DeadlineCheck: Sendable {
    /// The working calendar deadlines are counted on.
    public var calendar: WorkingCalendar
    /// The station's time zone.
    public var timeZone: TimeZone
    /// Working days after the recording day by which an original must be stored.
    public var ingestWorkingDays: Int
    /// Recorded trips of field work away from base.
    public var fieldWork: [FieldWorkTrip]

    /// Creates a check from the settings: their time zone, `ingest_working_days` and holiday file.
    /// - Throws: `UsageError` when the holiday file is named but missing, or wrong.
    public init(settings: Settings) throws(UsageError) {
        calendar = try settings.workingCalendar()
        timeZone = settings.timeZone
        ingestWorkingDays = settings.ingestWorkingDays
        fieldWork = settings.fieldWork
    }

    /// The report over the clips of `recorder` (all when `nil`) that ended in `since..<until`, the recorders, and
    /// the catalog's cases when it keeps them, judged at `now`.
    public func report(catalog: Catalog, recorder: String? = nil, since: Date? = nil, until: Date? = nil, now: Date)
        throws(CatalogError) -> DeadlineReport
    {
        let deadlines = Deadlines(calendar: calendar)
        var fallbackYears = Set<Int>()

        var judged: [DeadlineReport.Clip] = []
        var unjudged: [DeadlineReport.UnjudgedClip] = []
        for clip in try catalog.deadlineClips(recorder: recorder, since: since, until: until) {
            guard let end = clip.end else {
                let reason =
                    switch (clip.start == nil, clip.duration == nil) {
                    case (true, true): "no start time and no duration"
                    case (true, false): "no start time"
                    default: "no duration"
                    }
                unjudged.append(
                    DeadlineReport.UnjudgedClip(
                        sha256: clip.sha256, recorder: clip.recorder, originalName: clip.originalName,
                        ingested: clip.ingested, reason: reason))
                continue
            }
            var due = deadlines.ingestDue(recordingEnd: end, timeZone: timeZone, workingDays: ingestWorkingDays)
            let endDay = CivilDate.of(end, in: timeZone)
            let trip = fieldWork.first { $0.covers(recorder: clip.recorder, day: endDay) }
            if let trip { due = max(due, returnDue(trip, deadlines)) }
            let missing = missingYears(from: end, through: due)
            fallbackYears.formUnion(missing)
            judged.append(
                DeadlineReport.Clip(
                    sha256: clip.sha256, recorder: clip.recorder, handler: clip.handler,
                    originalName: clip.originalName, end: end, due: due, ingested: clip.ingested,
                    fallback: !missing.isEmpty, fieldWork: trip != nil))
        }

        var silent: [DeadlineReport.SilentRecorder] = []
        for record in try catalog.recorderDocks() where recorder == nil || record.serial == recorder {
            guard let basis = record.lastDocked ?? record.latestClipEnd else { continue }
            var due = deadlines.ingestDue(recordingEnd: basis, timeZone: timeZone, workingDays: ingestWorkingDays)
            let basisDay = CivilDate.of(basis, in: timeZone)
            let lastDay = CivilDate.of(due, in: timeZone).adding(days: -1)
            let trips = fieldWork.filter {
                $0.recorder == record.serial && $0.returned >= basisDay && $0.left <= lastDay
            }
            for trip in trips { due = max(due, returnDue(trip, deadlines)) }
            guard now >= due else { continue }
            let missing = missingYears(from: basis, through: now)
            fallbackYears.formUnion(missing)
            silent.append(
                DeadlineReport.SilentRecorder(
                    serial: record.serial, handler: record.handler, lastDocked: record.lastDocked,
                    latestClipEnd: record.latestClipEnd, due: due,
                    workingDaysSince: workingDays(after: basis, through: now), fallback: !missing.isEmpty,
                    fieldWork: !trips.isEmpty))
        }

        let caseFiles = try catalog.endedCases().map { cases in
            cases.compactMap { record -> DeadlineReport.CaseFile? in
                let due = deadlines.caseFileDue(caseEnded: record.ended, timeZone: timeZone)
                let warning = Double(DeadlineReport.caseFileWarningDays) * 86_400
                guard due.timeIntervalSince(now) <= warning else { return nil }
                return DeadlineReport.CaseFile(
                    number: record.number, party: record.party, handler: record.handler, ended: record.ended, due: due,
                    overdue: now >= due)
            }
        }

        return DeadlineReport(
            generated: now, timeZone: timeZone, ingestWorkingDays: ingestWorkingDays, clips: judged,
            unjudged: unjudged, silentRecorders: silent, caseFiles: caseFiles, fallbackYears: fallbackYears.sorted())
    }

    // MARK: - Helpers

    /// The end of the working day after a trip's return day.
    private func returnDue(_ trip: FieldWorkTrip, _ deadlines: Deadlines) -> Date {
        deadlines.fieldWorkDue(
            returned: trip.returned.date(in: timeZone), timeZone: timeZone,
            workingDays: FieldWorkTrip.workingDaysAfterReturn)
    }

    /// The years from the day of `start` through the day of `end` that have no holiday schedule.
    private func missingYears(from start: Date, through end: Date) -> [Int] {
        let first = CivilDate.of(start, in: timeZone).year
        let last = CivilDate.of(end, in: timeZone).year
        guard first <= last else { return [] }
        return (first...last).filter { calendar.schedules[$0] == nil }
    }

    /// How many working days lie after the day of `start` up to and including the day of `end`.
    private func workingDays(after start: Date, through end: Date) -> Int {
        var day = CivilDate.of(start, in: timeZone)
        let last = CivilDate.of(end, in: timeZone)
        var count = 0
        while day < last {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { count += 1 }
        }
        return count
    }
}
