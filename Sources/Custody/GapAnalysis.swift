import Catalog
import Foundation
import Media
import Speech
import Timeline

/// Finds and classifies a recorder's gaps from the catalog, checks each resumed recording and each activity's
/// opening for speech, and stores the result in the catalog.
///
/// Run after every dock for each recorder that got new clips (`Ingest` then `analyse(recorders:)`), and on demand
/// for all recorders (`custody gaps --refresh`). For each speech check the stored original (never the volume) is
/// decoded from the resume for `speech_window` seconds and given to the speech detector: `spoken` when it finds at
/// least `speech_minimum` seconds of speech, `missing` otherwise, including a clip with no audio track. A clip that
/// cannot be decoded gives the gap an `error` and no explanation, never `missing`. Verdicts are cached by clip,
/// offset, window and minimum, so a clip's audio is decoded once.
///
/// A clip whose recorder clock is suspect (`ClipRecord.clockSuspect`, set at ingest and whenever the recorder's clock
/// setting changes) is ordered by sequence, and every gap touching it is `unknown`.
public struct GapAnalysis {
    private let settings: Settings
    private let catalog: Catalog
    private let log: Log
    private let decoder = AudioDecoder()
    private let detector = SpeechDetector()

    /// The store holding the originals: the one the catalog indexes, else the configured one.
    private let storeRoot: String

    /// Prepares an analysis over `catalog`, with thresholds and the speech window from `settings`.
    public init(settings: Settings, catalog: Catalog, log: Log) throws(CatalogError) {
        self.settings = settings
        self.catalog = catalog
        self.log = log
        storeRoot = try catalog.storeRoot() ?? Ingest.absolute(settings.store)
    }

    /// Recomputes the gaps of every recorder in the catalog.
    public func analyseAll() throws(CatalogError) -> GapSummary {
        try analyse(recorders: catalog.recordersWithClips())
    }

    /// Recomputes the gaps after a dock: of the recorders that got new clips, and of any recorder whose clips were
    /// ingested after its last analysis (one cut short by a stop or a crash, or a catalog from before gaps).
    public func analyse(after summary: IngestSummary) throws(CatalogError) -> GapSummary {
        try analyse(recorders: summary.recordersWithNewClips.union(catalog.recordersWithUnanalysedClips()))
    }

    /// Recomputes the gaps of these recorders, one after the other; returns the counts over all of them.
    public func analyse(recorders: some Sequence<String>) throws(CatalogError) -> GapSummary {
        var summary = GapSummary()
        for serial in Set(recorders).sorted() {
            summary.add(try analyse(recorder: serial))
        }
        return summary
    }

    /// Recomputes one recorder's gaps and opening statements and stores them.
    public func analyse(recorder serial: String) throws(CatalogError) -> GapSummary {
        let clips = try catalog.clips(ClipFilter(recorder: serial))
        let byHash = Dictionary(clips.map { ($0.sha256, $0) }, uniquingKeysWith: { first, _ in first })
        let timelineSettings = TimelineSettings(
            splitTolerance: settings.splitTolerance, activityBreak: settings.activityBreak)
        let analysis = Timeline.analyse(clips.map(timelineClip), settings: timelineSettings)
        guard let recorder = analysis[recorder: serial] else {
            try catalog.replaceGaps(recorder: serial, gaps: [], openings: [])
            return GapSummary()
        }

        let now = Date()
        var gaps: [GapRecord] = []
        var openings: [OpeningStatementRecord] = []
        for (ordinal, gap) in recorder.gaps.enumerated() {
            var record = GapRecord(
                recorder: serial, ordinal: ordinal, kind: gap.kind.rawValue, inside: gap.inside, before: gap.before,
                after: gap.after, start: gap.start, end: gap.end, seconds: gap.seconds,
                resumeOffset: gap.resumeOffset, explanation: nil, computedAt: now)
            if record.needsExplanation {
                let outcome = check(byHash[gap.after], offset: gap.resumeOffset)
                record.explanation = outcome.explanation
                record.speechStart = outcome.speechStart
                record.speechSeconds = outcome.speechSeconds
                record.error = outcome.error
            }
            gaps.append(record)
        }
        for speechCheck in recorder.speechChecks where speechCheck.reason == .openingStatement {
            let outcome = check(byHash[speechCheck.clip], offset: speechCheck.offset)
            openings.append(
                OpeningStatementRecord(
                    recorder: serial, clip: speechCheck.clip, offset: speechCheck.offset,
                    explanation: outcome.explanation, speechStart: outcome.speechStart,
                    speechSeconds: outcome.speechSeconds, error: outcome.error, computedAt: now))
        }

        let stored = try catalog.replaceGaps(recorder: serial, gaps: gaps, openings: openings)
        let summary = GapSummary(stored)
        log(
            .debug, "gaps analysed",
            [
                "recorder": serial, "gaps": String(stored.count), "interruptions": String(summary.needingExplanation),
                "explained": String(summary.explained), "unexplained": String(summary.unexplained),
                "not_checked": String(summary.notChecked),
            ])
        return summary
    }

    // MARK: - Clips on the timeline

    private func timelineClip(_ clip: ClipRecord) -> TimelineClip {
        TimelineClip(
            id: clip.sha256, recorder: clip.recorder, start: clip.start, duration: clip.duration,
            sequence: clip.sequence, clockSuspect: clockSuspect(clip),
            jumps: clip.jumps.map { InternalJump(position: $0.position, seconds: $0.seconds) })
    }

    /// Whether a clip's start cannot be trusted (a reset clock, a start in the future, name and metadata
    /// disagreeing), as `ClockCheck` found it.
    private func clockSuspect(_ clip: ClipRecord) -> Bool {
        clip.clockSuspect != nil
    }

    // MARK: - Speech checks

    private struct Outcome {
        var explanation: String?
        var speechStart: Double?
        var speechSeconds: Double?
        var error: String?
    }

    /// Looks for speech in `clip` from `offset`: from the cache when this check was made before, else by decoding.
    private func check(_ clip: ClipRecord?, offset: Double) -> Outcome {
        guard let clip else {
            return Outcome(error: "the clip is not in the catalog")
        }
        let window = settings.speechWindow
        let minimum = settings.speechMinimum
        do {
            if let cached = try catalog.speechCheck(
                sha256: clip.sha256, offset: offset, window: window, minimum: minimum)
            {
                return outcome(of: cached)
            }
        } catch {
            log(.warning, "cannot read a cached speech verdict", ["sha256": clip.sha256, "reason": "\(error)"])
        }

        let path = (storeRoot as NSString).appendingPathComponent(clip.storedPath)
        let record: SpeechCheckRecord
        do {
            switch try decoder.decode(path, from: offset, window: window) {
            case .noAudioTrack:
                record = SpeechCheckRecord(
                    sha256: clip.sha256, offset: offset, window: window, minimum: minimum, hasAudio: false,
                    spoken: false, speechStart: nil, speechSeconds: 0)
            case .audio(let excerpt):
                let verdict = detector.verdict(excerpt.samples, minimumSpeech: minimum)
                // The excerpt may begin after the offset when the audio track starts late; count from the resume.
                let lead = max(0, excerpt.start - offset)
                record = SpeechCheckRecord(
                    sha256: clip.sha256, offset: offset, window: window, minimum: minimum, hasAudio: true,
                    spoken: verdict.spoken, speechStart: verdict.speechStart.map { $0 + lead },
                    speechSeconds: verdict.speechSeconds)
            }
        } catch {
            // Shown in every report as the gap's error; the daemon's journal names the clip too.
            log(
                .info, "cannot check a recording for speech",
                ["clip": clip.originalName, "sha256": clip.sha256, "reason": error.description])
            return Outcome(error: error.description)
        }
        do {
            try catalog.storeSpeechCheck(record, at: Date())
        } catch {
            log(.warning, "cannot keep a speech verdict", ["sha256": clip.sha256, "reason": "\(error)"])
        }
        return outcome(of: record)
    }

    private func outcome(of record: SpeechCheckRecord) -> Outcome {
        Outcome(
            explanation: record.spoken ? "spoken" : "missing", speechStart: record.speechStart,
            speechSeconds: record.hasAudio ? record.speechSeconds : nil)
    }
}

// MARK: - GapSummary

/// How many gaps needed an explanation, and how many have one, after an analysis.
public struct GapSummary: Sendable, Equatable {
    /// Gaps after which the cause must be stated: interruptions, overlaps and unknown gaps.
    public var needingExplanation = 0
    /// Of those, explained by speech or in writing.
    public var explained = 0
    /// Of those, with the explanation missing.
    public var unexplained = 0
    /// Of those, whose speech check failed (the clip could not be decoded) and that have no written explanation.
    public var notChecked = 0

    /// An empty summary.
    public init() {}

    /// Counts the gaps given.
    public init(_ gaps: [GapRecord]) {
        for gap in gaps where gap.needsExplanation {
            needingExplanation += 1
            switch gap.explanation {
            case "spoken", "written": explained += 1
            case "missing": unexplained += 1
            default: notChecked += 1
            }
        }
    }

    /// Adds another summary's counts.
    public mutating func add(_ other: GapSummary) {
        needingExplanation += other.needingExplanation
        explained += other.explained
        unexplained += other.unexplained
        notChecked += other.notChecked
    }

    /// The one line `custody ingest` prints: `gaps: 4 interruptions, 1 explained, 2 unexplained, 1 not checked`.
    public var line: String {
        var text = "gaps: \(needingExplanation) interruptions, \(explained) explained, \(unexplained) unexplained"
        if notChecked > 0 { text += ", \(notChecked) not checked" }
        return text
    }
}
