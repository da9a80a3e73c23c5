import Calendar
import Foundation

// MARK: - The working calendar from the settings

extension Settings {
    /// The bundled State Council schedules with the administrator's holiday file merged in, each of its years
    /// replacing the same year as a whole.
    ///
    /// The default file `/etc/custody/holidays.txt` is read only when it exists; a file named with `holidays_file`
    /// must exist.
    /// - Throws: `UsageError` naming the file when it is missing (and was named) or when a line is wrong.
    public func workingCalendar() throws(UsageError) -> WorkingCalendar {
        let path = holidaysFile ?? Settings.defaultHolidaysFile
        guard FileManager.default.fileExists(atPath: path) else {
            if holidaysFile == nil { return .bundled }
            throw UsageError(
                "the holidays file '\(path)' does not exist; fix 'holidays_file' (or --holidays-file), "
                    + "or remove it to use the bundled schedules")
        }
        do {
            return try WorkingCalendar.bundled.merging(contentsOf: path)
        } catch let error as HolidayDataError {
            var text = error.description
            if text.hasPrefix("error: ") { text.removeFirst("error: ".count) }
            throw UsageError(text)
        } catch {
            throw UsageError("cannot use the holidays file '\(path)': \(error)")
        }
    }
}
