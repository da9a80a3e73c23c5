import Foundation
import Testing

@testable import Dock

@Suite("StabilityCheck")
struct StabilityCheckTests {
    @Test("a clip appended to during the wait is changing; an untouched clip is stable; a removed clip is changing")
    func splitsChangingFromStable() async throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        try volume.file("FILE0001.MP4", bytes: 100)
        let growing = try volume.file("FILE0002.MP4", bytes: 100)
        let removed = try volume.file("FILE0003.MP4", bytes: 100)
        let clips = try ClipFinder().find(in: volume.path).clips

        let writer = Task.detached {
            try await Task.sleep(for: .milliseconds(50))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: growing))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(count: 50))
            try handle.close()
            try FileManager.default.removeItem(atPath: removed)
        }
        let started = ContinuousClock.now
        let (stable, changing) = await StabilityCheck(interval: .milliseconds(200)).split(clips)
        try await writer.value

        #expect(ContinuousClock.now - started >= .milliseconds(200))
        #expect(stable.map(\.name) == ["FILE0001.MP4"])
        #expect(changing.map(\.name) == ["FILE0002.MP4", "FILE0003.MP4"])
    }

    @Test("no clips returns at once with two empty lists")
    func emptyReturnsAtOnce() async {
        let started = ContinuousClock.now
        let (stable, changing) = await StabilityCheck(interval: .seconds(30)).split([])
        #expect(stable.isEmpty && changing.isEmpty)
        #expect(ContinuousClock.now - started < .seconds(1))
    }
}
