import Foundation
import Testing

@testable import Media

extension ProberTests {
    /// The prober's packet pass on clips with jumps, reordering and damage, all made by ffmpeg per test.
    @Suite("jumps and truncation", .enabled(if: ffmpegIsInstalled, "ffmpeg makes every clip here"))
    struct Damage {
        let prober = Prober()

        private static let video = ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10"]
        private static let sine = ["-f", "lavfi", "-i", "sine=frequency=440:duration=30"]

        // MARK: - Jumps

        @Test("Two MPEG-TS recordings joined with a 60 s clock offset give exactly one jump where they meet")
        func joinedTransportStreams() throws {
            let folder = try TemporaryFolder()
            let first = folder.path("first.ts")
            let second = folder.path("second.ts")
            try Tool.ffmpeg(Self.video + Self.sine + ["-t", "3", "-c:v", "libx264", "-c:a", "aac", first])
            try Tool.ffmpeg(
                Self.video + Self.sine + [
                    "-t", "3", "-c:v", "libx264", "-c:a", "aac", "-output_ts_offset", "60", second,
                ])
            let joined = folder.path("joined.ts")
            var bytes = try Data(contentsOf: URL(fileURLWithPath: first))
            let firstSize = Int64(bytes.count)
            bytes.append(try Data(contentsOf: URL(fileURLWithPath: second)))
            try bytes.write(to: URL(fileURLWithPath: joined))

            let before = try #require(try prober.probe(first).video)
            let after = try #require(try prober.probe(second).video)
            let probe = try prober.probe(joined)
            let jump = try #require(probe.jumps.first)
            #expect(probe.jumps.count == 1)
            #expect(jump.stream == 0)
            #expect(jump.time == 3.0)
            let beforeEnd = try #require(before.startTime) + (try #require(before.duration))
            #expect(abs(jump.length - (try #require(after.startTime) - beforeEnd)) < 1e-9)
            #expect(abs(jump.length - 56.8) < 1e-9)
            let offset = try #require(jump.byteOffset)
            #expect(offset >= firstSize && offset < firstSize + 188 * 8)
            #expect(probe.isTruncated == false)
        }

        @Test("A larger tolerance than the jump reports none")
        func toleranceAboveJump() throws {
            let folder = try TemporaryFolder()
            let first = folder.path("first.ts")
            let second = folder.path("second.ts")
            try Tool.ffmpeg(Self.video + ["-t", "2", "-c:v", "libx264", first])
            try Tool.ffmpeg(Self.video + ["-t", "2", "-c:v", "libx264", "-output_ts_offset", "5", second])
            var bytes = try Data(contentsOf: URL(fileURLWithPath: first))
            bytes.append(try Data(contentsOf: URL(fileURLWithPath: second)))
            let joined = folder.path("joined.ts")
            try bytes.write(to: URL(fileURLWithPath: joined))
            // The second recording starts 2.8 s after the first ends (ffmpeg's muxing delay shifts with the offset).
            let lengths = try prober.probe(joined).jumps.map(\.length)
            #expect(lengths.count == 1)
            #expect(abs((lengths.first ?? 0) - 2.8) < 1e-9)
            #expect(try Prober(jumpTolerance: 5).probe(joined).jumps.isEmpty)
        }

        @Test("H.264 with three B-frames and AAC priming in MP4 gives no jump")
        func bFrames() throws {
            let folder = try TemporaryFolder()
            let path = folder.path("bframes.mp4")
            try Tool.ffmpeg(
                Self.video + Self.sine + ["-t", "4", "-c:v", "libx264", "-bf", "3", "-c:a", "aac", path])
            let probe = try prober.probe(path)
            #expect(probe.jumps.isEmpty)
            #expect(probe.video?.duration == 4.0)
            #expect(probe.isFinalised == true)
            #expect(probe.isTruncated == false)
        }

        @Test("Variable frame rate with a 1.5 s still frame gives no jump")
        func variableFrameRate() throws {
            let folder = try TemporaryFolder()
            let path = folder.path("vfr.mp4")
            // Frames 0–19 every 100 ms, then a hold until 3.5 s, then every 33 ms.
            let times = "if(lt(N\\,20)\\,N*100\\,if(lt(N\\,21)\\,3500\\,3500+(N-21)*33))"
            try Tool.ffmpeg(
                Self.video + [
                    "-t", "6", "-vf", "settb=1/1000,setpts='\(times)/1000/TB'", "-fps_mode", "vfr",
                    "-c:v", "libx264", path,
                ])
            let probe = try prober.probe(path)
            #expect(probe.jumps.isEmpty)
            #expect(probe.isTruncated == false)
        }

        @Test("An MP4 cut with an edit list (stream copy from 0.35 s) gives no jump")
        func editList() throws {
            let folder = try TemporaryFolder()
            let source = folder.path("source.mp4")
            let path = folder.path("edited.mp4")
            try Tool.ffmpeg(Self.video + Self.sine + ["-t", "4", "-c:v", "libx264", "-bf", "3", "-c:a", "aac", source])
            try Tool.ffmpeg(["-ss", "0.35", "-i", source, "-c", "copy", path])
            let probe = try prober.probe(path)
            #expect(probe.jumps.isEmpty)
            #expect(probe.isTruncated == false)
        }

        @Test("An MPEG-TS clip whose clock crosses 2^33 ticks part-way gives no jump and its full span")
        func clockWrapLate() throws {
            let folder = try TemporaryFolder()
            let path = folder.path("wrap.ts")
            // The clip starts 120 s before the wrap at 95443.7 s and runs 125 s, so the wrap falls at 120 s.
            try Tool.ffmpeg(
                ["-f", "lavfi", "-i", "testsrc=size=32x24:rate=2"] + [
                    "-t", "125", "-c:v", "libx264", "-g", "20", "-output_ts_offset", "95322.5", path,
                ])
            let probe = try prober.probe(path)
            #expect(probe.jumps.isEmpty)
            #expect(probe.video?.duration == 125.0)
        }

        // MARK: - Truncation and finalisation

        @Test("A fast-start MP4 cut short keeps its moov (finalised) but is truncated: index and frames past the end")
        func fastStartMP4CutShort() throws {
            let folder = try TemporaryFolder()
            let whole = folder.path("whole.mp4")
            try Tool.ffmpeg(
                Self.video + Self.sine + [
                    "-t", "4", "-s", "160x120", "-c:v", "libx264", "-c:a", "aac", "-movflags", "+faststart", whole,
                ])
            let data = try Data(contentsOf: URL(fileURLWithPath: whole))
            let cut = folder.path("cut.mp4")
            try data.prefix(data.count * 6 / 10).write(to: URL(fileURLWithPath: cut))
            let probe = try prober.probe(cut)
            #expect(probe.isFinalised == true)
            #expect(probe.isTruncated)
            #expect(
                probe.truncationSigns.contains(.indexBeyondEnd(indexEnd: Int64(data.count), fileSize: probe.fileSize)))
            #expect(
                probe.truncationSigns.contains {
                    if case .fewerFramesThanDeclared(0, 40, let read) = $0 { return read < 40 }
                    return false
                })
            #expect(try #require(probe.duration) < 4.0)
        }

        @Test("An AVI cut short has no idx1 (not finalised) and fewer frames than its header declares")
        func aviCutShort() throws {
            let folder = try TemporaryFolder()
            let whole = folder.path("whole.avi")
            try Tool.ffmpeg(
                Self.video + Self.sine + ["-t", "4", "-s", "160x120", "-c:v", "mpeg4", "-c:a", "pcm_s16le", whole])
            #expect(try prober.probe(whole).isFinalised == true)
            let data = try Data(contentsOf: URL(fileURLWithPath: whole))
            let cut = folder.path("cut.avi")
            try data.prefix(data.count / 4).write(to: URL(fileURLWithPath: cut))
            let probe = try prober.probe(cut)
            #expect(probe.isFinalised == false)
            #expect(
                probe.truncationSigns.contains {
                    if case .fewerFramesThanDeclared(0, 40, let read) = $0 { return read < 40 }
                    return false
                })
        }

        @Test("An AVI whose recorder dropped 5 frames as empty chunks is neither truncated nor jumping")
        func aviWithDroppedFrames() throws {
            let folder = try TemporaryFolder()
            let path = folder.path("dropped.avi")
            try Tool.ffmpeg(
                Self.video + [
                    "-t", "3", "-vf", "select='not(between(n,10,14))'", "-fps_mode", "passthrough", "-c:v", "mpeg4",
                    path,
                ])
            let probe = try prober.probe(path)
            #expect(probe.video?.packetCount == 25)
            #expect(probe.video?.duration == 3.0)
            #expect(probe.isFinalised == true)
            #expect(probe.truncationSigns == [])
            #expect(probe.jumps == [])
        }

        @Test("An MPEG-TS clip cut inside a transport packet is truncated; one cut on a packet boundary is not")
        func transportStreamCut() throws {
            let folder = try TemporaryFolder()
            let whole = folder.path("whole.ts")
            try Tool.ffmpeg(Self.video + ["-t", "3", "-c:v", "libx264", whole])
            let data = try Data(contentsOf: URL(fileURLWithPath: whole))
            let ragged = folder.path("ragged.ts")
            try data.prefix(188 * 100 + 57).write(to: URL(fileURLWithPath: ragged))
            let clean = folder.path("clean.ts")
            try data.prefix(188 * 100).write(to: URL(fileURLWithPath: clean))
            #expect(try prober.probe(ragged).truncationSigns == [.partialTransportPacket(fileSize: 188 * 100 + 57)])
            #expect(try prober.probe(clean).truncationSigns == [])
            #expect(try prober.probe(whole).isFinalised == nil)
        }
    }
}
