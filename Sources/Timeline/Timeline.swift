import Foundation

// MARK: - Timeline

/// Orders each recorder's clips and finds, classifies and explains every gap between and inside them.
///
/// Pure logic over values: no I/O, no clock, no randomness; the same clips always give the same analysis.
///
/// Ordering, per recorder: clips with a trusted start (known and not `clockSuspect`) are sorted by start, ties by
/// sequence (clips without one last) then id. Every other clip (suspect clock or unknown start) is placed by its
/// sequence: just before the first trusted clip whose sequence is greater, or at the end when there is none or it
/// has no sequence. Such clips never lend their time to a gap, so no report shows a gap of years because of a
/// reset clock.
///
/// Classification of a gap of `s` seconds (`next.start − (previous.start + previous.duration)`, never rounded):
/// `|s| ≤ splitTolerance` continuation; `s > splitTolerance` and `s < activityBreak` interruption;
/// `s ≥ activityBreak` new activity; `s < −splitTolerance` overlap (reported as `−s`). A gap next to a clip with an
/// unknown start or duration, or with a suspect clock, or whose length is not a finite number, is unknown. A jump
/// inside a clip is classified the same way by its own seconds.
public enum Timeline {
    /// Analyses clips of any number of recorders, in any order.
    ///
    /// - Returns: one entry per recorder that has clips, sorted by serial. An empty input gives an empty analysis.
    public static func analyse(_ clips: [TimelineClip], settings: TimelineSettings = TimelineSettings())
        -> TimelineAnalysis
    {
        let byRecorder = Dictionary(grouping: clips, by: \.recorder)
        let recorders = byRecorder.keys.sorted().map { serial in
            analyseRecorder(serial, clips: byRecorder[serial] ?? [], settings: settings)
        }
        return TimelineAnalysis(recorders: recorders)
    }

    /// Puts one recorder's clips in timeline order, as described on ``Timeline``.
    public static func order(_ clips: [TimelineClip]) -> [TimelineClip] {
        let anchored = clips.filter { trustedStart($0) != nil }.sorted(by: anchoredOrder)
        let floating = clips.filter { trustedStart($0) == nil }.sorted(by: sequenceOrder)

        var placed: [[TimelineClip]] = Array(repeating: [], count: anchored.count + 1)
        for clip in floating {
            placed[insertionIndex(of: clip, among: anchored)].append(clip)
        }

        var ordered: [TimelineClip] = []
        ordered.reserveCapacity(clips.count)
        for index in anchored.indices {
            ordered += placed[index]
            ordered.append(anchored[index])
        }
        ordered += placed[anchored.count]
        return ordered
    }

    /// Classifies a measured gap of `seconds`; returns the kind and the seconds to report (positive for overlaps).
    public static func classify(_ seconds: Double, settings: TimelineSettings) -> (kind: GapKind, seconds: Double?) {
        guard seconds.isFinite else { return (.unknown, nil) }
        if seconds < -settings.splitTolerance { return (.overlap, -seconds) }
        if seconds <= settings.splitTolerance { return (.continuation, seconds) }
        if seconds < settings.activityBreak { return (.interruption, seconds) }
        return (.newActivity, seconds)
    }

    // MARK: - One recorder

    private static func analyseRecorder(_ serial: String, clips: [TimelineClip], settings: TimelineSettings)
        -> TimelineAnalysis.Recorder
    {
        let ordered = order(clips)
        var gaps: [Gap] = []
        var checks: [SpeechCheck] = []
        var activities: [Activity] = []

        guard let first = ordered.first else {
            return TimelineAnalysis.Recorder(recorder: serial, clips: [], gaps: [], activities: [], speechChecks: [])
        }
        var current = Activity(recorder: serial, clips: [], openingOffset: 0, start: trustedStart(first))
        checks.append(SpeechCheck(clip: first.id, offset: 0, reason: .openingStatement))

        for (index, clip) in ordered.enumerated() {
            if current.clips.last != clip.id {
                current.clips.append(clip.id)
            }

            for jump in clip.jumps.sorted(by: { $0.position < $1.position }) {
                let gap = insideGap(in: clip, jump: jump, settings: settings)
                gaps.append(gap)
                if gap.kind == .newActivity {
                    current.end = gap.start
                    activities.append(current)
                    current = Activity(
                        recorder: serial, clips: [clip.id], openingOffset: jump.position, start: gap.end)
                    checks.append(SpeechCheck(clip: clip.id, offset: jump.position, reason: .openingStatement))
                } else if needsSpokenExplanation(gap.kind) {
                    checks.append(SpeechCheck(clip: clip.id, offset: jump.position, reason: .resumed(after: gap)))
                }
            }

            guard index + 1 < ordered.count else { continue }
            let next = ordered[index + 1]
            let gap = gapBetween(clip, next, settings: settings)
            gaps.append(gap)
            if gap.kind == .newActivity {
                current.end = trustedEnd(clip)
                activities.append(current)
                current = Activity(recorder: serial, clips: [], openingOffset: 0, start: trustedStart(next))
                checks.append(SpeechCheck(clip: next.id, offset: 0, reason: .openingStatement))
            } else if needsSpokenExplanation(gap.kind) {
                checks.append(SpeechCheck(clip: next.id, offset: 0, reason: .resumed(after: gap)))
            }
        }

        // The loop always leaves the last clip in `current`, which is non-empty because `ordered` is.
        current.end = ordered.last.flatMap(trustedEnd)
        activities.append(current)

        return TimelineAnalysis.Recorder(
            recorder: serial, clips: ordered.map(\.id), gaps: gaps, activities: activities, speechChecks: checks)
    }

    // MARK: - Gaps

    private static func gapBetween(_ previous: TimelineClip, _ next: TimelineClip, settings: TimelineSettings) -> Gap {
        var gap = Gap(
            recorder: previous.recorder, kind: .unknown, before: previous.id, after: next.id,
            start: trustedEnd(previous), end: trustedStart(next))
        guard let previousStart = trustedStart(previous), let duration = previous.duration,
            let nextStart = trustedStart(next)
        else { return gap }

        let measured = nextStart.timeIntervalSince(previousStart) - duration
        (gap.kind, gap.seconds) = classify(measured, settings: settings)
        return gap
    }

    private static func insideGap(in clip: TimelineClip, jump: InternalJump, settings: TimelineSettings) -> Gap {
        var gap = Gap(
            recorder: clip.recorder, kind: .unknown, inside: true, before: clip.id, after: clip.id,
            resumeOffset: jump.position)
        guard !clip.clockSuspect else { return gap }

        if let start = clip.start, jump.position.isFinite, jump.seconds.isFinite {
            gap.end = start.addingTimeInterval(jump.position)
            gap.start = start.addingTimeInterval(jump.position - jump.seconds)
        }
        (gap.kind, gap.seconds) = classify(jump.seconds, settings: settings)
        return gap
    }

    /// Whether the handler is expected to have spoken when recording resumed after a gap of this kind.
    ///
    /// Interruptions by article 20; overlaps and unknown gaps because the timeline cannot rule out an interruption
    /// there, and for evidence a needless check is cheaper than a missed one.
    private static func needsSpokenExplanation(_ kind: GapKind) -> Bool {
        switch kind {
        case .interruption, .overlap, .unknown: true
        case .continuation, .newActivity: false
        }
    }

    // MARK: - Ordering

    private static func trustedStart(_ clip: TimelineClip) -> Date? {
        clip.clockSuspect ? nil : clip.start
    }

    private static func trustedEnd(_ clip: TimelineClip) -> Date? {
        clip.clockSuspect ? nil : clip.end
    }

    private static func anchoredOrder(_ a: TimelineClip, _ b: TimelineClip) -> Bool {
        // Only clips with a trusted start are compared here.
        let aStart = a.start ?? .distantPast
        let bStart = b.start ?? .distantPast
        if aStart != bStart { return aStart < bStart }
        return sequenceOrder(a, b)
    }

    private static func sequenceOrder(_ a: TimelineClip, _ b: TimelineClip) -> Bool {
        switch (a.sequence, b.sequence) {
        case (let x?, let y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }

    private static func insertionIndex(of clip: TimelineClip, among anchored: [TimelineClip]) -> Int {
        guard let sequence = clip.sequence else { return anchored.count }
        return anchored.firstIndex { ($0.sequence ?? Int.min) > sequence } ?? anchored.count
    }
}
