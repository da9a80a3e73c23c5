// MARK: - SegmentBuilder

/// Turns voiced frames into speech segments: voiced runs with a steady pitch, joined across short pauses, with a
/// margin before, a hangover after, and a minimum length.
struct SegmentBuilder {
    /// Largest relative change of pitch between neighbouring frames of one voiced run.
    private static let pitchTolerance: Float = 0.15

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
        func close(at last: Int) {
            if first >= 0 && last - first + 1 >= shortest {
                runs.append((frames[first].time - step / 2, frames[last].time + step / 2))
            }
            first = -1
        }
        for index in frames.indices {
            let frame = frames[index]
            guard frame.voiced else {
                close(at: index - 1)
                continue
            }
            if first >= 0 {
                let previous = frames[index - 1].pitch
                if abs(frame.pitch - previous) > Self.pitchTolerance * previous {
                    close(at: index - 1)
                    first = index
                }
            } else {
                first = index
            }
        }
        close(at: frames.count - 1)
        return runs
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
