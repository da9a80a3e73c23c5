import Catalog
import Dock
import Foundation
import Media
import Vault

/// Takes every clip on one recorder volume into the store and the catalog.
///
/// For each clip: one read of the source that copies and hashes it (`Vault.stage`); content already in the
/// catalog is recorded as seen and not stored twice; otherwise the copy is moved into place, made read-only
/// and read back (`Vault.commit`); the stored copy, never the volume, is probed with libavformat; then the
/// clip, its streams and its sighting are inserted in one transaction. A clip that fails stays on the volume
/// and is tried again at the next dock; nothing about it is recorded but the dock's error list.
public final class Ingest {
    private let settings: Settings
    private let vault: Vault
    /// The catalog this ingest writes to; the gap analysis after a dock uses the same connection.
    let catalog: Catalog
    private let prober: Prober
    private let patterns: [NamePattern]
    private let log: Log

    /// Opens the store and the catalog named by `settings` and checks the name patterns.
    public init(settings: Settings, catalog: Catalog, log: Log) throws {
        self.settings = settings
        self.catalog = catalog
        self.log = log
        prober = Prober(jumpTolerance: settings.splitTolerance)
        vault = try Vault(root: settings.store)
        var patterns = [NamePattern.standard]
        for template in settings.namePatterns {
            do {
                patterns.append(try NamePattern(template))
            } catch {
                throw UsageError("the name pattern '\(template)' cannot be used: \(error)")
            }
        }
        self.patterns = patterns
    }

    /// Ingests the volume mounted (or laid out) at `root`.
    ///
    /// - Parameters:
    ///   - identity: the volume's device, label and UUID when it is a real mount; nil for a plain folder.
    ///   - shouldStop: asked between clips; when it returns true the ingest ends early, leaving the rest on the
    ///     volume for the next dock.
    ///   - report: called once per clip event, in order.
    public func run(
        volume root: String, identity: VolumeIdentity? = nil, shouldStop: @Sendable () -> Bool = { false },
        report: (IngestEvent) -> Void = { _ in }
    ) async throws -> IngestSummary {
        let root = Ingest.absolute(root)
        let store = Ingest.absolute(settings.store)
        guard !Ingest.contains(root, store) && !Ingest.contains(store, root) else {
            throw UsageError("'\(root)' holds the store '\(store)' or lies inside it; give a recorder volume")
        }
        let lock = try StoreLock(root: vault.root, wait: true) {
            log(.notice, "waiting for another custody process to finish copying into the store", ["store": store])
            report(.waitingForStore)
        }
        defer { lock.release() }
        try catalog.claimStore(store)
        let swept = vault.sweepIncoming()
        if swept > 0 {
            log(.debug, "removed unfinished copies left by an earlier stop", ["count": String(swept)])
        }
        do {
            let tagged = try Tagging(settings: settings, catalog: catalog).catchUp()
            if tagged > 0 { log(.info, "tagged clips stored before tagging", ["count": String(tagged)]) }
        } catch {
            log(.warning, "clips stored before tagging are not yet tagged", ["reason": "\(error)"])
        }

        let found: (clips: [ClipCandidate], skipped: [SkippedEntry])
        do {
            found = try ClipFinder(extensions: settings.extensions).find(in: root)
        } catch {
            throw IngestError("cannot read the volume '\(root)': \(error)")
        }
        var dock = DockRecord(
            mountPoint: root, device: identity?.device, label: identity?.label, uuid: identity?.uuid, started: Date())
        dock.id = try catalog.beginDock(dock)
        var summary = IngestSummary()
        summary.dock = dock.id
        summary.found = found.clips.count
        for entry in found.skipped {
            log(
                .debug, "passed over an entry that is not a clip", ["path": entry.relativePath, "reason": entry.reason])
            if entry.isFailure {
                let message = "cannot look at '\(entry.relativePath)' on the volume: \(entry.reason); it may hold clips"
                summary.found += 1
                summary.failed += 1
                dock.errors.append(message)
                report(.failed(originalPath: entry.relativePath, message: message))
            } else {
                report(.skipped(originalPath: entry.relativePath, reason: entry.reason))
            }
        }
        dock.found = summary.found

        let fallbackRecorder = Ingest.recorderName(forVolume: root, identity: identity, settings: settings)
        let check = StabilityCheck(interval: .seconds(settings.settleSeconds))
        let waitStarted = Date()
        var pending = found.clips
        while !pending.isEmpty && !summary.interrupted {
            let split = await check.split(pending)
            pending = split.changing
            for candidate in split.vanished {
                let message =
                    "cannot copy '\(candidate.relativePath)': it disappeared from the volume before it was copied"
                summary.failed += 1
                dock.errors.append(message)
                report(.failed(originalPath: candidate.relativePath, message: message))
            }
            for candidate in split.stable {
                if shouldStop() {
                    summary.interrupted = true
                    break
                }
                let outcome = ingest(candidate, fallbackRecorder: fallbackRecorder, identity: identity, dock: dock.id)
                switch outcome {
                case .stored(let clip, let seconds):
                    summary.copied += 1
                    summary.bytes += clip.size
                    summary.seconds += seconds
                    if clip.damaged != nil { summary.damaged += 1 }
                    summary.recordersWithNewClips.insert(clip.recorder)
                    report(.stored(clip, seconds: seconds))
                case .already(let clip, let seconds):
                    summary.alreadyStored += 1
                    summary.bytes += clip.size
                    summary.seconds += seconds
                    report(.alreadyStored(clip, originalPath: candidate.relativePath))
                case .stillBeingWritten:
                    pending.append(candidate)
                case .failed(let message, let stopsDock):
                    summary.failed += 1
                    dock.errors.append(message)
                    report(.failed(originalPath: candidate.relativePath, message: message))
                    if stopsDock {
                        summary.interrupted = true
                    }
                }
                if summary.interrupted { break }
            }
            if !pending.isEmpty && Date().timeIntervalSince(waitStarted) > settings.settleLimitSeconds {
                for candidate in pending {
                    let message =
                        "cannot copy '\(candidate.relativePath)': it was still being written after "
                        + "\(Int(settings.settleLimitSeconds)) s; it will be copied at the next dock"
                    summary.failed += 1
                    dock.errors.append(message)
                    report(.failed(originalPath: candidate.relativePath, message: message))
                }
                pending = []
            }
            for candidate in pending {
                report(.waiting(originalPath: candidate.relativePath))
            }
        }

        summary.notTried = summary.found - summary.copied - summary.alreadyStored - summary.failed
        dock.finished = Date()
        dock.copied = summary.copied
        dock.already = summary.alreadyStored
        dock.damaged = summary.damaged
        dock.failed = summary.failed
        dock.bytes = summary.bytes
        try catalog.finishDock(dock)
        return summary
    }

    // MARK: - One clip

    private enum Outcome {
        case stored(ClipRecord, seconds: Double)
        case already(ClipRecord, seconds: Double)
        case stillBeingWritten
        case failed(String, stopsDock: Bool)
    }

    private func ingest(_ candidate: ClipCandidate, fallbackRecorder: String, identity: VolumeIdentity?, dock: Int64)
        -> Outcome
    {
        let began = Date()
        let name = patterns.lazy.compactMap { $0.match(candidate.name) }.first
        let recorder = Ingest.safeName(name?.serial ?? fallbackRecorder)
        let filenameTime = name?.date(in: settings.timeZone)

        let staged: StagedCopy
        do {
            staged = try vault.stage(candidate.path)
        } catch {
            if error.code == .sourceChanged { return .stillBeingWritten }
            return .failed(error.description, stopsDock: error.code == .storeFull)
        }

        do {
            if let known = try catalog.clip(sha256: staged.sha256) {
                vault.discard(staged)
                try catalog.noteRecorder(recorder, handler: name?.badge, at: began)
                try catalog.recordSighting(clip: known.id, dock: dock, originalPath: candidate.relativePath, at: began)
                log(.debug, "clip already stored", ["clip": candidate.relativePath, "sha256": known.sha256])
                return .already(known, seconds: Date().timeIntervalSince(began))
            }

            // The copy in .incoming is already on the store's disk and fsynced: probing it reads the stored
            // bytes, never the volume, and its start places the original under its recording day.
            var clip = ClipRecord(
                sha256: staged.sha256, size: staged.size, recorder: recorder, handler: name?.badge,
                originalName: candidate.name, originalPath: candidate.relativePath,
                originalModified: candidate.modified, storedPath: "", start: nil, startSource: nil,
                metadataTime: nil, filenameTime: filenameTime, sequence: name?.sequence, duration: nil,
                container: nil, damaged: nil, dock: dock, ingested: Date(), streams: [])
            describe(&clip, probing: staged.temporaryPath)
            let day = Ingest.dayFolder(clip.start ?? candidate.modified, timeZone: settings.timeZone)
            let original = try vault.commit(staged, as: "\(recorder)/\(day)/\(candidate.name)")
            clip.storedPath = original.relativePath
            clip.ingested = Date()

            try catalog.noteRecorder(recorder, handler: name?.badge, at: began)
            clip.id = try catalog.insertClip(clip)
            do {
                try Tagging(settings: settings, catalog: catalog).clipInserted(clip.sha256)
            } catch {
                log(.warning, "clip stored but not yet tagged", ["sha256": clip.sha256, "reason": "\(error)"])
            }
            log(
                .debug, "clip stored",
                [
                    "clip": candidate.relativePath, "recorder": recorder, "sha256": clip.sha256,
                    "stored": clip.storedPath,
                ])
            return .stored(clip, seconds: Date().timeIntervalSince(began))
        } catch let error as VaultError {
            return .failed(error.description, stopsDock: error.code == .storeFull)
        } catch {
            return .failed("cannot index '\(candidate.relativePath)': \(error)", stopsDock: true)
        }
    }

    /// Fills in what probing the stored copy tells, and the clip's start with where it came from.
    private func describe(_ clip: inout ClipRecord, probing path: String) {
        do {
            let probe = try prober.probe(path)
            clip.container = probe.container
            clip.duration = probe.duration
            clip.metadataTime = probe.rawCreationTime
            clip.finalised = probe.isFinalised
            clip.truncated = probe.isTruncated
            // The probe's jump ends the last frame before it at `time` and leaps `length` further; the
            // recording resumes at `time + length` on the clip's own timeline, which includes the skipped time.
            clip.jumps = probe.jumps.map { ClipJump(position: $0.time + $0.length, seconds: $0.length) }
            clip.streams = probe.streams.map {
                StreamRecord(
                    index: $0.index, kind: $0.kind.rawValue, codec: $0.codec, width: $0.width, height: $0.height,
                    frameRate: $0.frameRate, sampleRate: $0.sampleRate, channels: $0.channels, start: $0.startTime,
                    duration: $0.duration)
            }
            if let created = probe.creationTime {
                clip.start = created
                clip.startSource = .metadata
            }
        } catch {
            clip.damaged = error.detail.map { "\(error.reason) (\($0))" } ?? error.reason
            log(.debug, "clip is damaged", ["clip": clip.originalPath, "reason": clip.damaged ?? ""])
        }
        if clip.start == nil, let filenameTime = clip.filenameTime {
            clip.start = filenameTime
            clip.startSource = .filename
        }
        if clip.start == nil, let modified = clip.originalModified {
            clip.start = modified
            clip.startSource = .mtime
        }
    }

    // MARK: - Names and places

    /// The recorder a volume's clips belong to when their names do not say: the configured serial for the
    /// volume's label or UUID, else the label, else the mount point's folder name.
    static func recorderName(forVolume root: String, identity: VolumeIdentity?, settings: Settings) -> String {
        if let label = identity?.label, let serial = settings.volumes[label] { return serial }
        if let uuid = identity?.uuid, let serial = settings.volumes[uuid] { return serial }
        if let serial = settings.volumes[(root as NSString).lastPathComponent] { return serial }
        if let label = identity?.label, !label.isEmpty { return label }
        return (root as NSString).lastPathComponent
    }

    /// `path` made absolute against the working folder, with `.` and `..` resolved.
    public static func absolute(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (absolute as NSString).standardizingPath
    }

    /// Whether `inner` is `outer` or lies inside it.
    static func contains(_ outer: String, _ inner: String) -> Bool {
        inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }

    /// A recorder name safe to use as one folder name in the store.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "unknown-recorder" : cleaned
    }

    /// The store's day folder, `YYYY/MM/DD` in the station's time zone.
    static func dayFolder(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Foundation.Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d/%02d/%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// An ingest that could not start or could not go on; its text says what to do.
public struct IngestError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
