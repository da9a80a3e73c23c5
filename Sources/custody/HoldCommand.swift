import Catalog
import Custody
import Foundation

/// `custody hold CASE|SHA256 --reason TEXT` and `custody release CASE|SHA256`: suspend and resume deletion.
enum HoldCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "reason", takesValue: true, help: "why deletion is suspended"), TagOptions.by,
        ]

    static func run(_ words: [String], release: Bool) throws -> Int32 {
        let command = release ? "release" : "hold"
        let arguments = try Arguments(words, options: options, command: command)
        if arguments.has("help") {
            say(
                Help.command(
                    release ? "release CASE|SHA256 --by NAME" : "hold CASE|SHA256 --reason TEXT [--by NAME]",
                    release
                        ? "Releases the holds on a case or a clip; purge may then delete what is past its retention."
                        : "Suspends deletion of a case's clips or of one clip entirely, until released.",
                    options: options), terminator: "")
            return 0
        }
        guard arguments.positional.count == 1 else {
            throw UsageError("'custody \(command)' takes one CASE or SHA256; see 'custody \(command) --help'")
        }
        let settings = try CommonOptions.settings(from: arguments)
        let by = try TagOptions.person(arguments)
        let subject = TagOptions.subject(arguments.positional[0])
        let catalog = try CommonOptions.existingCatalog(settings)
        defer { try? catalog.close() }
        let tagging = Tagging(settings: settings, catalog: catalog)
        if release {
            try tagging.release(subject, by: by)
            say("\(subject) released")
        } else {
            guard let reason = arguments.value("reason"), !reason.isEmpty else {
                throw UsageError("'custody hold' needs --reason TEXT")
            }
            try tagging.hold(subject, reason: reason, by: by)
            say("\(subject) on hold")
        }
        return 0
    }
}
