import Foundation

// MARK: - Retention

/// How long an original must be kept (article 28): case files 10 years, daily patrol footage at least 6 months.
///
/// Years and months are added to calendar dates in the station's time zone. A day the target month lacks rolls
/// forward to the first of the next month (Feb 29 + 10 years is Mar 1), so a period is never a day short. The result
/// is the end of the last day of the period, as the first instant of the following day: deletion is allowed only
/// at or after that instant.
public struct Retention: Sendable, Equatable {
    /// Years a clip tied to a case is kept after the case ended (default 10).
    public var caseYears: Int
    /// Months any other clip is kept (default 6).
    public var patrolMonths: Int

    /// Creates a retention policy; the defaults are the regulation's minimums.
    public init(caseYears: Int = 10, patrolMonths: Int = 6) {
        self.caseYears = caseYears
        self.patrolMonths = patrolMonths
    }

    /// The instant from which the original may be deleted, or `nil` while it must be kept with no end in sight.
    ///
    /// - Parameters:
    ///   - recorded: when the recording started, as the recorder's clock says.
    ///   - caseEnded: when the case the clip is tied to ended, or `nil` when it is tied to none or still open.
    ///   - caseOpen: whether the clip is tied to a case that has not ended; such a clip is kept (`nil`).
    ///   - ingested: when custody stored the original. The patrol period runs from the later of `recorded` and
    ///     `ingested`, so a recorder whose clock was reset to a past year cannot make a clip expire on arrival.
    ///   - timeZone: the station's zone, Asia/Shanghai in mainland China.
    /// - Returns: for a clip of an ended case, the later of the case period and the patrol period; otherwise the
    ///   patrol period; `nil` for a clip of an open case.
    public func retainUntil(recorded: Date, caseEnded: Date?, caseOpen: Bool, ingested: Date, timeZone: TimeZone)
        -> Date?
    {
        if caseOpen { return nil }

        let patrolStart = CivilDate.of(max(recorded, ingested), in: timeZone)
        let patrolEnd = patrolStart.adding(months: patrolMonths)
        guard let caseEnded else {
            return patrolEnd.adding(days: 1).date(in: timeZone)
        }

        let caseEnd = CivilDate.of(caseEnded, in: timeZone).adding(years: caseYears)
        return max(caseEnd, patrolEnd).adding(days: 1).date(in: timeZone)
    }
}
