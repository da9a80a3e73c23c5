import Foundation
import Testing

@testable import Timeline

// MARK: - Helpers

/// A fixed instant that is exact in binary floating point, so offsets from it stay exact.
private let base = Date(timeIntervalSinceReferenceDate: 768_000_000)

private func at(_ seconds: Double) -> Date {
    base.addingTimeInterval(seconds)
}

private func clip(
    _ id: String,
    _ start: Double?,
    _ duration: Double?,
    sequence: Int? = nil,
    recorder: String = "R1",
    suspect: Bool = false,
    jumps: [InternalJump] = []
) -> TimelineClip {
    TimelineClip(
        id: id, recorder: recorder, start: start.map(at), duration: duration, sequence: sequence,
        clockSuspect: suspect, jumps: jumps)
}

private func resumed(_ gap: Gap) -> SpeechCheck.Reason {
    .resumed(after: gap)
}

// MARK: - Gap classification

/// One boundary case: the first clip runs `duration` seconds from 0, the second starts at `nextStart`.
struct BoundaryCase: Sendable, CustomTestStringConvertible {
    let name: String
    let duration: Double
    let nextStart: Double
    let kind: GapKind
    let seconds: Double
    var testDescription: String { name }
}

@Suite("Timeline gap classification")
struct TimelineGapClassificationTests {
    static let boundaries: [BoundaryCase] = [
        BoundaryCase(name: "back to back", duration: 900, nextStart: 900, kind: .continuation, seconds: 0),
        BoundaryCase(name: "exactly 2.0 s", duration: 900, nextStart: 902, kind: .continuation, seconds: 2),
        BoundaryCase(name: "2.0001 s", duration: 900, nextStart: 902.0001, kind: .interruption, seconds: 2.0001),
        BoundaryCase(name: "exactly −2.0 s", duration: 900, nextStart: 898, kind: .continuation, seconds: -2),
        BoundaryCase(name: "−2.0001 s", duration: 900, nextStart: 897.9999, kind: .overlap, seconds: 2.0001),
        BoundaryCase(
            name: "unrounded 900.55 s then +900 s", duration: 900.55, nextStart: 900, kind: .continuation,
            seconds: -0.55),
        BoundaryCase(name: "1799.9 s", duration: 600, nextStart: 2399.9, kind: .interruption, seconds: 1799.9),
        BoundaryCase(name: "exactly 1800 s", duration: 600, nextStart: 2400, kind: .newActivity, seconds: 1800),
        BoundaryCase(name: "a day", duration: 600, nextStart: 87000, kind: .newActivity, seconds: 86400),
        BoundaryCase(name: "five-minute overlap", duration: 900, nextStart: 600, kind: .overlap, seconds: 300),
        BoundaryCase(name: "a minute", duration: 300, nextStart: 360, kind: .interruption, seconds: 60),
    ]

    @Test("A gap between two clips gets the kind and seconds of its boundary", arguments: boundaries)
    func boundary(_ row: BoundaryCase) throws {
        let analysis = Timeline.analyse([clip("a", 0, row.duration), clip("b", row.nextStart, 900)])

        let gap = try #require(analysis.gaps.first)
        #expect(analysis.gaps.count == 1)
        #expect(gap.kind == row.kind)
        #expect(gap.inside == false)
        #expect(gap.before == "a")
        #expect(gap.after == "b")
        #expect(gap.resumeOffset == 0)
        #expect(gap.start == at(row.duration))
        #expect(gap.end == at(row.nextStart))
        // Fractional seconds are not exact in binary; a microsecond is far below any meaningful difference.
        #expect(abs(try #require(gap.seconds) - row.seconds) < 1e-6)
    }

    @Test(
        "The thresholds come from the settings",
        arguments: [
            (5.0, GapKind.continuation), (5.5, .interruption), (60.0, .newActivity), (-5.5, .overlap),
        ])
    func customSettings(_ seconds: Double, _ kind: GapKind) {
        let settings = TimelineSettings(splitTolerance: 5, activityBreak: 60)
        #expect(Timeline.classify(seconds, settings: settings).kind == kind)
    }

    @Test("A length that is not a finite number is unknown, not guessed", arguments: [Double.nan, .infinity])
    func notFinite(_ seconds: Double) {
        let result = Timeline.classify(seconds, settings: TimelineSettings())
        #expect(result.kind == .unknown)
        #expect(result.seconds == nil)
    }

    @Test("The raw values of the kinds are the words reports use")
    func rawValues() {
        #expect(
            GapKind.allCases.map(\.rawValue) == [
                "continuation", "interruption", "new_activity", "overlap", "unknown",
            ])
    }
}

// MARK: - Unknown times

@Suite("Timeline unknown and suspect times")
struct TimelineUnknownTests {
    @Test("A next clip with no start gives an unknown gap with the previous end kept")
    func unknownStart() {
        let analysis = Timeline.analyse([clip("a", 0, 600, sequence: 1), clip("b", nil, 600, sequence: 2)])

        #expect(analysis.gaps == [Gap(recorder: "R1", kind: .unknown, before: "a", after: "b", start: at(600))])
    }

    @Test("A previous clip with no duration gives an unknown gap with the next start kept")
    func unknownDuration() {
        let analysis = Timeline.analyse([clip("a", 0, nil), clip("b", 700, 600)])

        #expect(analysis.gaps == [Gap(recorder: "R1", kind: .unknown, before: "a", after: "b", end: at(700))])
        #expect(analysis.activities == [Activity(recorder: "R1", clips: ["a", "b"], start: at(0), end: at(1300))])
    }

    @Test("A clip with no start is placed by its sequence between trusted clips")
    func unknownStartPlacedBySequence() {
        let analysis = Timeline.analyse([
            clip("c", 1200, 600, sequence: 3), clip("b", nil, 600, sequence: 2), clip("a", 0, 600, sequence: 1),
        ])

        #expect(analysis.recorders[0].clips == ["a", "b", "c"])
        #expect(analysis.gaps.map(\.kind) == [.unknown, .unknown])
    }

    @Test("A clip with no start and no sequence goes after every trusted clip")
    func unknownStartWithoutSequence() {
        let analysis = Timeline.analyse([clip("z", nil, 10), clip("b", 600, 600), clip("a", 0, 600)])

        #expect(analysis.recorders[0].clips == ["a", "b", "z"])
        #expect(analysis.gaps.map(\.kind) == [.continuation, .unknown])
    }

    @Test("A reset clock in the middle is placed by sequence and both its gaps are unknown, never years")
    func suspectClockInTheMiddle() {
        let reset = TimelineClip(
            id: "b", recorder: "R1", start: Date(timeIntervalSince1970: 946_684_800), duration: 600, sequence: 2,
            clockSuspect: true)
        let analysis = Timeline.analyse([clip("c", 1210, 600, sequence: 3), reset, clip("a", 0, 600, sequence: 1)])

        let before = Gap(recorder: "R1", kind: .unknown, before: "a", after: "b", start: at(600))
        let after = Gap(recorder: "R1", kind: .unknown, before: "b", after: "c", end: at(1210))
        #expect(analysis.recorders[0].clips == ["a", "b", "c"])
        #expect(analysis.gaps == [before, after])
        #expect(analysis.gaps.allSatisfy { $0.seconds == nil })
        #expect(analysis.activities == [Activity(recorder: "R1", clips: ["a", "b", "c"], start: at(0), end: at(1810))])
        #expect(
            analysis.speechChecks == [
                SpeechCheck(clip: "a", offset: 0, reason: .openingStatement),
                SpeechCheck(clip: "b", offset: 0, reason: resumed(before)),
                SpeechCheck(clip: "c", offset: 0, reason: resumed(after)),
            ])
    }

    @Test("A clock in the future with the lowest sequence goes first and its activity has no trusted start")
    func suspectClockFirst() {
        let future = clip("a", 400_000_000, 600, sequence: 1, suspect: true)
        let analysis = Timeline.analyse([clip("b", 0, 600, sequence: 2), future])

        #expect(analysis.recorders[0].clips == ["a", "b"])
        #expect(analysis.gaps == [Gap(recorder: "R1", kind: .unknown, before: "a", after: "b", end: at(0))])
        #expect(analysis.activities == [Activity(recorder: "R1", clips: ["a", "b"], start: nil, end: at(600))])
    }

    @Test("A jump inside a clip with a suspect clock is unknown but keeps its position")
    func suspectClockJump() {
        let analysis = Timeline.analyse([
            clip("a", 0, 900, suspect: true, jumps: [InternalJump(position: 300, seconds: 60)])
        ])

        let gap = Gap(recorder: "R1", kind: .unknown, inside: true, before: "a", after: "a", resumeOffset: 300)
        #expect(analysis.gaps == [gap])
        #expect(
            analysis.speechChecks == [
                SpeechCheck(clip: "a", offset: 0, reason: .openingStatement),
                SpeechCheck(clip: "a", offset: 300, reason: resumed(gap)),
            ])
    }
}

// MARK: - Jumps inside a clip

@Suite("Timeline jumps inside a clip")
struct TimelineInsideJumpTests {
    @Test("Jumps are sorted by position, classified by their seconds, and dated on the clip's own timeline")
    func jumpsInOrder() {
        let jumps = [InternalJump(position: 400, seconds: 60), InternalJump(position: 100, seconds: 1)]
        let analysis = Timeline.analyse([clip("a", 0, 900, jumps: jumps)])

        let small = Gap(
            recorder: "R1", kind: .continuation, inside: true, before: "a", after: "a", start: at(99), end: at(100),
            seconds: 1, resumeOffset: 100)
        let interruption = Gap(
            recorder: "R1", kind: .interruption, inside: true, before: "a", after: "a", start: at(340),
            end: at(400), seconds: 60, resumeOffset: 400)
        #expect(analysis.gaps == [small, interruption])
        #expect(
            analysis.speechChecks == [
                SpeechCheck(clip: "a", offset: 0, reason: .openingStatement),
                SpeechCheck(clip: "a", offset: 400, reason: resumed(interruption)),
            ])
    }

    @Test("A jump of the activity break inside one clip splits the activity inside that clip")
    func jumpIsNewActivity() {
        let analysis = Timeline.analyse([
            clip("a", 0, 4000, jumps: [InternalJump(position: 3700, seconds: 3600)]), clip("b", 4000, 100),
        ])

        #expect(analysis.gaps.map(\.kind) == [.newActivity, .continuation])
        #expect(
            analysis.activities == [
                Activity(recorder: "R1", clips: ["a"], start: at(0), end: at(100)),
                Activity(recorder: "R1", clips: ["a", "b"], openingOffset: 3700, start: at(3700), end: at(4100)),
            ])
        #expect(
            analysis.speechChecks == [
                SpeechCheck(clip: "a", offset: 0, reason: .openingStatement),
                SpeechCheck(clip: "a", offset: 3700, reason: .openingStatement),
            ])
    }

    @Test("A jump back in time inside a clip is an overlap with positive seconds")
    func jumpBack() {
        let analysis = Timeline.analyse([clip("a", 0, 900, jumps: [InternalJump(position: 500, seconds: -10)])])

        #expect(analysis.gaps.map(\.kind) == [.overlap])
        #expect(analysis.gaps.map(\.seconds) == [10])
        #expect(analysis.speechChecks.count == 2)
    }

    @Test("A jump in a clip with no start is still classified, without dates")
    func jumpWithoutStart() {
        let analysis = Timeline.analyse([clip("a", nil, 900, jumps: [InternalJump(position: 500, seconds: 120)])])

        #expect(
            analysis.gaps == [
                Gap(
                    recorder: "R1", kind: .interruption, inside: true, before: "a", after: "a", seconds: 120,
                    resumeOffset: 500)
            ])
    }

    @Test("A jump inside a clip comes before the gap after that clip")
    func jumpThenGap() {
        let analysis = Timeline.analyse([
            clip("a", 0, 900, jumps: [InternalJump(position: 500, seconds: 30)]), clip("b", 1000, 60),
        ])

        #expect(analysis.gaps.map(\.inside) == [true, false])
        #expect(analysis.gaps.map(\.seconds) == [30, 100])
    }
}

// MARK: - Ordering, recorders, activities, speech checks

@Suite("Timeline ordering and activities")
struct TimelineOrderingTests {
    @Test("Empty input gives an empty analysis")
    func empty() {
        let analysis = Timeline.analyse([])

        #expect(analysis.recorders.isEmpty)
        #expect(analysis.gaps.isEmpty)
        #expect(analysis.activities.isEmpty)
        #expect(analysis.speechChecks.isEmpty)
    }

    @Test("A recorder with one clip has no gap, one activity and one opening-statement check")
    func oneClip() {
        let analysis = Timeline.analyse([clip("a", 0, 900)])

        #expect(analysis.gaps.isEmpty)
        #expect(analysis.activities == [Activity(recorder: "R1", clips: ["a"], start: at(0), end: at(900))])
        #expect(analysis.speechChecks == [SpeechCheck(clip: "a", offset: 0, reason: .openingStatement)])
    }

    @Test("Unsorted input gives the same analysis as sorted input")
    func unsorted() {
        let sorted = [clip("a", 0, 600), clip("b", 600, 600), clip("c", 1300, 600), clip("d", 5000, 600)]
        let shuffled = [sorted[2], sorted[0], sorted[3], sorted[1]]

        #expect(Timeline.analyse(shuffled) == Timeline.analyse(sorted))
        #expect(Timeline.analyse(shuffled).recorders[0].clips == ["a", "b", "c", "d"])
    }

    @Test("Equal starts are ordered by sequence, then clips without one, then by id")
    func ties() {
        let clips = [
            clip("x", 0, 10), clip("y", 0, 10, sequence: 7), clip("w", 0, 10), clip("z", 0, 10, sequence: 5),
        ]

        #expect(Timeline.order(clips).map(\.id) == ["z", "y", "w", "x"])
    }

    @Test("Interleaved recorders are analysed separately and listed by serial")
    func interleavedRecorders() {
        let analysis = Timeline.analyse([
            clip("b2", 600, 600, recorder: "R2"), clip("a1", 0, 600, recorder: "R1"),
            clip("a2", 601, 600, recorder: "R1"), clip("b1", 0, 300, recorder: "R2"),
            clip("a3", 5000, 600, recorder: "R1"),
        ])

        #expect(analysis.recorders.map(\.recorder) == ["R1", "R2"])
        #expect(analysis[recorder: "R1"]?.clips == ["a1", "a2", "a3"])
        #expect(analysis[recorder: "R1"]?.gaps.map(\.kind) == [.continuation, .newActivity])
        #expect(analysis[recorder: "R2"]?.clips == ["b1", "b2"])
        #expect(analysis[recorder: "R2"]?.gaps.map(\.kind) == [.interruption])
        #expect(analysis[recorder: "R2"]?.gaps.map(\.seconds) == [300])
        #expect(analysis.gaps.allSatisfy { gap in gap.before.first == gap.after.first })
        #expect(analysis[recorder: "R3"] == nil)
    }

    @Test("A day of clips gives activities and speech checks at every opening, interruption and unknown gap")
    func dayOfClips() {
        let analysis = Timeline.analyse([
            clip("a", 0, 900, sequence: 1),
            clip("b", 901, 900, sequence: 2),  // continuation
            clip("c", 2000, 600, sequence: 3),  // interruption of 199 s
            clip("d", 9000, nil, sequence: 4),  // new activity; its duration is unknown
            clip("e", 9700, 600, sequence: 5),  // unknown gap
            clip("f", 10200, 600, sequence: 6),  // overlap of 100 s
        ])

        let gaps = analysis.gaps
        #expect(gaps.map(\.kind) == [.continuation, .interruption, .newActivity, .unknown, .overlap])
        #expect(gaps.map(\.seconds) == [1, 199, 6400, nil, 100])
        #expect(
            analysis.activities == [
                Activity(recorder: "R1", clips: ["a", "b", "c"], start: at(0), end: at(2600)),
                Activity(recorder: "R1", clips: ["d", "e", "f"], start: at(9000), end: at(10800)),
            ])
        #expect(
            analysis.speechChecks == [
                SpeechCheck(clip: "a", offset: 0, reason: .openingStatement),
                SpeechCheck(clip: "c", offset: 0, reason: resumed(gaps[1])),
                SpeechCheck(clip: "d", offset: 0, reason: .openingStatement),
                SpeechCheck(clip: "e", offset: 0, reason: resumed(gaps[3])),
                SpeechCheck(clip: "f", offset: 0, reason: resumed(gaps[4])),
            ])
    }

    @Test("Several new activities in a row give one activity per clip")
    func activityPerClip() {
        let analysis = Timeline.analyse([clip("a", 0, 60), clip("b", 3600, 60), clip("c", 7200, 60)])

        #expect(analysis.activities.map(\.clips) == [["a"], ["b"], ["c"]])
        #expect(analysis.speechChecks.map(\.clip) == ["a", "b", "c"])
        #expect(analysis.speechChecks.allSatisfy { $0.reason == .openingStatement })
    }
}
