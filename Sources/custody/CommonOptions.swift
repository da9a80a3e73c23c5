import Catalog
import Custody
import Foundation
import Reports

/// The options every subcommand takes: where the store, catalog and configuration are, and every
/// configuration key as a flag.
enum CommonOptions {
    static let list: [Arguments.Option] = basics + configurationKeys

    static let basics: [Arguments.Option] = [
        .init(name: "help", takesValue: false, help: "show this help"),
        .init(
            name: "config", takesValue: true, help: "configuration file (default \(Settings.defaultConfigurationPath))"),
        .init(
            name: "store", takesValue: true, help: "folder that holds the originals (default /var/lib/custody/store)"),
        .init(
            name: "catalog", takesValue: true, help: "SQLite catalog (default /var/lib/custody/catalog.sqlite)"),
        .init(name: "timezone", takesValue: true, help: "station time zone, an IANA name (default the system's)"),
        .init(name: "log-level", takesValue: true, help: "debug, info, notice, warning or error (default info)"),
    ]

    /// The configuration keys as flags; every command takes them, so one set of flags works everywhere.
    static let configurationKeys: [Arguments.Option] = [
        .init(
            name: "watch", takesValue: true,
            help: "a mount root the daemon watches (repeatable; /media /run/media /mnt)"),
        .init(name: "extensions", takesValue: true, help: "a file extension taken as a clip (repeatable)"),
        .init(
            name: "name-patterns", takesValue: true,
            help: "an extra clip-name template, e.g. {yyyy}{MM}{dd}_{hh}{mm}{ss}_{seq} (repeatable)"),
        .init(
            name: "volumes", takesValue: true,
            help: "LABEL=SERIAL: clips on this volume are this recorder's (repeatable)"),
        .init(
            name: "settle-seconds", takesValue: true, help: "a clip must stay unchanged this long before copying (3)"),
        .init(
            name: "settle-limit-seconds", takesValue: true,
            help: "wait at most this long for a clip being written (600)"),
        .init(
            name: "stop-timeout-seconds", takesValue: true,
            help: "on SIGTERM, the daemon lets the clip being copied finish for at most this long (30)"),
        .init(
            name: "clock-tolerance-seconds", takesValue: true,
            help: "file-name and metadata times further apart make a clock suspect (120)"),
        .init(
            name: "retention-case-years", takesValue: true, help: "years a case's clips are kept after it ended (10)"),
        .init(name: "retention-patrol-months", takesValue: true, help: "months other clips are kept (6)"),
        .init(
            name: "holidays-file", takesValue: true,
            help: "holiday schedules adding or replacing whole years (default /etc/custody/holidays.txt if present)"),
        .init(
            name: "ingest-working-days", takesValue: true,
            help: "an original is due by the end of this working day after the recording day (2)"),
        .init(
            name: "field-work", takesValue: true,
            help: "SERIAL=LEFT/RETURNED (YYYY-MM-DD): field work, due 1 working day after the return (repeatable)"),
        .init(
            name: "split-tolerance", takesValue: true, help: "a gap of at most this many seconds is a continuation (2)"),
        .init(
            name: "activity-break", takesValue: true,
            help: "a gap of at least this many seconds is a new activity (1800)"),
        .init(
            name: "speech-window", takesValue: true,
            help: "seconds of a resumed recording searched for a spoken explanation (30)"),
        .init(name: "speech-minimum", takesValue: true, help: "seconds of speech that count as spoken (2)"),
    ]

    /// Builds the settings: defaults, then the configuration file, then the flags.
    static func settings(from arguments: Arguments) throws(UsageError) -> Settings {
        var settings = Settings()
        if let path = arguments.value("config") {
            try settings.load(configuration: path, required: true)
        } else {
            try settings.load(configuration: Settings.defaultConfigurationPath, required: false)
        }
        let source = "the command line"
        for (flag, key) in [
            ("store", "store"), ("catalog", "catalog"), ("timezone", "timezone"), ("log-level", "log_level"),
            ("settle-seconds", "settle_seconds"), ("settle-limit-seconds", "settle_limit_seconds"),
            ("stop-timeout-seconds", "stop_timeout_seconds"), ("clock-tolerance-seconds", "clock_tolerance_seconds"),
            ("retention-case-years", "retention_case_years"), ("retention-patrol-months", "retention_patrol_months"),
            ("holidays-file", "holidays_file"), ("ingest-working-days", "ingest_working_days"),
            ("split-tolerance", "split_tolerance"), ("activity-break", "activity_break"),
            ("speech-window", "speech_window"), ("speech-minimum", "speech_minimum"),
        ] {
            if let value = arguments.value(flag) { try settings.apply(key: key, value: value, from: source) }
        }
        for (flag, key) in [("watch", "watch"), ("extensions", "extensions"), ("name-patterns", "name_patterns")] {
            let values = arguments.all(flag)
            if !values.isEmpty { try settings.apply(key: key, value: values, from: source) }
        }
        let trips = arguments.all("field-work")
        if !trips.isEmpty { try settings.apply(key: "field_work", value: trips, from: source) }
        var volumes: [String: String] = [:]
        for pair in arguments.all("volumes") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw UsageError("'--volumes \(pair)' must be LABEL=SERIAL or UUID=SERIAL")
            }
            volumes[parts[0]] = parts[1]
        }
        if !volumes.isEmpty { try settings.apply(key: "volumes", value: volumes, from: source) }
        return settings
    }

    /// A date or time given to `--option`, read in the station's zone unless it names its own.
    static func time(_ text: String, option: String, zone: TimeZone) throws(UsageError) -> Date {
        guard let date = Timestamps.parse(text, in: zone) else {
            throw UsageError(
                "'--\(option) \(text)' is not a date or time; use YYYY-MM-DD, 'YYYY-MM-DD hh:mm[:ss]' in the station's zone, or ISO 8601 with a zone"
            )
        }
        return date
    }

    /// The date or time options among `names` that were given, by name.
    static func times(_ names: [String], from arguments: Arguments, zone: TimeZone) throws(UsageError) -> [String: Date]
    {
        var times: [String: Date] = [:]
        for name in names {
            guard let text = arguments.value(name) else { continue }
            times[name] = try time(text, option: name, zone: zone)
        }
        return times
    }

    /// The language of a report for people: `--lang zh|en`, else from `LANG`.
    static func language(_ arguments: Arguments) throws(UsageError) -> ReportLanguage {
        guard let name = arguments.value("lang") else { return ReportLanguage.fromEnvironment() }
        guard let language = ReportLanguage(rawValue: name) else {
            throw UsageError("unknown language '\(name)'; use zh or en")
        }
        return language
    }

    /// Opens the catalog for a command that reads or changes what was ingested: it must exist already.
    static func existingCatalog(_ settings: Settings) throws -> Catalog {
        guard FileManager.default.fileExists(atPath: settings.catalog) else {
            throw CatalogMissing(path: settings.catalog)
        }
        return try Catalog(path: settings.catalog)
    }
}
