import Foundation

// MARK: - ClipName

/// What a recorder wrote into a clip's file name: its serial, the handler's badge, the local
/// start time and the clip's sequence number. Each is nil when the name's pattern has no such part.
///
/// The start time is the recorder's own clock in the station's local time, with no zone; turn it into
/// an instant with `date(in:)`. Nothing here says the clock was right.
public struct ClipName: Sendable, Equatable, Hashable {
    /// The recorder's product serial (`A123456`).
    public var serial: String?
    /// The badge number of the handler the recorder was issued to, as written (`004521`).
    public var badge: String?
    /// The local start time: year, month, day, and hour, minute, second where the pattern has them.
    public var localTime: DateComponents?
    /// The clip's sequence number (`0001` is 1).
    public var sequence: Int?

    /// Makes a clip name from its parts.
    public init(serial: String? = nil, badge: String? = nil, localTime: DateComponents? = nil, sequence: Int? = nil) {
        self.serial = serial
        self.badge = badge
        self.localTime = localTime
        self.sequence = sequence
    }

    /// The start time as an instant, reading the local time in the station's time zone.
    ///
    /// Missing hour, minute or second count as zero. Around a daylight-saving change the local time
    /// is ambiguous or does not exist, and the recorder's clock may or may not have followed the
    /// change; this function takes one fixed reading:
    /// - a time in the hour skipped when clocks go forward (02:30 on a spring-forward day in New
    ///   York) is read with the offset in force before the change, so it lands the same distance
    ///   past the change (02:30 EST is 03:30 EDT);
    /// - a time in the hour repeated when clocks go back is read as its first occurrence (daylight time).
    ///
    /// - Returns: nil when there is no local time or it is not a real date.
    public func date(in timeZone: TimeZone) -> Date? {
        guard let local = localTime, let year = local.year, let month = local.month, let day = local.day else {
            return nil
        }
        let hour = local.hour ?? 0
        let minute = local.minute ?? 0
        let second = local.second ?? 0

        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = .gmt
        let fields = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let asIfUTC = utc.date(from: fields) else { return nil }

        // The local wall-clock time equals asIfUTC + offset(instant). Try the offsets in force a day
        // either side; the ones that reproduce the wall time are the readings of it.
        let before = timeZone.secondsFromGMT(for: asIfUTC.addingTimeInterval(-86_400))
        let after = timeZone.secondsFromGMT(for: asIfUTC.addingTimeInterval(86_400))
        let candidates = [before, after].map { asIfUTC.addingTimeInterval(-Double($0)) }
        let readings = candidates.filter { instant in
            asIfUTC.timeIntervalSince(instant) == Double(timeZone.secondsFromGMT(for: instant))
        }
        if let earliest = readings.min() {
            return earliest
        }
        // The wall time falls in a skipped hour: read it with the offset before the change.
        return candidates[0]
    }
}
