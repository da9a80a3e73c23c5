import Foundation

/// custody's configuration: defaults, then the configuration file, then flags.
///
/// The file is JSON. Every key is also a flag: the key `settle_seconds` is the flag `--settle-seconds`;
/// a key holding a list is a repeatable flag; `volumes` (volume label or UUID to recorder serial) is the
/// repeatable flag `--volume LABEL=SERIAL`.
public struct Settings: Sendable, Equatable {
    /// The default configuration file.
    public static let defaultConfigurationPath = "/etc/custody/custody.json"

    /// Folder that holds the originals.
    public var store = "/var/lib/custody/store"

    /// The SQLite catalog.
    public var catalog = "/var/lib/custody/catalog.sqlite"

    /// The station's time zone: the zone recorders' file names and local clocks are read in.
    public var timeZone = TimeZone.current

    /// Mount roots the daemon watches for recorder volumes.
    public var watch = ["/media", "/run/media", "/mnt"]

    /// File extensions taken as clips, in any case.
    public var extensions = ["mp4", "mov", "avi", "ts", "m4v", "mkv", "3gp"]

    /// Extra clip-name templates, tried after the standard `SERIAL_BADGE_YYYYMMDDhhmmss_NNNN`.
    public var namePatterns: [String] = []

    /// Volume label or UUID to recorder serial, for recorders whose clip names do not carry the serial.
    public var volumes: [String: String] = [:]

    /// How long a clip's size and modification time must stay unchanged before it is copied, in seconds.
    public var settleSeconds = 3.0

    /// How long to wait at most for a clip that is still being written, in seconds.
    public var settleLimitSeconds = 600.0

    /// How long the daemon lets the clip being copied finish after it is asked to stop, in seconds.
    public var stopTimeoutSeconds = 30.0

    /// The least important messages logged: debug, info, notice, warning, error.
    public var logLevel = LogLevel.info

    /// How far a clip's file-name time and its metadata time may differ before its clock is suspect, in seconds.
    public var clockToleranceSeconds = 120.0

    /// Years a clip tied to a case is kept after the case ended; never less than 10.
    public var retentionCaseYears = 10

    /// Months any other clip is kept after it was recorded; never less than 6.
    public var retentionPatrolMonths = 6
    /// An administrator's holiday file that adds or replaces whole years of the bundled schedules; `nil` means the
    /// default path, used only when it exists.
    public var holidaysFile: String?

    /// The default holiday file, read when it exists and `holidays_file` is not set.
    public static let defaultHolidaysFile = "/etc/custody/holidays.txt"

    /// How many working days after the recording day an original must be in storage (article 27: 2).
    public var ingestWorkingDays = 2

    /// Periods of field work away from base, whose originals are due 1 working day after the return.
    public var fieldWork: [FieldWorkTrip] = []

    /// A gap between clips (or a jump inside one) at most this long is a continuation, in seconds.
    public var splitTolerance = 2.0

    /// A gap at least this long starts a new activity, in seconds.
    public var activityBreak = 1800.0

    /// How much of a resumed recording is searched for a spoken explanation, in seconds from the resume.
    public var speechWindow = 30.0

    /// How much speech, in seconds summed over the window, counts as a spoken explanation.
    public var speechMinimum = 2.0

    public init() {}
}

/// A mistake in the configuration file or on the command line; the command exits with status 64.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

// MARK: - Reading the configuration file

extension Settings {
    /// The keys the configuration file may hold, and what each takes.
    static let keys: [(key: String, help: String)] = [
        ("store", "folder that holds the originals"),
        ("catalog", "SQLite catalog file"),
        ("timezone", "station time zone, an IANA name such as Asia/Shanghai"),
        ("watch", "mount roots the daemon watches (list)"),
        ("extensions", "file extensions taken as clips (list)"),
        ("name_patterns", "extra clip-name templates such as {yyyy}{MM}{dd}_{hh}{mm}{ss}_{seq} (list)"),
        ("volumes", "volume label or UUID to recorder serial (object)"),
        ("settle_seconds", "how long a clip must stay unchanged before it is copied"),
        ("settle_limit_seconds", "how long to wait at most for a clip still being written"),
        ("stop_timeout_seconds", "how long the daemon lets a copy finish when asked to stop"),
        ("log_level", "debug, info, notice, warning or error"),
        ("clock_tolerance_seconds", "file-name and metadata times further apart than this make a clock suspect"),
        ("retention_case_years", "years a clip tied to a case is kept after the case ended (at least 10)"),
        ("retention_patrol_months", "months any other clip is kept after it was recorded (at least 6)"),
        ("holidays_file", "holiday schedules that add or replace whole years (default /etc/custody/holidays.txt)"),
        ("ingest_working_days", "working days after the recording day by which an original must be stored (2)"),
        ("field_work", "field work away from base as SERIAL=LEFT/RETURNED, days YYYY-MM-DD (list)"),
        ("split_tolerance", "a gap at most this many seconds is a continuation"),
        ("activity_break", "a gap at least this many seconds starts a new activity"),
        ("speech_window", "seconds of a resumed recording searched for a spoken explanation"),
        ("speech_minimum", "seconds of speech that count as a spoken explanation"),
    ]

    /// Applies the configuration file at `path` on top of these settings.
    ///
    /// - Parameter required: when false, a missing file is not an error (the default path need not exist).
    public mutating func load(configuration path: String, required: Bool) throws(UsageError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !required && !FileManager.default.fileExists(atPath: path) { return }
            throw UsageError("cannot read the configuration file '\(path)': it does not exist or is not readable")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw UsageError("the configuration file '\(path)' is not valid JSON: \(error.localizedDescription)")
        }
        guard let values = object as? [String: Any] else {
            throw UsageError("the configuration file '\(path)' must hold one JSON object")
        }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try apply(key: key, value: value, from: "the configuration file '\(path)'")
        }
    }

    /// Whether a number read from JSON was written as `true` or `false`: JSONSerialization gives those the
    /// type code of a C `char`, which it never uses for numbers.
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    /// Applies one configuration value; `source` names where it came from in error messages.
    public mutating func apply(key: String, value: Any, from source: String) throws(UsageError) {
        func text() throws(UsageError) -> String {
            guard let text = value as? String, !text.isEmpty else {
                throw UsageError("'\(key)' in \(source) must be a non-empty string")
            }
            return text
        }
        func list() throws(UsageError) -> [String] {
            let list = (value as? String).map { [$0] } ?? (value as? [String])
            guard let list, !list.isEmpty, !list.contains(where: \.isEmpty) else {
                throw UsageError("'\(key)' in \(source) must be a non-empty list of non-empty strings")
            }
            return list
        }
        func seconds(atMost limit: Double) throws(UsageError) -> Double {
            let number: Double? =
                if let text = value as? String {
                    Double(text)
                } else if let number = value as? NSNumber, !Settings.isBoolean(number) {
                    number.doubleValue
                } else {
                    nil
                }
            guard let number, number.isFinite, number >= 0, number <= limit else {
                throw UsageError("'\(key)' in \(source) must be a number of seconds from 0 to \(Int(limit))")
            }
            return number
        }

        func whole(atLeast minimum: Int, _ unit: String) throws(UsageError) -> Int {
            let number: Int? = if let text = value as? String { Int(text) } else { (value as? NSNumber)?.intValue }
            guard let number, number >= minimum else {
                throw UsageError(
                    "'\(key)' in \(source) must be a whole number of \(unit), at least \(minimum) (the regulation's minimum)"
                )
            }
            return number
        }

        switch key {
        case "store": store = try text()
        case "catalog": catalog = try text()
        case "timezone":
            let name = try text()
            guard let zone = TimeZone(identifier: name) else {
                throw UsageError("unknown time zone '\(name)' in \(source); use an IANA name such as Asia/Shanghai")
            }
            timeZone = zone
        case "watch": watch = try list()
        case "extensions": extensions = try list().map { $0.lowercased().trimmingCharacters(in: ["."]) }
        case "name_patterns": namePatterns = try list()
        case "volumes":
            guard let map = value as? [String: String] else {
                throw UsageError("'volumes' in \(source) must map volume labels or UUIDs to recorder serials")
            }
            volumes.merge(map) { _, new in new }
        case "settle_seconds": settleSeconds = try seconds(atMost: 3600)
        case "settle_limit_seconds": settleLimitSeconds = try seconds(atMost: 7 * 86400)
        case "stop_timeout_seconds": stopTimeoutSeconds = try seconds(atMost: 3600)
        case "split_tolerance": splitTolerance = try seconds(atMost: 3600)
        case "activity_break": activityBreak = try seconds(atMost: 7 * 86400)
        case "speech_window":
            speechWindow = try seconds(atMost: 3600)
            guard speechWindow > 0 else { throw UsageError("'speech_window' in \(source) must be more than 0 seconds") }
        case "speech_minimum": speechMinimum = try seconds(atMost: 3600)
        case "log_level":
            let name = try text()
            guard let level = LogLevel(name: name) else {
                throw UsageError("unknown log level '\(name)' in \(source); use debug, info, notice, warning or error")
            }
            logLevel = level
        case "clock_tolerance_seconds": clockToleranceSeconds = try seconds(atMost: 86400)
        case "retention_case_years": retentionCaseYears = try whole(atLeast: 10, "years")
        case "retention_patrol_months": retentionPatrolMonths = try whole(atLeast: 6, "months")
        case "holidays_file": holidaysFile = try text()
        case "ingest_working_days":
            let number: Int? =
                if let text = value as? String { Int(text) } else { (value as? NSNumber)?.intValue }
            guard let number, (0...30).contains(number) else {
                throw UsageError("'ingest_working_days' in \(source) must be a whole number of days from 0 to 30")
            }
            ingestWorkingDays = number
        case "field_work":
            var trips: [FieldWorkTrip] = []
            for text in try list() { trips.append(try FieldWorkTrip(parsing: text, from: source)) }
            fieldWork = trips
        default:
            throw UsageError("unknown key '\(key)' in \(source)")
        }
    }
}
