import CSystemd
import Catalog
import Dock
import Foundation
import Synchronization

/// The dock daemon: follows the mount table and ingests every recorder volume that mounts under the watched
/// roots.
///
/// One owner with explicit states. It is woken by the kernel when the mount table changes (poll on
/// `/proc/self/mountinfo`), never by a timer. Asked to stop while idle, it stops at once; asked to stop while
/// copying, it lets the clip being copied finish, up to `stopTimeoutSeconds`, and then stops; clips not yet
/// copied stay on the volume for the next dock.
public final class Daemon: Sendable {
    /// Where the daemon is in its life.
    public enum State: String, Sendable {
        case starting, watching, ingesting, stopping, stopped
    }

    private let settings: Settings
    private let log: Log
    private let stop = StopSignal()
    private let state = Mutex(State.starting)

    public init(settings: Settings, log: Log) {
        self.settings = settings
        self.log = log
    }

    /// The daemon's current state.
    public var currentState: State {
        state.withLock { $0 }
    }

    /// Runs until stopped by SIGTERM or SIGINT, or, with `once`, until the volumes mounted now are ingested.
    public func run(once: Bool) async throws {
        let catalog = try Catalog(path: settings.catalog)
        defer { try? catalog.close() }
        let ingest = try Ingest(settings: settings, catalog: catalog, log: log)
        let watcher = try MountWatcher()
        let signals = once ? [] : handleSignals()
        defer { signals.forEach { $0.cancel() } }

        let roots = settings.watch.map { Daemon.resolved($0) }
        log(.info, "watching for recorder volumes", ["roots": roots.joined(separator: ","), "once": String(once)])
        var ingested: [Int: String] = [:]
        transition(to: .watching)
        notify("READY=1\nSTATUS=watching \(roots.joined(separator: " "))")

        while !stop.isRaised {
            let volumes = try Daemon.recorderVolumes(in: MountTable.read(), under: roots, excluding: excludedPaths)
            ingested = ingested.filter { id, _ in volumes.contains { $0.mountID == id } }
            for volume in volumes where ingested[volume.mountID] == nil && !stop.isRaised {
                ingested[volume.mountID] = volume.mountPoint
                try await ingestVolume(volume, with: ingest)
            }
            if once { break }
            _ = watcher.wait(timeout: nil)
        }
        transition(to: .stopped)
        notify("STOPPING=1")
        log(.info, "stopped")
    }

    private func ingestVolume(_ volume: MountEntry, with ingest: Ingest) async throws {
        guard transition(to: .ingesting) else { return }
        defer { transition(to: .watching) }
        let identity = VolumeIdentifier.identify(volume)
        log(
            .info, "recorder volume mounted",
            [
                "volume": volume.mountPoint, "device": identity.device, "label": identity.label ?? "",
                "uuid": identity.uuid ?? "",
            ])
        notify("STATUS=ingesting \(volume.mountPoint)")
        let stop = self.stop
        let summary = try await ingest.run(volume: volume.mountPoint, identity: identity, shouldStop: { stop.isRaised })
        {
            event in
            self.logEvent(event, volume: volume.mountPoint)
        }
        log(
            summary.failed > 0 ? .warning : .notice, "dock ingested",
            [
                "volume": volume.mountPoint, "dock": String(summary.dock), "found": String(summary.found),
                "copied": String(summary.copied), "already": String(summary.alreadyStored),
                "damaged": String(summary.damaged), "failed": String(summary.failed),
                "not_tried": String(summary.notTried),
                "bytes": String(summary.bytes), "mbps": String(format: "%.1f", summary.megabytesPerSecond),
            ])
        if !stop.isRaised { analyseGaps(after: summary, catalog: ingest.catalog) }
        notify("STATUS=watching")
    }

    /// Recomputes the gaps of the recorders that got new clips (and of any left unanalysed); a failure is logged
    /// and the daemon goes on. Skipped when asked to stop: the next dock or `custody gaps --refresh` catches up.
    private func analyseGaps(after summary: IngestSummary, catalog: Catalog) {
        do {
            let analysis = try GapAnalysis(settings: settings, catalog: catalog, log: log)
            let recorders = summary.recordersWithNewClips.union(try catalog.recordersWithUnanalysedClips())
            guard !recorders.isEmpty else { return }
            let gaps = try analysis.analyse(recorders: recorders)
            log(
                gaps.unexplained + gaps.notChecked > 0 ? .warning : .info, "gaps analysed",
                [
                    "recorders": recorders.sorted().joined(separator: ","),
                    "interruptions": String(gaps.needingExplanation), "explained": String(gaps.explained),
                    "unexplained": String(gaps.unexplained), "not_checked": String(gaps.notChecked),
                ])
        } catch {
            log(.error, "cannot analyse gaps", ["reason": "\(error)"])
        }
    }

    /// The daemon decides what is worth the journal: each stored clip at info, trouble at warning.
    private func logEvent(_ event: IngestEvent, volume: String) {
        switch event {
        case .stored(let clip, _) where clip.damaged != nil:
            log(
                .warning, "damaged clip stored",
                [
                    "volume": volume, "clip": clip.originalPath,
                    "sha256": clip.sha256, "reason": clip.damaged ?? "",
                ])
        case .stored(let clip, _):
            log(
                .info, "clip stored",
                [
                    "volume": volume, "clip": clip.originalPath, "recorder": clip.recorder,
                    "sha256": clip.sha256, "stored": clip.storedPath,
                ])
        case .alreadyStored(let clip, let path):
            log(.info, "clip already stored", ["volume": volume, "clip": path, "sha256": clip.sha256])
        case .failed(let path, let message):
            log(.warning, message, ["volume": volume, "clip": path])
        case .waiting(let path):
            log(.info, "clip still being written", ["volume": volume, "clip": path])
        case .skipped, .waitingForStore:
            break
        }
    }

    // MARK: - States and signals

    /// Moves to `next` unless the daemon is stopping; returns whether it moved.
    @discardableResult
    private func transition(to next: State) -> Bool {
        state.withLock { current in
            guard current != .stopping || next == .stopped else { return false }
            current = next
            return true
        }
    }

    private func handleSignals() -> [DispatchSourceSignal] {
        let queue = DispatchQueue(label: "custody.signals")
        return [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in requestStop(signal: number) }
            source.resume()
            return source
        }
    }

    private func requestStop(signal number: Int32) {
        let previous = state.withLock { current -> State in
            let previous = current
            current = .stopping
            return previous
        }
        stop.raise()
        notify("STOPPING=1")
        switch previous {
        case .ingesting:
            log(
                .notice, "asked to stop: finishing the clip being copied",
                [
                    "signal": String(number),
                    "limit_seconds": String(Int(settings.stopTimeoutSeconds)),
                ])
            let limit = settings.stopTimeoutSeconds
            let log = self.log
            DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
                log(.warning, "stopped before the copy finished; the clip will be copied again at the next dock")
                exit(0)
            }
        case .stopping, .stopped:
            break
        case .starting, .watching:
            log(.info, "stopped", ["signal": String(number)])
            exit(0)
        }
    }

    private func notify(_ text: String) {
        _ = sd_notify(0, text)
    }

    // MARK: - Which mounts are recorder volumes

    /// Paths that must never be taken for a recorder volume: the store and the catalog.
    private var excludedPaths: [String] {
        [Daemon.resolved(settings.store), Daemon.resolved(settings.catalog)]
    }

    /// The recorder volumes mounted under `roots` (see `MountTable.recorderVolumes`), leaving out any mount
    /// that holds one of `excluded` or lies inside one, so the store's own disk is never taken for a recorder.
    static func recorderVolumes(in entries: [MountEntry], under roots: [String], excluding excluded: [String])
        -> [MountEntry]
    {
        MountTable.recorderVolumes(in: entries, under: roots).filter { entry in
            let point = entry.mountPoint
            return !excluded.contains { path in
                path == point || path.hasPrefix(point == "/" ? "/" : point + "/") || point.hasPrefix(path + "/")
            }
        }
    }

    /// `path` made absolute with symbolic links resolved, as the mount table shows it.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
    }
}
