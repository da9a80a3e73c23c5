import Custody
import Foundation

enum DaemonCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "once", takesValue: false, help: "ingest the recorder volumes mounted now, then exit")
        ]

    static func run(_ words: [String]) async throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "daemon")
        if arguments.has("help") {
            say(
                Help.command(
                    "daemon [--once] [--watch DIR]... [options]",
                    "Follows the mount table and ingests every recorder volume that mounts under the watched roots.\n"
                        + "Runs until SIGTERM or SIGINT; with --once, ingests what is mounted now and exits.",
                    options: options), terminator: "")
            return 0
        }
        guard arguments.positional.isEmpty else {
            throw UsageError("'custody daemon' takes no PATH; name mount roots with --watch DIR")
        }
        let settings = try CommonOptions.settings(from: arguments)
        for root in settings.watch where !FileManager.default.fileExists(atPath: root) {
            Log(level: settings.logLevel)(.notice, "a watched mount root does not exist yet", ["root": root])
        }
        let daemon = Daemon(settings: settings, log: Log(level: settings.logLevel))
        try await daemon.run(once: arguments.has("once"))
        return 0
    }
}
