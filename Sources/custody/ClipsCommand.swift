import Catalog
import Custody
import Foundation
import Reports

enum ClipsCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "format", takesValue: true, help: "table, json or csv (default table)"),
            .init(name: "recorder", takesValue: true, help: "only this recorder's clips"),
            .init(
                name: "since", takesValue: true, help: "only clips starting at or after DATE (YYYY-MM-DD or ISO 8601)"),
            .init(name: "until", takesValue: true, help: "only clips starting before DATE"),
            .init(name: "case", takesValue: true, help: "only clips tied to CASE"), TagOptions.maskNames,
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "clips")
        if arguments.has("help") {
            say(
                Help.command(
                    "clips [--format table|json|csv] [--recorder SERIAL] [--since DATE] [--until DATE]",
                    "Lists the clips in the catalog. JSON fields: sha256, recorder, handler, original_name,\n"
                        + "original_path, stored_path, size, start, start_source, duration, container, streams,\n"
                        + "damaged, ingested, raw_start, metadata_time, filename_time, clock_suspect, cases,\n"
                        + "retain_until, purged.", options: options), terminator: "")
            return 0
        }
        guard arguments.positional.isEmpty else {
            throw UsageError("'custody clips' takes no PATH; see 'custody clips --help'")
        }
        let settings = try CommonOptions.settings(from: arguments)
        let formatName = arguments.value("format") ?? "table"
        guard let format = OutputFormat(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)'; use table, json or csv")
        }
        var filter = ClipFilter(recorder: arguments.value("recorder"))
        filter.caseNumber = arguments.value("case")
        let times = try CommonOptions.times(["since", "until"], from: arguments, zone: settings.timeZone)
        filter.since = times["since"]
        filter.until = times["until"]
        let catalog = try CommonOptions.existingCatalog(settings)
        defer { try? catalog.close() }
        // Stored paths are relative to the store the catalog indexes, whatever --store says.
        let store = try catalog.storeRoot() ?? Ingest.absolute(settings.store)
        var listing = ClipListing(clips: try catalog.clips(filter), store: store, timeZone: settings.timeZone)
        listing.maskNames = arguments.has("mask-names")
        say(listing.render(format), terminator: "")
        return 0
    }
}

struct CatalogMissing: Error, CustomStringConvertible {
    var path: String
    var description: String {
        "there is no catalog at '\(path)'; ingest a volume first, or name the catalog with --catalog FILE"
    }
}
