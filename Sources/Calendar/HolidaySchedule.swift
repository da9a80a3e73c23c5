// MARK: - HolidaySchedule

/// One year's public holidays and make-up working days, as one notice of the State Council's General Office
/// (国务院办公厅关于…年部分节假日安排的通知) publishes them.
///
/// A date the schedule does not list is a plain day of its year: Monday to Friday working, Saturday and Sunday not.
/// Holidays may fall on weekends (a weekend joined to a holiday is listed as part of it); make-up working days are
/// always on weekends.
public struct HolidaySchedule: Sendable, Equatable {
    /// The calendar year every listed date belongs to.
    public var year: Int
    /// Days off, with the holiday's name (`2024-10-01: 国庆节`).
    public var holidays: [CivilDate: String]
    /// Make-up working days on a weekend, with the holiday they make up for (`2024-10-12: 国庆节`).
    public var workdays: [CivilDate: String]
    /// The notice the dates come from: title and document number, or who wrote an administrator's file.
    public var source: String

    /// Creates a schedule; ``WorkingCalendar/parse(_:)`` checks dates, this initializer does not.
    public init(year: Int, holidays: [CivilDate: String], workdays: [CivilDate: String], source: String) {
        self.year = year
        self.holidays = holidays
        self.workdays = workdays
        self.source = source
    }
}
