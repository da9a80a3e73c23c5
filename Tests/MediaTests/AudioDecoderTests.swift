import Foundation
import Testing

@testable import Media

/// Audio decoding to 16 kHz mono, on clips made by ffmpeg with a 440 Hz sine over a known span.
@Suite("AudioDecoder", .enabled(if: ffmpegIsInstalled, "ffmpeg makes every clip here"))
struct AudioDecoderTests {
    let decoder = AudioDecoder()

    /// RMS of lavfi's sine (amplitude 1/8): 0.125 / √2.
    static let sineRMS = 0.125 / 2.0.squareRoot()

    /// One 10 ms frame at 16 kHz.
    static let frame = 160

    struct Codec: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var arguments: [String]
        var sampleRate: Int
        var channels = 1
        /// Seconds of audio the container holds: 2.0, or more where the codec pads its last frame and the
        /// container cannot say how much of it counts.
        var seconds = 2.0
        /// Largest relative error of the RMS allowed for this codec.
        var rmsTolerance = 0.02
        var testDescription: String { "\(name) in \(file)" }
    }

    static let codecs: [Codec] = [
        Codec(name: "AAC", file: "clip.mp4", arguments: ["-c:a", "aac", "-b:a", "64k"], sampleRate: 48_000),
        Codec(name: "AAC stereo", file: "clip.mp4", arguments: ["-c:a", "aac"], sampleRate: 44_100, channels: 2),
        // LAME at 64 kb/s renders a pure tone about 5 % quieter.
        Codec(
            name: "MP3", file: "clip.mp3", arguments: ["-c:a", "libmp3lame", "-b:a", "64k"], sampleRate: 44_100,
            rmsTolerance: 0.08),
        Codec(
            name: "MP3", file: "clip.mov", arguments: ["-c:a", "libmp3lame", "-b:a", "64k"], sampleRate: 44_100,
            rmsTolerance: 0.08),
        // 84 whole MP2 frames of 1152 samples.
        Codec(name: "MP2", file: "clip.ts", arguments: ["-c:a", "mp2"], sampleRate: 48_000, seconds: 2.016),
        Codec(name: "PCM s16le", file: "clip.avi", arguments: ["-c:a", "pcm_s16le"], sampleRate: 16_000),
        Codec(name: "G.711 mu-law", file: "clip.mov", arguments: ["-c:a", "pcm_mulaw"], sampleRate: 8_000),
        Codec(name: "G.711 A-law", file: "clip.mov", arguments: ["-c:a", "pcm_alaw"], sampleRate: 8_000),
        Codec(name: "G.711 A-law", file: "clip.wav", arguments: ["-c:a", "pcm_alaw"], sampleRate: 8_000),
        // 8 whole ADPCM blocks of 2041 samples.
        Codec(
            name: "ADPCM IMA", file: "clip.avi", arguments: ["-c:a", "adpcm_ima_wav"], sampleRate: 8_000,
            seconds: 2.041),
        Codec(name: "ADPCM IMA QuickTime", file: "clip.mov", arguments: ["-c:a", "adpcm_ima_qt"], sampleRate: 8_000),
    ]

    private static func sineClip(
        _ codec: Codec, seconds: Double, video: Bool, in folder: TemporaryFolder
    ) throws -> String {
        let path = folder.path(codec.file)
        var arguments: [String] = []
        if video {
            arguments += ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=\(seconds)"]
        }
        arguments += ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=\(codec.sampleRate):duration=\(seconds)"]
        arguments += ["-ac", "\(codec.channels)"] + codec.arguments
        if video {
            arguments += ["-c:v", codec.file.hasSuffix(".avi") ? "mpeg4" : "libx264"]
        }
        try Tool.ffmpeg(arguments + [path])
        return path
    }

    private static func rms(_ samples: ArraySlice<Float>) -> Double {
        guard !samples.isEmpty else {
            return 0
        }
        return (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
    }

    // MARK: - Codecs

    @Test(
        "A 2.0 s 440 Hz sine decodes to its span at 16 kHz (32 000 samples unless the codec pads) with the sine's RMS",
        arguments: codecs)
    func decodesCodec(codec: Codec) throws {
        let folder = try TemporaryFolder()
        let video = !codec.file.hasSuffix(".mp3") && !codec.file.hasSuffix(".wav")
        let path = try Self.sineClip(codec, seconds: 2, video: video, in: folder)
        let decoded = try decoder.decode(path, from: 0, window: 30)
        guard case .audio(let excerpt) = decoded else {
            Issue.record("no audio track found in \(path)")
            return
        }
        #expect(abs(excerpt.samples.count - Int(codec.seconds * 16_000)) <= Self.frame)
        #expect(excerpt.start == 0)
        let span = try #require(try Prober().probe(path).audio?.duration)
        #expect(abs(span - codec.seconds) < 0.001)
        // Away from the ends (encoder delay and fade-in), the level is the sine's.
        let middle = excerpt.samples.dropFirst(1_600).dropLast(1_600)
        #expect(abs(Self.rms(middle) - Self.sineRMS) < Self.sineRMS * codec.rmsTolerance)
    }

    // MARK: - Windows and tracks

    @Test("Audio of 1.5 s under 4 s of picture gives 24 000 samples, not the picture's length")
    func audioShorterThanVideo() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("short-audio.mp4")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=4",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=1.5",
            "-c:v", "libx264", "-c:a", "aac", path,
        ])
        let samples = try decoder.decode(path, window: 30).samples
        #expect(abs(samples.count - 24_000) <= Self.frame)
    }

    @Test("Audio that begins 1.0 s after the picture gives an excerpt starting at 1.0 s")
    func audioStartsLate() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("late-audio.mov")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=4",
            "-itsoffset", "1", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=2",
            "-c:v", "libx264", "-c:a", "pcm_mulaw", path,
        ])
        guard case .audio(let excerpt) = try decoder.decode(path, window: 30) else {
            Issue.record("no audio track found")
            return
        }
        #expect(excerpt.start == 1.0)
        #expect(abs(excerpt.samples.count - 32_000) <= Self.frame)
    }

    @Test(
        "A window from 1.0 s for 0.5 s, reached by seeking, gives 8 000 samples starting at 1.0 s",
        arguments: [
            Codec(name: "AAC", file: "clip.mp4", arguments: ["-c:a", "aac"], sampleRate: 48_000),
            Codec(name: "MP2", file: "clip.ts", arguments: ["-c:a", "mp2"], sampleRate: 48_000),
            Codec(name: "MP3", file: "clip.mp3", arguments: ["-c:a", "libmp3lame"], sampleRate: 44_100),
            Codec(name: "PCM s16le", file: "clip.avi", arguments: ["-c:a", "pcm_s16le"], sampleRate: 8_000),
            Codec(name: "G.711 mu-law", file: "clip.mov", arguments: ["-c:a", "pcm_mulaw"], sampleRate: 8_000),
        ]
    )
    func windowInside(codec: Codec) throws {
        let folder = try TemporaryFolder()
        let path = try Self.sineClip(codec, seconds: 3, video: !codec.file.hasSuffix(".mp3"), in: folder)
        guard case .audio(let excerpt) = try decoder.decode(path, from: 1.0, window: 0.5) else {
            Issue.record("no audio track found")
            return
        }
        #expect(abs(excerpt.start - 1.0) < 1e-9)
        #expect(excerpt.samples.count == 8_000)
        #expect(abs(Self.rms(excerpt.samples[...]) - Self.sineRMS) < Self.sineRMS * 0.08)
    }

    @Test("A window starting past the end of the audio gives an empty excerpt, not a missing track")
    func windowPastEnd() throws {
        let folder = try TemporaryFolder()
        let codec = Codec(name: "G.711", file: "clip.mov", arguments: ["-c:a", "pcm_mulaw"], sampleRate: 8_000)
        let path = try Self.sineClip(codec, seconds: 2, video: true, in: folder)
        let decoded = try decoder.decode(path, from: 5, window: 1)
        #expect(decoded.hasAudioTrack)
        #expect(decoded.samples.isEmpty)
    }

    @Test("A clip with no audio track gives noAudioTrack; a silent track gives silent samples")
    func noTrackIsNotSilence() throws {
        let folder = try TemporaryFolder()
        let mute = folder.path("mute.mp4")
        try Tool.ffmpeg(["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=2", "-c:v", "libx264", mute])
        let decoded = try decoder.decode(mute, window: 30)
        #expect(decoded == .noAudioTrack)
        #expect(decoded.hasAudioTrack == false)

        let silent = folder.path("silent.mp4")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=2",
            "-f", "lavfi", "-i", "anullsrc=sample_rate=16000:channel_layout=mono", "-t", "2",
            "-c:v", "libx264", "-c:a", "aac", silent,
        ])
        let quiet = try decoder.decode(silent, window: 30)
        #expect(quiet.hasAudioTrack)
        #expect(abs(quiet.samples.count - 32_000) <= Self.frame)
        #expect(Self.rms(quiet.samples[...]) < 1e-4)
    }

    @Test("The committed MPEG-TS fixture's MP2 audio decodes from its own start, 1.4 s into the TS clock")
    func transportStreamFixture() throws {
        guard case .audio(let excerpt) = try decoder.decode(Fixtures.clip("ts-h264-mp2.ts"), window: 1) else {
            Issue.record("no audio track found")
            return
        }
        #expect(excerpt.start == 0)
        #expect(excerpt.samples.count == 16_000)
    }

    @Test("A file that is not media throws MediaError rather than returning noAudioTrack")
    func notMedia() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.mp4")
        try Data("handover notes\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MediaError.self) { try decoder.decode(path, window: 30) }
        #expect(error.operation == "avformat_open_input")
    }

    @Test(
        "In a made recorder volume the spoken reason is loud where the manifest puts it; the mute clip has no track",
        .enabled(if: volumeToolsAreInstalled, "make-volume.sh needs ffmpeg, espeak-ng and jq")
    )
    func recorderVolume() throws {
        let folder = try TemporaryFolder()
        let (volume, manifest) = try VolumeManifest.make(in: folder)
        let reason = try #require(manifest.clips.first { $0.kind == "spoken_reason" })
        let speech = try #require(reason.speech.first)
        let audio = try decoder.decode(volume + "/" + reason.path, window: 12).samples
        let spoken = audio[Int(speech.start * 16_000)..<Int(speech.end * 16_000)]
        let after = audio[Int((speech.end + 0.5) * 16_000)..<audio.count]
        #expect(Self.rms(spoken) > 0.02)
        #expect(Self.rms(after) < 0.01)
        let mute = try #require(manifest.clips.first { $0.kind == "no_audio" })
        #expect(try decoder.decode(volume + "/" + mute.path, window: 30) == .noAudioTrack)
    }

    @Test("A gap between two joined recordings is filled with silence, so later sound keeps its place")
    func gapFilledWithSilence() throws {
        let folder = try TemporaryFolder()
        let first = folder.path("first.ts")
        let second = folder.path("second.ts")
        let sine = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-c:a", "mp2"]
        try Tool.ffmpeg(sine + [first])
        try Tool.ffmpeg(sine + ["-output_ts_offset", "5", second])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: first))
        bytes.append(try Data(contentsOf: URL(fileURLWithPath: second)))
        let joined = folder.path("joined.ts")
        try bytes.write(to: URL(fileURLWithPath: joined))

        let before = try #require(try Prober().probe(first).audio)
        let after = try #require(try Prober().probe(second).audio)
        let clipStart = try #require(before.startTime)
        // Both recordings are audio only, so the joined clip starts where the first one's audio does.
        let gapStart = try #require(before.duration)
        let gapEnd = try #require(after.startTime) - clipStart
        let end = gapEnd + (try #require(after.duration))
        let samples = try decoder.decode(joined, window: 30).samples
        #expect(abs(samples.count - Int(end * 16_000)) <= Self.frame)
        let rate = 16_000.0
        #expect(abs(Self.rms(samples[Int(0.5 * rate)..<Int((gapStart - 0.5) * rate)]) - Self.sineRMS) < 0.002)
        #expect(Self.rms(samples[Int((gapStart + 0.1) * rate)..<Int((gapEnd - 0.1) * rate)]) < 1e-4)
        #expect(abs(Self.rms(samples[Int((gapEnd + 0.5) * rate)..<Int((end - 0.5) * rate)]) - Self.sineRMS) < 0.002)
    }

    // MARK: - Damaged clips and concurrency

    @Test("A fast-start MP4 cut short decodes the audio up to the cut without throwing")
    func truncatedClip() throws {
        let folder = try TemporaryFolder()
        let whole = try Self.sineClip(
            Codec(
                name: "AAC", file: "whole.mp4", arguments: ["-c:a", "aac", "-movflags", "+faststart"],
                sampleRate: 48_000),
            seconds: 4, video: true, in: folder)
        let data = try Data(contentsOf: URL(fileURLWithPath: whole))
        let cut = folder.path("cut.mp4")
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cut))
        let samples = try decoder.decode(cut, window: 30).samples
        #expect(samples.count > 0)
        #expect(samples.count < 64_000)
    }

    @Test("AAC whose every frame is garbage throws the decoder's error instead of returning silence")
    func nothingDecodes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("garbled.mp4")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac", "-movflags", "+faststart", path,
        ])
        // Audio only and fast-start: the mdat box, last in the file, holds nothing but AAC frames.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let mdat = try #require(bytes.range(of: Data("mdat".utf8)))
        bytes.replaceSubrange(
            mdat.upperBound..<bytes.count, with: Data(repeating: 0xFF, count: bytes.count - mdat.upperBound))
        try bytes.write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MediaError.self) { try decoder.decode(path, window: 30) }
        #expect(error.operation == "avcodec_send_packet")
        #expect(error.detail == "Error decoding AAC frame header.")
        #expect(error.reason == "Error number -50531338 occurred")
    }

    @Test("Decoding the fixtures from many tasks at once gives the same samples as one by one")
    func concurrentDecodes() async throws {
        let names = ["mp4-h264-aac.mp4", "mov-h264-mulaw.mov", "avi-mpeg4-pcm.avi", "ts-h264-mp2.ts"]
        let expected = try names.map { try decoder.decode(Fixtures.clip($0), window: 2) }
        let shared = decoder
        try await withThrowingTaskGroup(of: (Int, DecodedAudio).self) { group in
            for round in 0..<16 {
                let index = round % names.count
                group.addTask { (index, try shared.decode(Fixtures.clip(names[index]), window: 2)) }
            }
            for try await (index, decoded) in group {
                #expect(decoded == expected[index])
            }
        }
    }
}
