// MARK: - DayStatus

/// Whether a day is a working day, and why.
public struct DayStatus: Sendable, Equatable, CustomStringConvertible {
    /// Why the day is, or is not, a working day.
    public enum Reason: Sendable, Equatable {
        /// Monday to Friday with nothing in the schedule.
        case weekday
        /// Saturday or Sunday with nothing in the schedule.
        case weekend
        /// A public holiday, with its name.
        case holiday(String)
        /// A weekend day worked to make up for the named holiday.
        case makeUpWorkday(for: String)
    }

    /// The day.
    public var date: CivilDate
    /// Whether offices work that day.
    public var isWorkingDay: Bool
    /// Why.
    public var reason: Reason
    /// The notice that covers the day's year, or `nil` when no schedule for that year is known and the status is a
    /// plain-weekday fallback (which misses any holiday of that year).
    public var source: String?

    /// Creates a status.
    public init(date: CivilDate, isWorkingDay: Bool, reason: Reason, source: String?) {
        self.date = date
        self.isWorkingDay = isWorkingDay
        self.reason = reason
        self.source = source
    }

    /// Whether a schedule for the day's year is known; `false` means weekdays were assumed.
    public var yearKnown: Bool { source != nil }

    /// One line for people: `2024-10-12 saturday: working day, make-up working day for 国庆节`.
    public var description: String {
        let kind = isWorkingDay ? "working day" : "not a working day"
        let why: String
        switch reason {
        case .weekday: why = "weekday"
        case .weekend: why = "weekend"
        case .holiday(let name): why = "holiday \(name)"
        case .makeUpWorkday(let name): why = "make-up working day for \(name)"
        }
        let fallback = yearKnown ? "" : " (no holiday schedule for \(date.year); plain weekdays assumed)"
        return "\(date) \(date.weekday.rawValue): \(kind), \(why)\(fallback)"
    }
}
