import Catalog
import Custody
import Foundation
import Reports

/// `custody deadlines`: clips stored late, clips that cannot be judged, recorders not docked in time, case files due.
enum DeadlinesCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "format", takesValue: true, help: "table, json or csv (default table)"),
            .init(name: "lang", takesValue: true, help: "zh or en for the table (default from LANG)"),
            .init(name: "recorder", takesValue: true, help: "only this recorder's clips and dock"),
            .init(name: "since", takesValue: true, help: "only clips whose recording ended at or after DATE"),
            .init(name: "until", takesValue: true, help: "only clips whose recording ended before DATE"),
            .init(name: "at", takesValue: true, help: "judge as of this time instead of now (ISO 8601 or YYYY-MM-DD)"),
            .init(name: "mask-names", takesValue: false, help: "show the parties of cases as 张* or J*** S****"),
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "deadlines")
        if arguments.has("help") {
            say(
                Help.command(
                    "deadlines [--format table|json|csv] [--lang zh|en] [--recorder SERIAL] [--since DATE] "
                        + "[--until DATE]",
                    "Checks article 27's deadlines. An original is due in storage by the end of the 2nd working\n"
                        + "day (ingest_working_days) after the day its recording ended (start + duration, in the\n"
                        + "station's --timezone). Lists clips stored late and by how much, clips with no start or\n"
                        + "duration (cannot be judged), recorders whose last dock is more than that many working\n"
                        + "days ago, and, when the catalog keeps cases, case files due within 7 days of their\n"
                        + "30-day deadline or overdue. Years without a holiday schedule are flagged (fallback).\n"
                        + "JSON: an object {generated, timezone, ingest_working_days, clips, late, unjudged,\n"
                        + "recorders, case_files, fallback_years}; each clip has sha256, recorder, handler,\n"
                        + "original_name, end, due, ingested (ISO 8601 UTC), late, late_seconds, fallback.\n"
                        + "CSV: one row per clip with status on_time, late or cannot_judge.\n"
                        + "Field work away from base: --field-work SERIAL=LEFT/RETURNED (key field_work); clips\n"
                        + "that ended on those days are due 1 working day after the return (or by the rule above\n"
                        + "when that is later).",
                    options: options), terminator: "")
            return 0
        }
        guard arguments.positional.isEmpty else {
            throw UsageError("'custody deadlines' takes no PATH; see 'custody deadlines --help'")
        }
        let settings = try CommonOptions.settings(from: arguments)
        let formatName = arguments.value("format") ?? "table"
        guard let format = OutputFormat(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use table, json or csv")
        }
        let language = try CommonOptions.language(arguments)
        let times = try CommonOptions.times(["since", "until", "at"], from: arguments, zone: settings.timeZone)
        let check = try DeadlineCheck(settings: settings)
        let catalog = try CommonOptions.existingCatalog(settings)
        defer { try? catalog.close() }
        let report = try check.report(
            catalog: catalog, recorder: arguments.value("recorder"), since: times["since"], until: times["until"],
            now: times["at"] ?? Date())
        say(
            (arguments.has("mask-names") ? report.maskingNames() : report).render(format, language: language),
            terminator: "")
        return 0
    }
}
