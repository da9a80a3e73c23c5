import Catalog
import Foundation
import Reports

/// Works out a clip's start from the raw values the recorder gave and says why its clock is suspect.
///
/// The raw values never change (`raw_start`, `metadata_time`, `filename_time`); the start is recomputed from them
/// whenever the recorder's clock setting changes.
public struct ClockCheck: Sendable {
    /// Starts before this are from a reset clock.
    public static let earliestBelievable = Date(timeIntervalSince1970: 1_262_304_000)  // 2010-01-01T00:00:00Z

    public var stationZone: TimeZone
    /// How far the file-name and metadata times may differ, in seconds.
    public var tolerance: Double

    public init(stationZone: TimeZone, tolerance: Double) {
        self.stationZone = stationZone
        self.tolerance = tolerance
    }

    /// The corrected start and the reasons to suspect the clock, joined by "; " (nil when there is none).
    public func correct(_ clip: ClipRecord, clock: RecorderClock) -> (start: Date?, suspect: String?) {
        let raw = clip.rawStart ?? clip.start
        var stamp: Date?
        var metadataStamp: Date?
        switch clip.startSource {
        case .metadata:
            metadataStamp = raw.map { clock.metadataInstant($0, stationZone: stationZone) }
            stamp = metadataStamp
        case .filename, .mtime, nil:
            stamp = raw
        }
        var start = stamp
        if clock.stampsEnd, let stamped = stamp, let duration = clip.duration {
            start = stamped.addingTimeInterval(-duration)
        }

        var reasons: [String] = []
        if let start, start < ClockCheck.earliestBelievable {
            reasons.append(
                "the start \(Timestamps.local(start, in: stationZone)) is before 2010: the recorder's clock was "
                    + "probably reset")
        }
        if let start, start > clip.ingested {
            reasons.append(
                "the start \(Timestamps.local(start, in: stationZone)) is after the clip was docked at "
                    + "\(Timestamps.local(clip.ingested, in: stationZone))")
        }
        if let metadataStamp, let named = clip.filenameTime {
            let apart = metadataStamp.timeIntervalSince(named)
            if abs(apart) > tolerance {
                let hours = (apart / 3600).rounded()
                var reason =
                    "the file name says \(Timestamps.local(named, in: stationZone)) but the metadata says "
                    + "\(Timestamps.local(metadataStamp, in: stationZone)), \(ClockCheck.seconds(apart)) apart"
                // Zones lie within 26 h of one another; a difference of whole days and more is something else.
                if hours != 0 && abs(hours) <= 26 && abs(apart - hours * 3600) <= tolerance {
                    reason += "; a whole \(Int(abs(hours))) h difference looks like a time-zone mistake"
                }
                reasons.append(reason)
            }
        }
        return (start, reasons.isEmpty ? nil : reasons.joined(separator: "; "))
    }

    static func seconds(_ interval: Double) -> String {
        let magnitude = abs(interval)
        let text = magnitude == magnitude.rounded() ? String(Int64(magnitude)) : String(format: "%.3f", magnitude)
        return "\(text) s"
    }
}
