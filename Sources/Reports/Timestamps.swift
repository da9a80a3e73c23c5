import Foundation

/// How times are written in listings and reports.
public enum Timestamps {
    /// ISO 8601 in UTC ending in `Z`; milliseconds are shown only when the time has a fraction of a second.
    public static func utc(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let millis = Int(((seconds - whole) * 1000).rounded())
        var time = time_t(whole)
        var parts = tm()
        gmtime_r(&time, &parts)
        let base = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        if millis == 0 { return base + "Z" }
        if millis == 1000 { return utc(Date(timeIntervalSince1970: whole + 1)) }
        return base + String(format: ".%03dZ", millis)
    }

    /// `YYYY-MM-DD hh:mm:ss` in the given zone, for people reading a table.
    public static func local(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// Reads `YYYY-MM-DD` (midnight in `zone`), `YYYY-MM-DDThh:mm[:ss]` or `YYYY-MM-DD hh:mm[:ss]` (a clock time
    /// in `zone`), or a full ISO 8601 time with its zone.
    public static func parse(_ text: String, in zone: TimeZone) -> Date? {
        let iso = ISO8601DateFormatter()
        if let date = iso.date(from: text) { return date }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: text) { return date }

        let halves = text.replacingOccurrences(of: " ", with: "T").split(
            separator: "T", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        let day = halves[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time =
            halves.count == 2 ? halves[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } : []
        guard day.count == 3, halves.count == 1 || (2...3).contains(time.count), !(day + time).contains(nil)
        else { return nil }
        let values = (day + time).compactMap { $0 }
        let components = DateComponents(
            year: values[0], month: values[1], day: values[2], hour: values.count > 3 ? values[3] : 0,
            minute: values.count > 4 ? values[4] : 0, second: values.count > 5 ? values[5] : 0)
        guard (1...12).contains(values[1]), (1...31).contains(values[2]), (0...23).contains(components.hour ?? 0),
            (0...59).contains(components.minute ?? 0), (0...59).contains(components.second ?? 0)
        else { return nil }
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == values[2] else {
            return nil
        }
        return date
    }
}
