import Catalog
import Custody
import Foundation
import Reports

/// `custody gaps`: every gap between and inside each recorder's clips, and whether it was explained.
enum GapsCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "format", takesValue: true, help: "table, csv, json or html (default table)"),
            .init(name: "out", takesValue: true, help: "write the report to FILE instead of standard output"),
            .init(name: "lang", takesValue: true, help: "zh or en for the table and HTML (default from LANG)"),
            .init(name: "recorder", takesValue: true, help: "only this recorder's gaps"),
            .init(name: "since", takesValue: true, help: "only gaps at or after DATE (YYYY-MM-DD or ISO 8601)"),
            .init(name: "until", takesValue: true, help: "only gaps before DATE"),
            .init(name: "unexplained", takesValue: false, help: "only gaps whose explanation is missing or unchecked"),
            .init(name: "refresh", takesValue: false, help: "recompute every recorder's gaps first"),
            .init(
                name: "mask-names", takesValue: false,
                help: "show the names of who wrote explanations as 张* or J*** S****"),
            .init(
                name: "openings", takesValue: false,
                help: "list each activity's opening statement instead (table, csv or json)"),
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "gaps")
        if arguments.has("help") {
            say(
                Help.command(
                    "gaps [--recorder SERIAL] [--since DATE] [--until DATE] [--unexplained]\n"
                        + "                   [--format table|csv|json|html] [--out FILE] [--lang zh|en] [--refresh]",
                    "Shows every gap between consecutive clips of a recorder and every timestamp jump inside a clip:\n"
                        + "continuation, interruption, new_activity, overlap or unknown, and for interruptions (and\n"
                        + "overlaps and unknown gaps) whether the cause was spoken when recording resumed, written\n"
                        + "afterwards with 'custody explain', or is missing. Gaps are computed after every dock;\n"
                        + "--refresh recomputes them for every recorder (after changing split_tolerance,\n"
                        + "activity_break, speech_window or speech_minimum). JSON fields: id, recorder, kind, inside,\n"
                        + "before, after, before_name, after_name, start, end, seconds, explanation, speech_start,\n"
                        + "speech_seconds, note, note_by, note_at, error. With --openings, each activity's opening\n"
                        + "statement instead: recorder, clip, clip_name, offset, start, explanation (spoken or missing),\n"
                        + "speech_start, speech_seconds, error.", options: options), terminator: "")
            return 0
        }
        guard arguments.positional.isEmpty else {
            throw UsageError("'custody gaps' takes no PATH; see 'custody gaps --help'")
        }
        let settings = try CommonOptions.settings(from: arguments)
        let formatName = arguments.value("format") ?? "table"
        guard let format = GapFormat(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use table, csv, json or html")
        }
        if arguments.has("openings") && OutputFormat(rawValue: format.rawValue) == nil {
            throw UsageError("'--openings' is written as table, csv or json, not \(format.rawValue)")
        }
        let language = try CommonOptions.language(arguments)
        var filter = GapFilter(recorder: arguments.value("recorder"), unexplained: arguments.has("unexplained"))
        let times = try CommonOptions.times(["since", "until"], from: arguments, zone: settings.timeZone)
        filter.since = times["since"]
        filter.until = times["until"]

        let catalog = try CommonOptions.existingCatalog(settings)
        defer { try? catalog.close() }
        if arguments.has("refresh") {
            let log = Log(level: arguments.value("log-level") == nil ? .warning : settings.logLevel)
            let summary = try GapAnalysis(settings: settings, catalog: catalog, log: log).analyseAll()
            FileHandle.standardError.write(Data((summary.line + "\n").utf8))
        }
        if arguments.has("openings") {
            guard let listingFormat = OutputFormat(rawValue: format.rawValue) else {
                throw UsageError("'--openings' is written as table, csv or json, not \(format.rawValue)")
            }
            let listing = try GapReportBuilder.openings(catalog: catalog, filter: filter, timeZone: settings.timeZone)
            try write(listing.render(listingFormat), to: arguments.value("out"))
            return 0
        }
        var report = try GapReportBuilder.build(catalog: catalog, filter: filter, timeZone: settings.timeZone)
        if arguments.has("mask-names") { report = report.maskingNames() }
        try write(report.render(format: format, language: language), to: arguments.value("out"))
        return 0
    }

    /// Writes to the file `out` names, or to standard output.
    private static func write(_ text: String, to out: String?) throws {
        guard let out else {
            say(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw ReportNotWritten(path: out, reason: error.localizedDescription)
        }
    }
}

struct ReportNotWritten: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String {
        "cannot write the report to '\(path)': \(reason); check that its folder exists and is writable"
    }
}
