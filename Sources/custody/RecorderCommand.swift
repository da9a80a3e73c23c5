import Catalog
import Custody
import Foundation
import Reports

/// `custody recorder set|list`: who a recorder is issued to and how its clock must be read.
enum RecorderCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "handler", takesValue: true, help: "badge of the handler the recorder is issued to"),
            .init(name: "name", takesValue: true, help: "the handler's name"),
            .init(name: "from", takesValue: true, help: "the handler holds the recorder from TIME on (default now)"),
            .init(name: "clock", takesValue: true, help: "utc, local or ±HH:MM: what the metadata times mean"),
            .init(name: "stamps", takesValue: true, help: "start or end: which end of a recording the clock stamps"),
            .init(name: "format", takesValue: true, help: "table, json or csv (list; default table)"),
            TagOptions.by, TagOptions.maskNames,
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "recorder")
        if arguments.has("help") || arguments.positional.isEmpty {
            say(
                Help.command(
                    "recorder set SERIAL [--handler BADGE --name NAME] [--from TIME] [--clock utc|local|±HH:MM] "
                        + "[--stamps start|end]\n       custody recorder list [--format table|json|csv]",
                    "Sets who a recorder is issued to (from a time on) and how its clock must be read; its clips\n"
                        + "already stored are corrected at once, from their raw times. Lists the recorders.",
                    options: options), terminator: "")
            return arguments.has("help") ? 0 : CommandLineTool.usageStatus
        }
        let settings = try CommonOptions.settings(from: arguments)
        switch arguments.positional[0] {
        case "set":
            guard arguments.positional.count == 2 else {
                throw UsageError("'custody recorder set' takes one SERIAL; see 'custody recorder --help'")
            }
            let clock = try arguments.value("clock").map { text throws(UsageError) in
                guard let zone = RecorderClock.zone(text) else {
                    throw UsageError("'--clock \(text)' is not utc, local or ±HH:MM")
                }
                return zone
            }
            let stamps = try arguments.value("stamps").map { text throws(UsageError) in
                guard text == "start" || text == "end" else {
                    throw UsageError("'--stamps \(text)' is not start or end")
                }
                return text == "end"
            }
            if arguments.value("name") != nil && arguments.value("handler") == nil {
                throw UsageError("--name needs --handler BADGE")
            }
            let from =
                try arguments.value("from").map { text throws(UsageError) in
                    try CommonOptions.time(text, option: "from", zone: settings.timeZone)
                } ?? Date()
            guard clock != nil || stamps != nil || arguments.value("handler") != nil else {
                throw UsageError("say what to set: --handler, --clock or --stamps")
            }
            let by = try TagOptions.person(arguments)
            let catalog = try Catalog(path: settings.catalog)
            defer { try? catalog.close() }
            try Tagging(settings: settings, catalog: catalog).setRecorder(
                arguments.positional[1], handler: arguments.value("handler"), name: arguments.value("name"),
                from: from, clock: clock, stampsEnd: stamps, by: by)
            if clock != nil || stamps != nil {
                // The corrected starts move the recorder's gaps; work them out again now, not at the next dock.
                let log = Log(level: arguments.value("log-level") == nil ? .warning : settings.logLevel)
                _ = try GapAnalysis(settings: settings, catalog: catalog, log: log).analyse(
                    recorder: arguments.positional[1])
            }
            say("recorder \(arguments.positional[1]) set")
            return 0
        case "list":
            let format = try TagOptions.format(arguments)
            let catalog = try CommonOptions.existingCatalog(settings)
            defer { try? catalog.close() }
            var rows: [[String?]] = []
            for recorder in try catalog.recorderSettings() {
                let name = try recorder.handler.flatMap(catalog.handlerName(badge:))
                rows.append([
                    recorder.serial, recorder.handler, arguments.has("mask-names") ? NameMask.mask(name) : name,
                    recorder.clock, recorder.stamps, Timestamps.utc(recorder.firstSeen),
                    recorder.lastDocked.map(Timestamps.utc),
                ])
            }
            say(
                TagOptions.render(
                    format,
                    header: ["serial", "handler", "handler_name", "clock", "stamps", "first_seen", "last_docked"],
                    rows: rows), terminator: "")
            return 0
        default:
            throw UsageError("unknown 'custody recorder \(arguments.positional[0])'; use set or list")
        }
    }
}
