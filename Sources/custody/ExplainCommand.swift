import Catalog
import Custody
import Foundation

/// `custody explain GAP_ID --note TEXT --by NAME`: records a written explanation of a gap.
enum ExplainCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "note", takesValue: true, help: "the explanation: what interrupted the recording and why"),
            .init(name: "by", takesValue: true, help: "who writes it (name and badge number)"),
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "explain")
        if arguments.has("help") {
            say(
                Help.command(
                    "explain GAP_ID --note TEXT --by NAME",
                    "Records a written explanation of an interruption (article 20: when the cause could not be\n"
                        + "stated by voice as recording resumed). GAP_ID is the id 'custody gaps' shows. The gap then\n"
                        + "reads 'written'; what the speech check found is still shown. Explanations are never changed\n"
                        + "or deleted and survive every recomputation of the gaps; a second one is added beside the\n"
                        + "first, and reports show the latest. Continuations and new activities need none.",
                    options: options), terminator: "")
            return 0
        }
        guard arguments.positional.count == 1 else {
            throw UsageError("'custody explain' takes one GAP_ID; see 'custody explain --help'")
        }
        guard let id = Int64(arguments.positional[0]), id > 0 else {
            throw UsageError("'\(arguments.positional[0])' is not a gap id; use the number 'custody gaps' shows")
        }
        let note = (arguments.value("note") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            throw UsageError("'custody explain' needs --note TEXT saying why the recording was interrupted")
        }
        let name = (arguments.value("by") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw UsageError("'custody explain' needs --by NAME saying who writes the explanation")
        }
        let settings = try CommonOptions.settings(from: arguments)
        let catalog = try CommonOptions.existingCatalog(settings)
        defer { try? catalog.close() }
        guard let gap = try catalog.gap(id: id) else {
            throw GapNotFound(id: id)
        }
        guard gap.needsExplanation else {
            throw UsageError(
                "gap \(id) is a \(gap.kind) and needs no explanation; only interruptions, overlaps and unknown gaps do")
        }
        guard try catalog.addExplanation(gap: id, note: note, by: name, at: Date()) != nil else {
            throw GapNotFound(id: id)
        }
        say("gap \(id) of recorder \(gap.recorder): written explanation recorded by \(name)")
        return 0
    }
}

struct GapNotFound: Error, CustomStringConvertible {
    var id: Int64
    var description: String {
        "there is no gap \(id) in the catalog; 'custody gaps' lists the gaps and their ids"
    }
}
