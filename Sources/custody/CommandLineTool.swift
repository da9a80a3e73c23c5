import Catalog
import Custody
import Dock
import Foundation
import Reports

/// Runs one subcommand and turns its outcome into an exit status and at most one `error:` line.
enum CommandLineTool {
    static let usageStatus: Int32 = 64

    static func run(_ words: [String]) async -> Int32 {
        guard let command = words.first, command != "--help", command != "-h", command != "help" else {
            say(Help.overview, terminator: "")
            return words.isEmpty ? usageStatus : 0
        }
        let rest = Array(words.dropFirst())
        do {
            switch command {
            case "ingest": return try await IngestCommand.run(rest)
            case "daemon": return try await DaemonCommand.run(rest)
            case "clips": return try ClipsCommand.run(rest)
            default:
                throw UsageError("unknown command '\(command)'; see 'custody --help'")
            }
        } catch let error as UsageError {
            printError(error.description)
            return usageStatus
        } catch {
            printError(String(describing: error))
            return 1
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}

/// Writes to standard output at once, unbuffered, so lines reach a pipe in order with standard error.
func say(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((text + terminator).utf8))
}

// MARK: - custody ingest

enum IngestCommand {
    static let options = CommonOptions.list

    static func run(_ words: [String]) async throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "ingest")
        if arguments.has("help") {
            say(
                Help.command(
                    "ingest PATH [options]",
                    "Copies every clip on the recorder volume mounted at PATH (or a folder laid out like one) into the\n"
                        + "store in one read, verifies each copy, probes it with libavformat and indexes it in the catalog.\n"
                        + "The volume is only read, never written.", options: options), terminator: "")
            return 0
        }
        guard arguments.positional.count == 1 else {
            throw UsageError("'custody ingest' takes one PATH, the recorder volume; see 'custody ingest --help'")
        }
        let settings = try CommonOptions.settings(from: arguments)
        let path = arguments.positional[0]
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageError("'\(path)' is not a folder; give the mount point of a recorder volume")
        }

        let log = Log(level: arguments.value("log-level") == nil ? .warning : settings.logLevel)
        let catalog = try Catalog(path: settings.catalog)
        defer { try? catalog.close() }
        let ingest = try Ingest(settings: settings, catalog: catalog, log: log)
        let identity = volumeIdentity(of: path)
        let zone = settings.timeZone
        let summary = try await ingest.run(volume: path, identity: identity, report: { event in
            if let line = describe(event, timeZone: zone) { say(line) }
        })
        say(
            "dock \(summary.dock) at \(path): \(summary.found) clips found, \(summary.copied) copied, "
                + "\(summary.alreadyStored) already stored, \(summary.damaged) damaged, \(summary.failed) failed; "
                + String(
                    format: "%.1f MB in %.1f s (%.1f MB/s)", Double(summary.bytes) / 1_000_000, summary.seconds,
                    summary.megabytesPerSecond))
        guard summary.failed == 0 else {
            CommandLineTool.printError(
                "\(summary.failed) of \(summary.found) clips could not be ingested; they stay on the volume and "
                    + "are tried again at the next dock")
            return 1
        }
        return 0
    }

    /// The mount's device, label and UUID when PATH is a mount point; nil for a plain folder.
    static func volumeIdentity(of path: String) -> VolumeIdentity? {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let entries = try? MountTable.read(), let entry = entries.last(where: { $0.mountPoint == resolved })
        else { return nil }
        return VolumeIdentifier.identify(entry)
    }

    static func describe(_ event: IngestEvent, timeZone: TimeZone) -> String? {
        switch event {
        case .stored(let clip, let seconds):
            let start = clip.start.map { Timestamps.local($0, in: timeZone) } ?? "unknown"
            let speed = seconds > 0 ? String(format: "%.1f MB/s", Double(clip.size) / 1_000_000 / seconds) : "-"
            let state = clip.damaged.map { "damaged (\($0))" } ?? "stored"
            return "\(state)  \(clip.originalPath)  \(ClipListingLine.size(clip.size))  sha256 \(clip.sha256.prefix(16))  "
                + "recorder \(clip.recorder)  start \(start) (\(clip.startSource?.rawValue ?? "-"))  \(speed)"
        case .alreadyStored(let clip, let path):
            return "already stored  \(path)  sha256 \(clip.sha256.prefix(16))  as \(clip.storedPath)"
        case .failed(_, let message):
            return "failed  \(message)"
        case .waiting(let path):
            return "waiting  \(path) is still being written"
        case .skipped:
            return nil
        }
    }
}

enum ClipListingLine {
    static func size(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}

// MARK: - custody daemon

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

// MARK: - custody clips

enum ClipsCommand {
    static let options =
        CommonOptions.list + [
            .init(name: "format", takesValue: true, help: "table, json or csv (default table)"),
            .init(name: "recorder", takesValue: true, help: "only this recorder's clips"),
            .init(name: "since", takesValue: true, help: "only clips starting at or after DATE (YYYY-MM-DD or ISO 8601)"),
            .init(name: "until", takesValue: true, help: "only clips starting before DATE"),
        ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "clips")
        if arguments.has("help") {
            say(
                Help.command(
                    "clips [--format table|json|csv] [--recorder SERIAL] [--since DATE] [--until DATE]",
                    "Lists the clips in the catalog. JSON fields: sha256, recorder, handler, original_name,\n"
                        + "original_path, stored_path, size, start, start_source, duration, container, streams,\n"
                        + "damaged, ingested.", options: options), terminator: "")
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
        for (name, keyPath) in [("since", \ClipFilter.since), ("until", \ClipFilter.until)] {
            guard let text = arguments.value(name) else { continue }
            guard let date = Timestamps.parse(text, in: settings.timeZone) else {
                throw UsageError("'--\(name) \(text)' is not a date; use YYYY-MM-DD or ISO 8601")
            }
            filter[keyPath: keyPath] = date
        }
        guard FileManager.default.fileExists(atPath: settings.catalog) else {
            throw CatalogMissing(path: settings.catalog)
        }
        let catalog = try Catalog(path: settings.catalog)
        defer { try? catalog.close() }
        let listing = ClipListing(clips: try catalog.clips(filter), store: settings.store, timeZone: settings.timeZone)
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
