import Foundation
import Testing

@testable import Media

@Suite("Prober")
struct ProberTests {
    let prober = Prober()

    // MARK: - Committed fixtures

    @Test("An MP4 with H.264 and AAC gives its codecs, picture, sound, 3.0 s spans and its creation time")
    func mp4WithH264AndAAC() throws {
        let probe = try prober.probe(Fixtures.clip("mp4-h264-aac.mp4"))
        #expect(probe.container == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(probe.duration == 3.0)
        #expect(probe.rawCreationTime == "2026-03-14T01:26:53.000000Z")
        #expect(probe.creationTime == Date(timeIntervalSince1970: 1_773_451_613))
        #expect(probe.fileSize == 35_423)
        #expect(probe.isFinalised == true)
        #expect(probe.truncationSigns.isEmpty)
        #expect(probe.jumps.isEmpty)
        #expect(
            probe.streams == [
                StreamInfo(
                    index: 0, kind: .video, codec: "h264", width: 320, height: 240, frameRate: 15,
                    startTime: 0, duration: 3.0, packetCount: 45),
                // 131 packets: the AAC priming packet the edit list discards counts, but not in the span.
                StreamInfo(
                    index: 1, kind: .audio, codec: "aac", sampleRate: 44_100, channels: 1,
                    startTime: 0, duration: 3.0, packetCount: 131),
            ])
    }

    @Test("A MOV with G.711 mu-law audio gives pcm_mulaw at 8 kHz mono and the creation time converted to UTC")
    func movWithMuLaw() throws {
        let probe = try prober.probe(Fixtures.clip("mov-h264-mulaw.mov"))
        #expect(probe.container == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(probe.duration == 4.0)
        #expect(probe.rawCreationTime == "2026-03-14T01:30:00.000000Z")
        #expect(probe.creationTime == Date(timeIntervalSince1970: 1_773_451_800))
        #expect(probe.isFinalised == true)
        #expect(probe.isTruncated == false)
        #expect(probe.jumps.isEmpty)
        #expect(
            probe.streams == [
                StreamInfo(
                    index: 0, kind: .video, codec: "h264", width: 160, height: 120, frameRate: 10,
                    startTime: 0, duration: 4.0, packetCount: 40),
                StreamInfo(
                    index: 1, kind: .audio, codec: "pcm_mulaw", sampleRate: 8000, channels: 1,
                    startTime: 0, duration: 4.0, packetCount: 32),
            ])
    }

    @Test("An AVI with MPEG-4 video and PCM audio gives 2.5 s for both streams, which its header leaves unknown")
    func aviWithMpeg4AndPCM() throws {
        let probe = try prober.probe(Fixtures.clip("avi-mpeg4-pcm.avi"))
        #expect(probe.container == "avi")
        #expect(probe.duration == 2.5)
        #expect(probe.isFinalised == true)
        #expect(probe.isTruncated == false)
        #expect(probe.jumps.isEmpty)
        #expect(probe.creationTime == nil)
        #expect(probe.rawCreationTime == nil)
        #expect(
            probe.streams == [
                StreamInfo(
                    index: 0, kind: .video, codec: "mpeg4", width: 160, height: 120, frameRate: 12,
                    startTime: 0, duration: 2.5, packetCount: 30),
                StreamInfo(
                    index: 1, kind: .audio, codec: "pcm_s16le", sampleRate: 8000, channels: 1,
                    startTime: 0, duration: 2.5, packetCount: 20),
            ])
    }

    @Test("An MPEG-TS clip gives its audio span from packets (2.016 s), not the 1.824 s the container reports")
    func mpegTSWithH264AndMP2() throws {
        let probe = try prober.probe(Fixtures.clip("ts-h264-mp2.ts"))
        #expect(probe.container == "mpegts")
        #expect(probe.duration == 2.016)
        #expect(probe.creationTime == nil)
        #expect(probe.isFinalised == nil)
        #expect(probe.isTruncated == false)
        #expect(probe.jumps.isEmpty)
        #expect(probe.streams.count == 2)
        let video = try #require(probe.video)
        #expect(video.codec == "h264")
        #expect(video.width == 320)
        #expect(video.height == 240)
        #expect(video.frameRate == 25)
        #expect(video.startTime == 126_902.0 / 90_000)
        #expect(video.duration == 2.0)
        #expect(video.packetCount == 50)
        let audio = try #require(probe.audio)
        #expect(audio.codec == "mp2")
        #expect(audio.sampleRate == 48_000)
        #expect(audio.channels == 1)
        #expect(audio.startTime == 1.4)
        #expect(audio.duration == 2.016)
        #expect(audio.packetCount == 84)
    }

    // MARK: - Clips made for the test

    @Test(
        "A MOV whose audio runs 3.2 s and video 3.0 s gives each stream its own span and the clip the longer one",
        .enabled(if: ffmpegIsInstalled, "ffmpeg makes the clip")
    )
    func audioLongerThanVideo() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("uneven.mov")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=3",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=3.2",
            "-c:v", "libx264", "-c:a", "pcm_s16le", path,
        ])
        let probe = try prober.probe(path)
        #expect(probe.video?.duration == 3.0)
        #expect(probe.audio?.duration == 3.2)
        #expect(probe.duration == 3.2)
    }

    @Test(
        "An MP4 of 2.5 s at 12 fps gives 2.5 s, not a whole number of seconds",
        .enabled(if: ffmpegIsInstalled, "ffmpeg makes the clip")
    )
    func nonIntegerDuration() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("short.mp4")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=12:duration=2.5",
            "-c:v", "libx264", path,
        ])
        let probe = try prober.probe(path)
        #expect(probe.duration == 2.5)
        #expect(probe.streams.count == 1)
        #expect(probe.audio == nil)
    }

    @Test(
        "An MPEG-TS clip whose clock crosses 2^33 ticks keeps its 4.0 s span",
        .enabled(if: ffmpegIsInstalled, "ffmpeg makes the clip")
    )
    func mpegTSClockWrap() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("wrap.ts")
        // 2^33 ticks of 1/90000 s is 95443.7 s; the clip starts 2.2 s before that.
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=4",
            "-c:v", "libx264", "-output_ts_offset", "95441.5", path,
        ])
        let probe = try prober.probe(path)
        #expect(probe.video?.duration == 4.0)
        #expect(probe.jumps.isEmpty)
    }

    @Test(
        "A 1970 creation time from a reset recorder clock gives no creation date but keeps the tag as written",
        .enabled(if: ffmpegIsInstalled, "ffmpeg makes the clip")
    )
    func creationTimeIn1970() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("reset-clock.mp4")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1",
            "-c:v", "libx264", "-metadata", "creation_time=1970-01-01T00:00:05Z", path,
        ])
        let probe = try prober.probe(path)
        #expect(probe.rawCreationTime == "1970-01-01T00:00:05.000000Z")
        #expect(probe.creationTime == nil)
    }

    @Test(
        "Every clip of a made recorder volume probes to the manifest's start and duration; the cut one throws",
        .enabled(if: volumeToolsAreInstalled, "make-volume.sh needs ffmpeg, espeak-ng and jq")
    )
    func recorderVolume() throws {
        let folder = try TemporaryFolder()
        let (volume, manifest) = try VolumeManifest.make(in: folder)
        #expect(manifest.clips.count == 6)
        for clip in manifest.clips {
            let path = volume + "/" + clip.path
            if clip.truncated {
                let error = try #require(throws: MediaError.self) { try prober.probe(path) }
                #expect(error.detail == "moov atom not found")
                continue
            }
            let probe = try prober.probe(path)
            #expect(probe.duration == clip.duration, "\(clip.name)")
            #expect(probe.rawCreationTime == clip.start.replacingOccurrences(of: "Z", with: ".000000Z"))
            #expect(probe.creationTime == CreationTime.parse(clip.start))
            #expect((probe.audio != nil) == clip.hasAudio, "\(clip.name)")
            #expect(probe.video?.width == 160)
        }
    }

    @Test(
        "An MP3 with a LAME header gives its 2.0 s span, without the encoder delay and padding it also holds",
        .enabled(if: ffmpegIsInstalled, "ffmpeg makes the clip")
    )
    func mp3EncoderDelay() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("tone.mp3")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=2", "-c:a", "libmp3lame", path,
        ])
        let audio = try #require(try prober.probe(path).audio)
        #expect(audio.codec == "mp3")
        // LAME's 1105-sample delay at 44.1 kHz.
        #expect(audio.startTime == 1105.0 / 44_100)
        #expect(abs(try #require(audio.duration) - 2.0) < 1e-9)
    }

    @Test("A probe result encodes to JSON and back unchanged")
    func codable() throws {
        let probe = try prober.probe(Fixtures.clip("ts-h264-mp2.ts"))
        let decoded = try JSONDecoder().decode(ClipProbe.self, from: try JSONEncoder().encode(probe))
        #expect(decoded == probe)
    }

    // MARK: - Clips that cannot be read

    @Test(
        "An MP4 cut off before its moov index throws, naming invalid data and the missing moov atom",
        .enabled(if: ffmpegIsInstalled, "ffmpeg makes the clip")
    )
    func truncatedMP4() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("cut.mp4")
        try Tool.ffmpeg([
            "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=3",
            "-c:v", "libx264", path,
        ])
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        try FileHandle(forWritingTo: URL(fileURLWithPath: path)).truncate(atOffset: UInt64(size / 2))
        let error = try #require(throws: MediaError.self) { try prober.probe(path) }
        #expect(error.path == path)
        #expect(error.operation == "avformat_open_input")
        #expect(error.reason == "Invalid data found when processing input")
        #expect(error.detail == "moov atom not found")
        #expect(
            error.description == "cannot read '\(path)': avformat_open_input failed: Invalid data found when "
                + "processing input (moov atom not found); the clip is damaged or not a media file (a recording "
                + "cut off by power loss has no index); keep the original as it is and record the clip as unreadable"
        )
    }

    @Test("A zero-byte file throws instead of crashing")
    func zeroByteFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("empty.MP4")
        try Data().write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MediaError.self) { try prober.probe(path) }
        #expect(error.operation == "avformat_open_input")
        #expect(error.reason == "Invalid data found when processing input")
    }

    @Test("A text file named .mp4 throws instead of crashing")
    func textFileNamedMP4() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.mp4")
        try Data("handover notes, shift 2\n".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MediaError.self) { try prober.probe(path) }
        #expect(error.operation == "avformat_open_input")
        #expect(error.reason == "Invalid data found when processing input")
    }

    @Test("An HLS playlist renamed .MP4 that points at another clip is refused, not followed")
    func playlistRenamedAsClip() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("A123456_012345_20260314092653_0001.MP4")
        let playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3.0,\n\(Fixtures.clip("ts-h264-mp2.ts"))\n"
        try Data(playlist.utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: MediaError.self) { try prober.probe(path) }
        #expect(error.reason == "Invalid argument")
        #expect(error.detail == "Format not on whitelist '\(FormatContext.containers)'")
    }

    @Test("A clip whose name holds a colon is read as a file, not as a protocol")
    func colonInName() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("concat:clip.ts")
        try FileManager.default.copyItem(atPath: Fixtures.clip("ts-h264-mp2.ts"), toPath: path)
        #expect(try prober.probe(path).duration == 2.016)
    }

    @Test("A path with no file throws with the system's reason and advice to check the path")
    func missingFile() throws {
        let path = "/nonexistent/custody/A123456_012345_20260314092653_0001.MP4"
        let error = try #require(throws: MediaError.self) { try prober.probe(path) }
        #expect(error.reason == "No such file or directory")
        #expect(error.advice == "check that the clip exists at this path")
    }

    // MARK: - Probe and opening audio in one read

    @Test(
        "Probing with the opening audio gives the same probe and samples as probing and decoding apart",
        arguments: ["mp4-h264-aac.mp4", "mov-h264-mulaw.mov", "avi-mpeg4-pcm.avi", "ts-h264-mp2.ts"]
    )
    func probeWithOpeningAudio(name: String) throws {
        let path = Fixtures.clip(name)
        let (probe, audio) = try prober.probe(path, openingAudio: 1.5)
        #expect(probe == (try prober.probe(path)))
        #expect(try audio.get() == (try AudioDecoder().decode(path, window: 1.5)))
        #expect(try audio.get().samples.count == 24_000)
    }

    @Test(
        "Probing a clip without an audio track with the opening audio gives noAudioTrack",
        .enabled(if: ffmpegIsInstalled, "ffmpeg makes the clip")
    )
    func probeWithOpeningAudioNoTrack() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("mute.mp4")
        try Tool.ffmpeg(["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=2", "-c:v", "libx264", path])
        let (probe, audio) = try prober.probe(path, openingAudio: 30)
        #expect(probe.audio == nil)
        #expect(try audio.get() == .noAudioTrack)
    }

    // MARK: - Concurrency

    @Test("Probing the fixtures from many tasks at once gives the same results as probing them one by one")
    func concurrentProbes() async throws {
        let names = ["mp4-h264-aac.mp4", "mov-h264-mulaw.mov", "avi-mpeg4-pcm.avi", "ts-h264-mp2.ts"]
        let expected = try names.map { try prober.probe(Fixtures.clip($0)) }
        let shared = prober
        try await withThrowingTaskGroup(of: (Int, ClipProbe).self) { group in
            for round in 0..<32 {
                let index = round % names.count
                group.addTask { (index, try shared.probe(Fixtures.clip(names[index]))) }
            }
            for try await (index, probe) in group {
                #expect(probe == expected[index])
            }
        }
    }
}
