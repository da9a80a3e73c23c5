import Catalog
import Custody
import Foundation

/// `custody purge [--dry-run]`: deletes the originals past their retention date and not on hold.
enum PurgeCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "dry-run", takesValue: false, help: "say what would be deleted; change nothing"), TagOptions.by,
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "purge")
        if arguments.has("help") {
            say(
                Help.command(
                    "purge [--dry-run] [--by NAME]",
                    "Deletes only the originals past their retention date, not tied to an open case and not on hold,\n"
                        + "and records each deletion in the catalog. Every other clip is kept, with the reason.",
                    options: options), terminator: "")
            return 0
        }
        guard arguments.positional.isEmpty else { throw UsageError("'custody purge' takes no arguments") }
        let settings = try CommonOptions.settings(from: arguments)
        let by = try TagOptions.person(arguments)
        let dryRun = arguments.has("dry-run")
        let catalog = try CommonOptions.existingCatalog(settings)
        defer { try? catalog.close() }
        let outcomes = try Tagging(settings: settings, catalog: catalog).purge(dryRun: dryRun, by: by)
        var purged = 0
        for outcome in outcomes {
            switch outcome {
            case .purged(let sha256, let path):
                purged += 1
                say("\(dryRun ? "would purge" : "purged")  \(sha256)  \(path)")
            case .kept(let sha256, let path, let reason):
                say("kept  \(sha256)  \(path): \(reason)")
            }
        }
        say("\(purged) originals \(dryRun ? "would be " : "")purged, \(outcomes.count - purged) kept")
        return 0
    }
}
