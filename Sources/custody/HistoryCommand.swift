import Catalog
import Custody
import Foundation
import Reports

/// `custody history SHA256|CASE|SERIAL`: every tag change, oldest first.
enum HistoryCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "format", takesValue: true, help: "table, json or csv (default table)"), TagOptions.maskNames,
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "history")
        if arguments.has("help") {
            say(
                Help.command(
                    "history SHA256|CASE|SERIAL [--format table|json|csv]",
                    "Shows every change of a clip's, a case's or a recorder's tags: when, by whom, what, old, new.",
                    options: options), terminator: "")
            return 0
        }
        guard arguments.positional.count == 1 else {
            throw UsageError("'custody history' takes one SHA256, CASE or SERIAL; see 'custody history --help'")
        }
        let settings = try CommonOptions.settings(from: arguments)
        let format = try TagOptions.format(arguments)
        let catalog = try CommonOptions.existingCatalog(settings)
        defer { try? catalog.close() }
        let changes = try catalog.history(of: TagOptions.subject(arguments.positional[0]))
        if format == .table {
            say(table(changes, zone: settings.timeZone, mask: arguments.has("mask-names")), terminator: "")
        } else {
            say(
                TagOptions.render(
                    format, header: ["at", "by", "subject", "field", "old", "new"],
                    rows: rows(changes, mask: arguments.has("mask-names"), time: Timestamps.utc)), terminator: "")
        }
        return 0
    }

    static func rows(_ changes: [TagChange], mask: Bool, time: (Date) -> String) -> [[String?]] {
        changes.map { change in
            [
                time(change.at), mask ? NameMask.mask(change.by) : change.by, change.subject, change.field, change.old,
                change.new,
            ]
        }
    }

    static func table(_ changes: [TagChange], zone: TimeZone, mask: Bool) -> String {
        TagOptions.render(
            .table, header: ["at", "by", "subject", "field", "old", "new"],
            rows: rows(changes, mask: mask, time: { Timestamps.local($0, in: zone) }))
    }
}
