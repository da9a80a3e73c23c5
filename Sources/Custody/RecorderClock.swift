import Foundation

/// How a recorder's clock must be read: what it writes into `creation_time` and which end of a recording it stamps.
///
/// `creation_time` is defined as UTC, but many recorders write their local wall-clock time there (`local`, read in
/// the station's zone) or the time of a fixed zone (`+08:00`). Some stamp the end of a recording instead of its
/// start. The file-name time is always read in the station's zone; only metadata times are reinterpreted.
public struct RecorderClock: Sendable, Equatable {
    /// What the metadata time means.
    public enum Zone: Sendable, Equatable {
        case utc
        case local
        /// A fixed offset from UTC, in seconds.
        case offset(Int)
    }

    public var zone: Zone
    /// True when the recorder stamps the end of a recording.
    public var stampsEnd: Bool

    public init(zone: Zone = .utc, stampsEnd: Bool = false) {
        self.zone = zone
        self.stampsEnd = stampsEnd
    }

    /// Reads `utc`, `local` or `±HH:MM`; nil for anything else.
    public static func zone(_ text: String) -> Zone? {
        switch text.lowercased() {
        case "utc", "z", "+00:00", "-00:00": return .utc
        case "local": return .local
        default:
            let scalars = Array(text.utf8)
            guard scalars.count == 6, scalars[0] == UInt8(ascii: "+") || scalars[0] == UInt8(ascii: "-"),
                scalars[3] == UInt8(ascii: ":"), let hours = Int(text.dropFirst().prefix(2)),
                let minutes = Int(text.suffix(2)), hours <= 14, minutes < 60
            else { return nil }
            let seconds = (hours * 3600 + minutes * 60) * (scalars[0] == UInt8(ascii: "-") ? -1 : 1)
            return .offset(seconds)
        }
    }

    /// The text stored in the catalog for a zone.
    public static func text(_ zone: Zone) -> String {
        switch zone {
        case .utc: return "utc"
        case .local: return "local"
        case .offset(let seconds):
            let sign = seconds < 0 ? "-" : "+"
            return String(format: "%@%02d:%02d", sign, abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        }
    }

    /// A metadata time read as this clock writes it: the digits the recorder wrote, as if UTC, moved to the
    /// instant they mean.
    public func metadataInstant(_ written: Date, stationZone: TimeZone) -> Date {
        switch zone {
        case .utc:
            return written
        case .offset(let seconds):
            return written.addingTimeInterval(-Double(seconds))
        case .local:
            let guess = written.addingTimeInterval(-Double(stationZone.secondsFromGMT(for: written)))
            return written.addingTimeInterval(-Double(stationZone.secondsFromGMT(for: guess)))
        }
    }
}
