import Foundation
import Synchronization
import Testing

@testable import Dock

@Suite("MountWatcher")
struct MountWatcherTests {
    // Mounting needs root with CAP_SYS_ADMIN; in an unprivileged container these tests cannot run.
    @Test(
        "mounting a tmpfs under a watched root wakes wait() within 2 s, and the new entry is found under the root",
        .enabled(if: Host.canMount, "mounting a tmpfs is not permitted here (needs root with CAP_SYS_ADMIN)"))
    func mountWakesTheWatcher() throws {
        let root = try TemporaryFolder()
        defer { root.remove() }
        let mountPoint = try root.folder("CAM 01")
        let watcher = try MountWatcher()
        defer { watcher.close() }
        let before = try MountTable.read()

        #expect(try run("/bin/mount", ["-t", "tmpfs", "custody-cam01", mountPoint]).status == 0)
        defer { _ = try? run("/bin/umount", [mountPoint]) }
        let started = ContinuousClock.now
        let changed = watcher.wait(timeout: .seconds(2))

        #expect(changed)
        #expect(ContinuousClock.now - started < .seconds(2))
        let found = MountTable.newlyMounted(from: before, to: try MountTable.read(), under: [root.path])
        #expect(found.count == 1)
        #expect(found.first?.mountPoint == MountTable.resolve(mountPoint))
        #expect(found.first?.fileSystem == "tmpfs")
        #expect(found.first?.source == "custody-cam01")

        #expect(try run("/bin/umount", [mountPoint]).status == 0)
        #expect(watcher.wait(timeout: .seconds(2)))
        #expect(MountTable.recorderVolumes(in: try MountTable.read(), under: [root.path]).isEmpty)
    }

    @Test(
        "a file system mounted inside a volume is not walked by ClipFinder, and is listed as another file system",
        .enabled(if: Host.canMount, "mounting a tmpfs is not permitted here (needs root with CAP_SYS_ADMIN)"))
    func clipFinderStaysOnTheVolume() throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        try volume.file("FILE0001.MP4", bytes: 1)
        let inner = try volume.folder("inner")
        #expect(try run("/bin/mount", ["-t", "tmpfs", "custody-inner", inner]).status == 0)
        defer { _ = try? run("/bin/umount", [inner]) }
        try Data(count: 1).write(to: URL(fileURLWithPath: inner + "/FILE0002.MP4"))

        let (clips, skipped) = try ClipFinder().find(in: volume.path)

        #expect(clips.map(\.name) == ["FILE0001.MP4"])
        #expect(skipped == [SkippedEntry(relativePath: "inner", reason: "another file system mounted here")])
    }

    @Test("with no change, wait() returns false after its timeout")
    func timesOut() throws {
        let watcher = try MountWatcher()
        // Another process on the machine may mount something meanwhile; a quiet interval comes soon.
        var quiet: Duration?
        for _ in 0..<20 where quiet == nil {
            let started = ContinuousClock.now
            if !watcher.wait(timeout: .milliseconds(150)) {
                quiet = ContinuousClock.now - started
            }
        }
        let elapsed = try #require(quiet)
        #expect(elapsed >= .milliseconds(140))
        #expect(elapsed < .seconds(2))
    }

    @Test("close() wakes a wait() running in another thread, which returns false; later waits return false at once")
    func closeWakesWaiter() throws {
        let watcher = try MountWatcher()
        let started = ContinuousClock.now
        let result = Mutex<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        // A thread of its own: wait() blocks, and a blocked thread in the shared task pool could starve
        // the rest of the test run on a two-core machine.
        let waiter = Thread {
            var changed = true
            while changed {
                changed = watcher.wait(timeout: nil)
            }
            result.withLock { $0 = changed }
            done.signal()
        }
        waiter.start()
        Thread.sleep(forTimeInterval: 0.1)
        watcher.close()

        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(result.withLock { $0 } == false)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(watcher.isClosed)
        #expect(watcher.wait(timeout: nil) == false)
        watcher.close()
    }

    @Test("a missing mount table cannot be watched, and the error names the path")
    func missingTable() {
        let error = #expect(throws: DockError.self) { try MountWatcher(path: "/proc/custody-missing/mountinfo") }
        #expect(error?.code == .mountTableUnreadable)
        #expect(error?.subject == "/proc/custody-missing/mountinfo")
        #expect(error?.reason == "No such file or directory")
    }
}
