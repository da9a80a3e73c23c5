import Testing

@testable import Speech

// MARK: - SpeechVerdictTests

@Suite("SpeechVerdict")
struct SpeechVerdictTests {
    private let detector = SpeechDetector()

    @Test("segments of 0.75 s and 1.25 s add up to exactly 2 s, which is spoken, starting at the first segment")
    func twoSecondsInTwoSegmentsIsSpoken() {
        let verdict = detector.verdict(segments: [
            SpeechSegment(start: 1.5, duration: 0.75),
            SpeechSegment(start: 4.0, duration: 1.25),
        ])

        #expect(verdict == SpeechVerdict(spoken: true, speechStart: 1.5, speechSeconds: 2.0))
    }

    @Test("one segment of 1.875 s is below the 2 s minimum, so not spoken, though its start is reported")
    func lessThanTwoSecondsIsNotSpoken() {
        let verdict = detector.verdict(segments: [SpeechSegment(start: 0.25, duration: 1.875)])

        #expect(verdict == SpeechVerdict(spoken: false, speechStart: 0.25, speechSeconds: 1.875))
    }

    @Test("no segment gives no start, 0 s of speech, and not spoken")
    func noSegmentIsNotSpoken() {
        #expect(detector.verdict(segments: []) == SpeechVerdict(spoken: false, speechStart: nil, speechSeconds: 0))
    }

    @Test("a minimum of 1 s makes 1.25 s of speech spoken")
    func minimumIsTheCallersChoice() {
        let verdict = detector.verdict(segments: [SpeechSegment(start: 3, duration: 1.25)], minimumSpeech: 1)

        #expect(verdict == SpeechVerdict(spoken: true, speechStart: 3, speechSeconds: 1.25))
    }
}
