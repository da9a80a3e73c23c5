import Catalog
import Custody
import Foundation
import Reports

/// `custody case open|close|show|list|assign|unassign`: cases and the clips tied to them.
enum CaseCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "party", takesValue: true, help: "the party (open)"),
            .init(name: "handler", takesValue: true, help: "the handler's badge (open; assign by handler)"),
            .init(name: "title", takesValue: true, help: "a title for the case (open)"),
            .init(name: "ended", takesValue: true, help: "when the case ended (close)"),
            .init(name: "recorder", takesValue: true, help: "assign the recorder's clips inside --from/--to"),
            .init(name: "clip", takesValue: true, help: "assign one clip by its SHA-256"),
            .init(name: "from", takesValue: true, help: "start of the window (inclusive)"),
            .init(name: "to", takesValue: true, help: "end of the window (exclusive)"),
            .init(name: "format", takesValue: true, help: "table, json or csv (list; default table)"),
            TagOptions.by, TagOptions.maskNames,
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "case")
        if arguments.has("help") || arguments.positional.isEmpty {
            say(
                Help.command(
                    "case open CASE --party NAME --handler BADGE [--title TEXT]\n"
                        + "       custody case close CASE --ended DATE\n"
                        + "       custody case show CASE | custody case list [--format table|json|csv]\n"
                        + "       custody case assign|unassign CASE (--recorder SERIAL | --handler BADGE) --from TIME --to TIME\n"
                        + "       custody case assign|unassign CASE --clip SHA256",
                    "Opens and closes cases and ties clips to them. Clips stored later are tied when they are ingested.\n"
                        + "Every change is kept in the history (custody history CASE).", options: options),
                terminator: "")
            return arguments.has("help") ? 0 : CommandLineTool.usageStatus
        }
        let settings = try CommonOptions.settings(from: arguments)
        let action = arguments.positional[0]
        let mask = arguments.has("mask-names")
        if action == "list" {
            let format = try TagOptions.format(arguments)
            let catalog = try CommonOptions.existingCatalog(settings)
            defer { try? catalog.close() }
            let rows: [[String?]] = try catalog.cases().map { record in
                [
                    record.number, mask ? NameMask.mask(record.party) : record.party, record.handler, record.title,
                    Timestamps.utc(record.opened), record.ended.map(Timestamps.utc),
                    String(try catalog.clips(ClipFilter(caseNumber: record.number)).count),
                ]
            }
            say(
                TagOptions.render(
                    format, header: ["case", "party", "handler", "title", "opened", "ended", "clips"], rows: rows),
                terminator: "")
            return 0
        }
        guard arguments.positional.count == 2 else {
            throw UsageError("'custody case \(action)' takes one CASE number; see 'custody case --help'")
        }
        let number = arguments.positional[1]
        switch action {
        case "open":
            guard let party = arguments.value("party"), let handler = arguments.value("handler") else {
                throw UsageError("'custody case open' needs --party NAME and --handler BADGE")
            }
            let by = try TagOptions.person(arguments)
            let catalog = try Catalog(path: settings.catalog)
            defer { try? catalog.close() }
            try Tagging(settings: settings, catalog: catalog).openCase(
                CaseRecord(
                    number: number, party: party, handler: handler, title: arguments.value("title"), opened: Date()),
                by: by)
            say("case \(number) opened")
        case "close":
            guard let text = arguments.value("ended") else {
                throw UsageError("'custody case close' needs --ended DATE")
            }
            let ended = try CommonOptions.time(text, option: "ended", zone: settings.timeZone)
            let by = try TagOptions.person(arguments)
            let catalog = try CommonOptions.existingCatalog(settings)
            defer { try? catalog.close() }
            try Tagging(settings: settings, catalog: catalog).closeCase(number, ended: ended, by: by)
            say("case \(number) closed")
        case "assign", "unassign":
            let assignment = try assignment(number, arguments, zone: settings.timeZone)
            let by = try TagOptions.person(arguments)
            let catalog = try CommonOptions.existingCatalog(settings)
            defer { try? catalog.close() }
            let tagging = Tagging(settings: settings, catalog: catalog)
            if action == "assign" {
                try tagging.assign(assignment, by: by)
            } else {
                try tagging.unassign(assignment, by: by)
            }
            let count = try catalog.clips(ClipFilter(caseNumber: number)).count
            say("case \(number): \(count) clips tied")
        case "show":
            let catalog = try CommonOptions.existingCatalog(settings)
            defer { try? catalog.close() }
            guard let record = try catalog.caseRecord(number) else { throw TaggingError("there is no case \(number)") }
            var text = "case     \(record.number)\nparty    \(mask ? NameMask.mask(record.party)! : record.party)\n"
            text += "handler  \(record.handler)\ntitle    \(record.title ?? "-")\n"
            text += "opened   \(Timestamps.local(record.opened, in: settings.timeZone))\n"
            text += "ended    \(record.ended.map { Timestamps.local($0, in: settings.timeZone) } ?? "open")\n\nclips:\n"
            var listing = ClipListing(
                clips: try catalog.clips(ClipFilter(caseNumber: number)), store: settings.store,
                timeZone: settings.timeZone)
            listing.maskNames = mask
            text += listing.render(.table) + "\nhistory:\n"
            text += HistoryCommand.table(try catalog.history(of: number), zone: settings.timeZone, mask: mask)
            say(text, terminator: "")
        default:
            throw UsageError("unknown 'custody case \(action)'; use open, close, show, list, assign or unassign")
        }
        return 0
    }

    static func assignment(_ number: String, _ arguments: Arguments, zone: TimeZone) throws(UsageError)
        -> CaseAssignment
    {
        let given = [("recorder", CaseAssignment.Kind.recorder), ("handler", .handler), ("clip", .clip)].filter {
            arguments.value($0.0) != nil
        }
        guard given.count == 1, let (name, kind) = given.first, let value = arguments.value(name) else {
            throw UsageError("give exactly one of --recorder SERIAL, --handler BADGE or --clip SHA256")
        }
        if kind == .clip {
            guard arguments.value("from") == nil && arguments.value("to") == nil else {
                throw UsageError("--clip takes no --from or --to")
            }
            return CaseAssignment(caseNumber: number, kind: .clip, value: value.lowercased())
        }
        guard let fromText = arguments.value("from"), let toText = arguments.value("to") else {
            throw UsageError("--\(name) needs --from TIME and --to TIME")
        }
        let from = try CommonOptions.time(fromText, option: "from", zone: zone)
        let to = try CommonOptions.time(toText, option: "to", zone: zone)
        guard from < to else { throw UsageError("--from \(fromText) must come before --to \(toText)") }
        return CaseAssignment(caseNumber: number, kind: kind, value: value, from: from, to: to)
    }
}
