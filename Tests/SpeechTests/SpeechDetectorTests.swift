import Foundation
import Testing

@testable import Speech

// MARK: - SpeechDetectorTests

/// Speech and noise made by espeak-ng and ffmpeg at test time; these tests are skipped, with the reason in their
/// trait, on a machine without those two tools.
@Suite("SpeechDetector", .enabled(if: AudioFixture.toolsAvailable, "needs espeak-ng and ffmpeg to make test audio"))
struct SpeechDetectorTests {
    private let detector = SpeechDetector()
    private static let tolerance = 0.3

    private static let englishFirst = "The recording stopped because the battery ran out"
    private static let englishSecond = "It is now ten past three on Main Street"
    private static let mandarinFirst = "录像因为电池没电中断了"
    private static let mandarinSecond = "现在是下午三点十分地点是中山路"

    // MARK: - Sources

    private static func wind(_ fixture: AudioFixture, seconds: Double) throws -> [Float] {
        try fixture.lavfi(
            "anoisesrc=color=brown:seed=7:amplitude=0.5,lowpass=f=500,lowpass=f=500,"
                + "volume='0.25+0.75*abs(sin(2*PI*0.23*t))*(0.7+0.3*sin(2*PI*3.1*t))':eval=frame",
            seconds: seconds
        )
    }

    private static func noise(_ kind: String, _ fixture: AudioFixture, seconds: Double) throws -> [Float] {
        switch kind {
        case "wind": return try wind(fixture, seconds: seconds)
        case "traffic":
            return try fixture.lavfi(
                "anoisesrc=color=brown:seed=11:amplitude=0.5,lowpass=f=250,"
                    + "volume='0.3+0.7*exp(-pow(mod(t\\,9)-4.5\\,2)/2)':eval=frame",
                seconds: seconds
            )
        case "rain":
            return try fixture.lavfi("anoisesrc=color=velvet:seed=13:amplitude=0.8,highpass=f=600", seconds: seconds)
        default: return try fixture.lavfi("anoisesrc=color=\(kind):seed=5:amplitude=0.5", seconds: seconds)
        }
    }

    /// Checks that `found` are the `expected` segments, one for one, each end within the tolerance.
    private func expectSegments(_ found: [SpeechSegment], _ expected: [SpeechSegment]) {
        #expect(found.count == expected.count, "found \(found), expected \(expected)")
        for (segment, wanted) in zip(found, expected) {
            #expect(abs(segment.start - wanted.start) <= Self.tolerance, "start of \(segment) against \(wanted)")
            #expect(abs(segment.end - wanted.end) <= Self.tolerance, "end of \(segment) against \(wanted)")
        }
    }

    private func seconds(_ samples: [Float]) -> Double { Double(samples.count) / Double(AudioFixture.rate) }

    // MARK: - Placement

    @Test("two English sentences padded with silence are found as exactly two segments within 0.3 s of their places")
    func englishSentencesInSilenceAreFoundWhereTheyAre() throws {
        let fixture = try AudioFixture()
        let first = AudioFixture.atLevel(try fixture.speech(Self.englishFirst, voice: "en"), dbfs: -24)
        let second = AudioFixture.atLevel(try fixture.speech(Self.englishSecond, voice: "en"), dbfs: -24)
        let audio = AudioFixture.silence(2) + first + AudioFixture.silence(4) + second + AudioFixture.silence(3)

        let found = detector.segments(in: audio)

        expectSegments(
            found,
            [
                SpeechSegment(start: 2, duration: seconds(first)),
                SpeechSegment(start: 6 + seconds(first), duration: seconds(second)),
            ])
    }

    @Test("two Mandarin sentences padded with pink noise 20 dB down are found as exactly two segments within 0.3 s")
    func mandarinSentencesInNoiseAreFoundWhereTheyAre() throws {
        let fixture = try AudioFixture()
        let first = AudioFixture.atLevel(try fixture.speech(Self.mandarinFirst, voice: "cmn"), dbfs: -26)
        let second = AudioFixture.atLevel(try fixture.speech(Self.mandarinSecond, voice: "cmn"), dbfs: -26)
        let speech = AudioFixture.silence(3) + first + AudioFixture.silence(5) + second + AudioFixture.silence(2)
        let noise = try Self.noise("pink", fixture, seconds: seconds(speech))
        let audio = AudioFixture.mix(speech: speech, noise: noise, snr: 20)

        let found = detector.segments(in: audio)

        expectSegments(
            found,
            [
                SpeechSegment(start: 3, duration: seconds(first)),
                SpeechSegment(start: 8 + seconds(first), duration: seconds(second)),
            ])
    }

    // MARK: - Speech in noise

    @Test(
        "a spoken explanation under wind, pink or white noise at 10 dB SNR is judged spoken",
        arguments: ["wind", "pink", "white"]
    )
    func speechInNoiseIsSpoken(kind: String) throws {
        let fixture = try AudioFixture()
        let speech = try fixture.speech(Self.englishFirst + ". " + Self.englishSecond, voice: "en")
        let clean = AudioFixture.silence(4) + AudioFixture.atLevel(speech, dbfs: -26) + AudioFixture.silence(30)
        let audio = AudioFixture.mix(
            speech: Array(clean.prefix(30 * AudioFixture.rate)),
            noise: try Self.noise(kind, fixture, seconds: 30),
            snr: 10
        )

        let verdict = detector.verdict(audio)

        #expect(verdict.spoken)
        #expect(verdict.speechSeconds >= 2)
        #expect(abs((verdict.speechStart ?? -1) - 4) <= Self.tolerance)
    }

    @Test("Mandarin speech that went through G.711 µ-law at 8 kHz is judged spoken, starting where it starts")
    func muLawSpeechIsSpoken() throws {
        let fixture = try AudioFixture()
        let speech = try fixture.speech(Self.mandarinFirst + "，" + Self.mandarinSecond, voice: "cmn")
        let clean = AudioFixture.silence(5) + AudioFixture.atLevel(speech, dbfs: -22) + AudioFixture.silence(10)
        let audio = try fixture.throughMuLaw(
            AudioFixture.mix(speech: clean, noise: try Self.noise("pink", fixture, seconds: seconds(clean)), snr: 25)
        )

        let verdict = detector.verdict(audio)

        #expect(verdict.spoken)
        #expect(abs((verdict.speechStart ?? -1) - 5) <= Self.tolerance)
    }

    @Test("quiet speech at -30 dBFS over a -45 dBFS noise floor, a metre or two from the microphone, is judged spoken")
    func quietSpeechIsSpoken() throws {
        let fixture = try AudioFixture()
        let speech = AudioFixture.atLevel(
            try fixture.speech(Self.englishSecond + ". " + Self.englishFirst, voice: "en"),
            dbfs: -30
        )
        let clean = AudioFixture.silence(6) + speech + AudioFixture.silence(30)
        let floor = AudioFixture.atLevel(try Self.noise("pink", fixture, seconds: 30), dbfs: -45)
        let audio = zip(clean.prefix(floor.count), floor).map { $0 + $1 }

        let verdict = detector.verdict(audio)

        #expect(verdict.spoken)
        #expect(abs((verdict.speechStart ?? -1) - 6) <= Self.tolerance)
    }

    // MARK: - Noise alone

    @Test(
        "30 s of wind, pink, white, traffic rumble or rain crackle alone hold less than 0.5 s of speech and are not spoken",
        arguments: ["wind", "pink", "white", "traffic", "rain"]
    )
    func noiseAloneIsNotSpoken(kind: String) throws {
        let fixture = try AudioFixture()
        let audio = AudioFixture.atLevel(try Self.noise(kind, fixture, seconds: 30), dbfs: -24)

        let verdict = detector.verdict(audio)

        #expect(!verdict.spoken)
        #expect(verdict.speechSeconds < 0.5)
    }

    @Test("30 s of a wailing siren with its second harmonic, or of an alarm beeping every second, are not spoken")
    func sirenAndBeepsAreNotSpoken() throws {
        let fixture = try AudioFixture()
        let sweep = "(900*t-150/(PI*0.25)*cos(2*PI*0.25*t))"
        let siren = try fixture.lavfi(
            "aevalsrc='0.1*sin(2*PI*\(sweep))+0.05*sin(4*PI*\(sweep))':s=16000",
            seconds: 30
        )
        let beeps = try fixture.lavfi("aevalsrc='0.2*sin(2*PI*1000*t)*gt(mod(t\\,1)\\,0.5)':s=16000", seconds: 30)

        #expect(detector.verdict(siren).speechSeconds == 0)
        #expect(detector.verdict(beeps).speechSeconds == 0)
    }

    @Test("30 s of near-silence (hiss at -70 dBFS) and of digital silence hold no speech segment at all")
    func nearSilenceHoldsNoSpeech() throws {
        let fixture = try AudioFixture()
        let hiss = AudioFixture.atLevel(try Self.noise("white", fixture, seconds: 30), dbfs: -70)

        #expect(detector.segments(in: hiss) == [])
        #expect(detector.segments(in: AudioFixture.silence(30)) == [])
    }

    @Test("a one-word answer under 1 s in pink noise is speech, but below the 2 s rule, so not spoken")
    func shortAnswerIsNotSpoken() throws {
        let fixture = try AudioFixture()
        let word = AudioFixture.atLevel(try fixture.speech("Okay", voice: "en"), dbfs: -24)
        let clean = AudioFixture.silence(8) + word + AudioFixture.silence(30)
        let audio = AudioFixture.mix(
            speech: Array(clean.prefix(30 * AudioFixture.rate)),
            noise: try Self.noise("pink", fixture, seconds: 30),
            snr: 20
        )

        let verdict = detector.verdict(audio)

        #expect(!verdict.spoken)
        #expect(verdict.speechSeconds < 1.5)
    }

    // MARK: - Rates and edges

    @Test("speech handed over at 8 kHz is found at the same place as at 16 kHz")
    func eightKilohertzInputIsAccepted() throws {
        let fixture = try AudioFixture()
        let speech = AudioFixture.atLevel(try fixture.speech(Self.englishFirst, voice: "en"), dbfs: -24)
        let audio = AudioFixture.silence(2) + speech + AudioFixture.silence(2)
        let narrowband = try fixture.resampled(audio, to: 8_000)

        let wide = detector.segments(in: audio)
        let narrow = detector.segments(in: narrowband, sampleRate: 8_000)

        #expect(wide.count == 1)
        #expect(narrow.count == 1)
        #expect(abs((narrow.first?.start ?? -1) - (wide.first?.start ?? 1)) <= 0.1)
        #expect(abs((narrow.first?.end ?? -1) - (wide.first?.end ?? 1)) <= 0.1)
    }

    @Test("no audio, or less than one 40 ms window of it, gives no segment and a verdict of not spoken")
    func tooLittleAudioGivesNothing() {
        #expect(detector.segments(in: []) == [])
        #expect(detector.segments(in: [Float](repeating: 0.1, count: 500)) == [])
        #expect(detector.verdict([]) == SpeechVerdict(spoken: false, speechStart: nil, speechSeconds: 0))
    }
}
