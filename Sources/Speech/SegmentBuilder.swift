// MARK: - SegmentBuilder

/// Turns voiced frames into speech segments: voiced runs with a steady pitch, joined across short pauses, with a
/// margin before, a hangover after, and a minimum length.
struct SegmentBuilder {
    /// Largest relative change of pitch between neighbouring voiced frames of one run. Speech glides by a few per cent
    /// in 10–20 ms; the chance peaks of wind and rain jump about at random.
    private static let pitchTolerance: Float = 0.06

    let settings: DetectorSettings

    func segments(from frames: [SpeechFrame], totalDuration: Double) -> [SpeechSegment] {
        guard frames.count > 1 else { return [] }
        let step = frames[1].time - frames[0].time
        let runs = voicedRuns(in: frames, step: step)

        var segments: [SpeechSegment] = []
        var current: (start: Double, end: Double)?
        for run in runs {
            if let open = current, run.start - open.end <= settings.maximumPause {
                current = (open.start, run.end)
            } else {
                if let open = current { append(open, to: &segments, totalDuration: totalDuration) }
                current = run
            }
        }
        if let open = current { append(open, to: &segments, totalDuration: totalDuration) }
        return segments
    }

    // MARK: - Voiced runs

    private func voicedRuns(in frames: [SpeechFrame], step: Double) -> [(start: Double, end: Double)] {
        let shortest = max(1, Int((settings.minimumVoicedRun / step).rounded()))
        var runs: [(start: Double, end: Double)] = []
        var first = -1
        var last = -1
        var voicedCount = 0
        func close() {
            if first >= 0 && voicedCount >= shortest {
                runs.append((frames[first].time - step / 2, frames[last].time + step / 2))
            }
            first = -1
            voicedCount = 0
        }
        for index in frames.indices {
            let frame = frames[index]
            guard frame.voiced else {
                // One unvoiced frame inside a vowel (a dip of harmonicity under noise) does not end the run.
                if first >= 0 && index - last > 2 { close() }
                continue
            }
            if first >= 0 && !Self.samePitch(frame.pitch, frames[last].pitch) { close() }
            if first < 0 { first = index }
            last = index
            voicedCount += 1
        }
        close()
        return runs
    }

    /// True when two pitch readings are within the tolerance of each other, or of an octave of each other (the
    /// autocorrelation of a voiced frame peaks at twice the period too, and the reading may jump between the two).
    private static func samePitch(_ a: Float, _ b: Float) -> Bool {
        let high = max(a, b)
        let low = min(a, b)
        return high <= low * (1 + pitchTolerance) || abs(high - 2 * low) <= 2 * low * pitchTolerance
    }

    // MARK: - Margins

    private func append(
        _ run: (start: Double, end: Double),
        to segments: inout [SpeechSegment],
        totalDuration: Double
    ) {
        var start = max(0, run.start - settings.onsetMargin)
        let end = min(totalDuration, run.end + settings.hangover)
        if let last = segments.last, start < last.end { start = last.end }
        guard end - start >= settings.minimumSegment else { return }
        segments.append(SpeechSegment(start: start, duration: end - start))
    }
}
