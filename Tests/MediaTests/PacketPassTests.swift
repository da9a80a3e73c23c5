import Testing

@testable import Media

/// The packet pass on made-up packets: spans, jumps, clock wraps, and packets past the end of the file.
@Suite("PacketPass")
struct PacketPassTests {
    /// A 90 kHz video stream (MPEG-TS clock, 33 bits) at 25 fps: 3600 ticks a frame.
    static let ts = TimeBase(numerator: 1, denominator: 90_000)

    private func pass(jumpTolerance: Double = 2, fileSize: Int64 = 0) -> PacketPass {
        PacketPass(
            timeBases: [Self.ts, Self.ts], wrapBits: [33, 33], jumpStream: 0, jumpTolerance: jumpTolerance,
            fileSize: fileSize)
    }

    private func frame(_ dts: Int64, pts: Int64? = nil, stream: Int = 0, at position: Int64? = nil) -> PacketTiming {
        PacketTiming(stream: stream, pts: pts ?? dts, dts: dts, duration: 3600, position: position, size: 100)
    }

    @Test("B-frames shown out of decode order give the span from the earliest to the latest frame and no jump")
    func bFrameOrder() {
        var pass = pass()
        // Decode order I P B B P B B; presentation one frame later than decode.
        let decode: [Int64] = [0, 1, 2, 3, 4, 5, 6]
        let present: [Int64] = [1, 4, 2, 3, 7, 5, 6]
        for (d, p) in zip(decode, present) {
            pass.observe(frame(d * 3600, pts: p * 3600))
        }
        #expect(pass.streams[0].firstTick == 3600)
        #expect(pass.streams[0].durationSeconds == 0.28)
        #expect(pass.jumps == [])
    }

    @Test("A 30 s leap after 10 frames gives one jump at 0.4 s of 30 s, with the byte offset of the next packet")
    func oneJump() {
        var pass = pass()
        for index in 0..<10 {
            pass.observe(frame(Int64(index) * 3600, at: Int64(index) * 1000))
        }
        for index in 10..<20 {
            pass.observe(frame(Int64(index) * 3600 + 30 * 90_000, at: Int64(index) * 1000))
        }
        #expect(pass.jumps == [TimestampJump(time: 0.4, length: 30, byteOffset: 10_000, stream: 0)])
        #expect(pass.streams[0].durationSeconds == 30.8)
    }

    @Test("A clock set back by 10 s gives a jump with negative length")
    func backwardJump() {
        var pass = pass()
        pass.observe(frame(100 * 90_000))
        pass.observe(frame(100 * 90_000 + 3600))
        pass.observe(frame(90 * 90_000))
        #expect(pass.jumps.map(\.length) == [-10.08])
        #expect(pass.jumps.map(\.time) == [0.08])
    }

    @Test("A leap of exactly the tolerance is no jump; a tick more is")
    func toleranceEdge() {
        var exact = pass()
        exact.observe(frame(0))
        exact.observe(frame(3600 + 2 * 90_000))
        #expect(exact.jumps.isEmpty)
        var over = pass()
        over.observe(frame(0))
        over.observe(frame(3600 + 2 * 90_000 + 1))
        #expect(over.jumps.count == 1)
    }

    @Test("A 33-bit clock that wraps to zero mid-stream is unwrapped: no jump, span continues")
    func clockWrap() {
        var pass = pass()
        let wrap: Int64 = 1 << 33
        for index in Int64(0)..<10 {
            pass.observe(frame((wrap - 5 * 3600 + index * 3600) % wrap))
        }
        #expect(pass.jumps == [])
        #expect(pass.streams[0].durationSeconds == 0.4)
        #expect(pass.streams[0].firstTick == wrap - 5 * 3600)
    }

    @Test("A presentation time past the wrap while its decode time is not yet is put on the same side")
    func presentationWrapsFirst() {
        var pass = pass()
        let wrap: Int64 = 1 << 33
        pass.observe(frame(wrap - 7200, pts: wrap - 3600))
        pass.observe(frame(wrap - 3600, pts: 0))
        pass.observe(frame(0, pts: 3600))
        #expect(pass.streams[0].durationSeconds == 0.12)
        #expect(pass.jumps == [])
    }

    @Test("Discarded packets (AAC priming) and audio timestamps do not count toward spans or jumps")
    func discardedAndOtherStreams() {
        var pass = pass()
        pass.observe(PacketTiming(stream: 1, pts: -1920, dts: -1920, duration: 1920, isDiscarded: true))
        pass.observe(PacketTiming(stream: 1, pts: 0, dts: 0, duration: 1920))
        pass.observe(PacketTiming(stream: 1, pts: 900_000, dts: 900_000, duration: 1920))
        pass.observe(frame(0))
        pass.observe(frame(3600))
        #expect(pass.streams[1].packetCount == 3)
        #expect(pass.streams[1].firstTick == 0)
        #expect(pass.jumps == [])
    }

    @Test("A packet whose bytes run past the file's end is noted once per packet")
    func packetPastEnd() {
        var pass = pass(fileSize: 1_050)
        pass.observe(frame(0, at: 900))
        pass.observe(frame(3600, at: 960))
        #expect(pass.packetsBeyondEnd == [.packetBeyondEnd(stream: 0, byteOffset: 960)])
    }
}
