import Foundation

// MARK: - Deadlines

/// The deadlines of article 27, as instants in the station's time zone.
///
/// Every period starts the day after the event (Civil Code article 201: the starting day is not counted) and a
/// deadline is the end of its last day, returned as the first instant of the following day: a clip is on time when
/// it is stored strictly before the returned instant.
public struct Deadlines: Sendable {
    /// The working calendar used to count working days.
    public var calendar: WorkingCalendar

    /// Creates deadlines over `calendar` (the bundled State Council schedules unless an administrator adds years).
    public init(calendar: WorkingCalendar = .bundled) {
        self.calendar = calendar
    }

    /// When the original of a recording must be in dedicated storage: the end of the `workingDays`-th working day
    /// after the day the recording ended (article 27: 2 working days).
    ///
    /// - Parameters:
    ///   - recordingEnd: when the recording ended; its day is taken in `timeZone`, not in UTC.
    ///   - timeZone: the station's zone, Asia/Shanghai in mainland China.
    /// - Note: In a year with no holiday schedule the count assumes plain weekdays and can be too early; check
    ///   ``WorkingCalendar/usesFallback(from:through:)`` to warn.
    public func ingestDue(recordingEnd: Date, timeZone: TimeZone, workingDays: Int = 2) -> Date {
        endOfWorkingDays(workingDays, after: recordingEnd, timeZone: timeZone)
    }

    /// When material from continuous or remote field work must be handed over: the end of the `workingDays`-th
    /// working day after the day the handler returned to the office (article 27: 1 working day).
    public func fieldWorkDue(returned: Date, timeZone: TimeZone, workingDays: Int = 1) -> Date {
        endOfWorkingDays(workingDays, after: returned, timeZone: timeZone)
    }

    /// When the case file must be formed: the end of the `days`-th calendar day after the day the enforcement action
    /// ended (article 27: 30 days).
    ///
    /// - Parameter extendPastRestDay: when `true`, a last day that is not a working day moves to the next working
    ///   day, as Civil Code article 203 allows for periods. The default is `false`, the stricter date, so a report
    ///   never shows a case file as on time that the strict reading would call late.
    public func caseFileDue(caseEnded: Date, days: Int = 30, timeZone: TimeZone, extendPastRestDay: Bool = false)
        -> Date
    {
        var last = CivilDate.of(caseEnded, in: timeZone).adding(days: days)
        if extendPastRestDay && !calendar.isWorkingDay(last) {
            last = calendar.addingWorkingDays(1, to: last)
        }
        return last.adding(days: 1).date(in: timeZone)
    }

    private func endOfWorkingDays(_ count: Int, after event: Date, timeZone: TimeZone) -> Date {
        let day = CivilDate.of(event, in: timeZone)
        let last = calendar.addingWorkingDays(count, to: day)
        return last.adding(days: 1).date(in: timeZone)
    }
}
