import Foundation
import Testing

@testable import Dock

#if canImport(Glibc)
    import Glibc
#endif

@Suite("StabilityCheck")
struct StabilityCheckTests {
    @Test(
        "a clip appended to during the wait is changing, as it is now; an untouched clip is stable; a removed clip has vanished"
    )
    func splitsChangingFromStable() async throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        try volume.file("FILE0001.MP4", bytes: 100)
        let growing = try volume.file("FILE0002.MP4", bytes: 100)
        let removed = try volume.file("FILE0003.MP4", bytes: 100)
        let clips = try ClipFinder().find(in: volume.path).clips

        // A thread of its own, so that the write happens during the wait even when the test pool is busy.
        let writer = Thread {
            usleep(50_000)
            let handle = FileHandle(forWritingAtPath: growing)
            handle?.seekToEndOfFile()
            handle?.write(Data(count: 50))
            handle?.closeFile()
            unlink(removed)
        }
        writer.start()
        let started = ContinuousClock.now
        let split = await StabilityCheck(interval: .milliseconds(200)).split(clips)

        #expect(ContinuousClock.now - started >= .milliseconds(200))
        #expect(split.stable.map(\.name) == ["FILE0001.MP4"])
        #expect(split.changing.map(\.name) == ["FILE0002.MP4"])
        #expect(split.changing.map(\.size) == [150])
        #expect(split.vanished.map(\.name) == ["FILE0003.MP4"])

        let again = await StabilityCheck(interval: .milliseconds(50)).split(split.changing)
        #expect(again.stable.map(\.name) == ["FILE0002.MP4"])
        #expect(again.changing.isEmpty)
    }

    @Test("no clips returns at once with empty lists")
    func emptyReturnsAtOnce() async {
        let started = ContinuousClock.now
        let split = await StabilityCheck(interval: .seconds(30)).split([])
        #expect(split == StabilityCheck.Split())
        #expect(ContinuousClock.now - started < .seconds(1))
    }
}
