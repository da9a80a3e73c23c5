import Calendar
import Foundation

// MARK: - FieldWorkTrip

/// A period of continuous or remote field work away from base by one recorder's handler (article 27: material from
/// such work is stored within 1 working day after the return).
///
/// Written `SERIAL=LEFT/RETURNED` with both days as `YYYY-MM-DD` in the station's time zone, e.g.
/// `R1=2025-03-03/2025-03-07`, in the configuration key `field_work` (a list) or the repeatable flag `--field-work`.
/// A clip of that recorder whose recording ended on a day from LEFT through RETURNED is due by the end of the first
/// working day after RETURNED, or by the ordinary deadline when that is later.
///
/// - Note: custody does not learn of field work by itself; an administrator records each trip. Trips are read from
///   the configuration and flags on every run, not kept in the catalog.
public struct FieldWorkTrip: Sendable, Equatable, CustomStringConvertible {
    /// The recorder's serial.
    public var recorder: String
    /// The first day away.
    public var left: CivilDate
    /// The day the handler came back to base.
    public var returned: CivilDate

    /// Working days after the return day by which the trip's originals must be stored.
    public static let workingDaysAfterReturn = 1

    /// Creates a trip.
    public init(recorder: String, left: CivilDate, returned: CivilDate) {
        self.recorder = recorder
        self.left = left
        self.returned = returned
    }

    /// Reads `SERIAL=LEFT/RETURNED`; `source` names where the text came from in the error.
    public init(parsing text: String, from source: String) throws(UsageError) {
        let usage = UsageError(
            "'field_work' value '\(text)' in \(source) must be SERIAL=LEFT/RETURNED with days as YYYY-MM-DD, "
                + "e.g. R1=2025-03-03/2025-03-07, and LEFT not after RETURNED")
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else { throw usage }
        let days = parts[1].split(separator: "/").map(String.init)
        guard days.count == 2, let left = CivilDate(string: days[0]), let returned = CivilDate(string: days[1]),
            left <= returned
        else { throw usage }
        self.init(recorder: parts[0], left: left, returned: returned)
    }

    /// `R1=2025-03-03/2025-03-07`.
    public var description: String { "\(recorder)=\(left)/\(returned)" }

    /// Whether a recording of `recorder` that ended on `day` was made on this trip.
    public func covers(recorder serial: String, day: CivilDate) -> Bool {
        serial == recorder && left <= day && day <= returned
    }
}
