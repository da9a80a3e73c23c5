import Catalog
import Custody
import Dock
import Foundation
import Reports

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
                        + "The volume is only read, never written. Then the gaps of each recorder that got new clips are\n"
                        + "computed and each resumed recording is checked for a spoken explanation ('custody gaps').",
                    options: options), terminator: "")
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
        let stop = StopSignal()
        let signals = stopOnSignals(stop)
        defer { signals.forEach { $0.cancel() } }
        let summary = try await ingest.run(
            volume: path, identity: identity, shouldStop: { stop.isRaised },
            report: { event in
                if let line = describe(event, timeZone: zone) { say(line.escapingControlCharacters) }
            })
        say(
            "dock \(summary.dock) at \(path): \(count(summary.found, "clip")) found, \(summary.copied) copied, "
                + "\(summary.alreadyStored) already stored, \(summary.damaged) damaged, \(summary.failed) failed"
                + (summary.notTried > 0 ? ", \(summary.notTried) not tried" : "") + "; "
                + String(
                    format: "%.1f MB in %.1f s (%.1f MB/s)", Double(summary.bytes) / 1_000_000, summary.seconds,
                    summary.megabytesPerSecond))
        let gaps = try GapAnalysis(settings: settings, catalog: catalog, log: log)
            .analyse(after: summary)
        say(gaps.line)
        let missing = summary.failed + summary.notTried
        guard missing == 0 else {
            let why = stop.isRaised ? "the ingest was interrupted; " : ""
            CommandLineTool.printError(
                "\(why)\(missing) of \(count(summary.found, "clip")) could not be ingested; they stay on the volume "
                    + "and are tried again at the next dock")
            return 1
        }
        return 0
    }

    /// "1 clip", "2 clips".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// The first SIGINT or SIGTERM lets the clip being copied finish, then the ingest stops and says what is left;
    /// a second one ends custody at once (the unfinished copy is swept at the next start).
    static func stopOnSignals(_ stop: StopSignal) -> [DispatchSourceSignal] {
        let queue = DispatchQueue(label: "custody.ingest.signals")
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.isRaised { exit(130) }
                stop.raise()
                FileHandle.standardError.write(
                    Data("custody: stopping after the clip being copied; press Ctrl-C again to stop at once\n".utf8))
            }
            source.resume()
            return source
        }
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
            return
                "\(state)  \(clip.originalPath)  \(ClipListing.megabytes(clip.size))  sha256 \(clip.sha256.prefix(16))  "
                + "recorder \(clip.recorder)  start \(start) (\(clip.startSource?.rawValue ?? "-"))  \(speed)"
        case .alreadyStored(let clip, let path):
            return "already stored  \(path)  sha256 \(clip.sha256.prefix(16))  as \(clip.storedPath)"
        case .failed(_, let message):
            return "failed  \(message)"
        case .waiting(let path):
            return "waiting  \(path) is still being written"
        case .waitingForStore:
            return "waiting  another custody process is copying into the store"
        case .skipped:
            return nil
        }
    }
}
