import Foundation
import Testing

/// Why the tests that need root, loop devices, FUSE or exFAT tools cannot run here, or nil when they can.
let mountingUnavailable: String? = {
    guard isRoot else { return "not running as root: mounting volumes needs root" }
    for tool in ["mkfs.exfat", "losetup", "mount.exfat-fuse"] where !Shell.has(tool) {
        return "\(tool) is not installed (apt-get install exfatprogs exfat-fuse util-linux)"
    }
    guard FileManager.default.fileExists(atPath: "/dev/fuse") else {
        return "/dev/fuse is missing: FUSE is unavailable"
    }
    guard (try? Shell.run("/sbin/losetup", ["-f"]).status) == 0 else { return "no free loop device" }
    return nil
}()

/// Prints why a test is skipped, so the skip is visible in the test log.
func skipReason(_ reason: String?) -> Bool {
    if let reason { print("skipped: \(reason)") }
    return reason == nil
}

/// An exFAT image attached to a loop device, filled from a folder, then mounted read-only with exfat-fuse.
final class ExFATVolume {
    let image: String
    let device: String
    let mountPoint: String

    init(image: String, label: String, sizeMB: Int, contents: String, mountPoint: String) throws {
        self.image = image
        self.mountPoint = mountPoint
        try Shell.sh("truncate -s \(sizeMB)M '\(image)' && mkfs.exfat -L '\(label)' '\(image)' >/dev/null")
        device = try Shell.sh("losetup --find --show '\(image)'").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        try Shell.startDaemon("mount.exfat-fuse '\(device)' '\(mountPoint)'")
        try Shell.sh("cp -a '\(contents)/.' '\(mountPoint)/' && umount '\(mountPoint)'")
    }

    /// Mounts the volume read-only, as a dock station should.
    func mount() throws {
        try Shell.startDaemon("mount.exfat-fuse -o ro '\(device)' '\(mountPoint)'")
    }

    /// The FUSE process serving this mount.
    func fuseProcess() throws -> Int32? {
        let out = try Shell.run("/bin/bash", ["-c", "pgrep -f 'mount.exfat-fuse.*\(device) '"]).stdout
        return out.split(separator: "\n").first.flatMap { Int32($0) }
    }

    deinit {
        _ = try? Shell.run(
            "/bin/bash", ["-c", "umount -l '\(mountPoint)' 2>/dev/null; losetup -d '\(device)' 2>/dev/null"])
    }
}

@Suite("failure paths", .serialized)
struct FailurePathTests {
    @Test(
        "a full store stops the dock with a clear error and leaves no partial original and no catalog row",
        .enabled(if: skipReason(isRoot ? nil : "not running as root: a small tmpfs store needs root")))
    func storeFull() throws {
        let folder = TemporaryFolder()
        let volume = folder.path + "/volume"
        let store = folder.path + "/store"
        try Shell.sh("mkdir -p '\(volume)' '\(store)' && mount -t tmpfs -o size=2m tmpfs '\(store)'")
        defer { _ = try? Shell.sh("umount '\(store)'") }
        try Shell.sh("head -c 5000000 /dev/urandom > '\(volume)/A123456_012345_20260314092653_0001.MP4'")

        let result = try custody([
            "ingest", volume, "--store", store, "--catalog", folder.path + "/catalog.sqlite",
            "--settle-seconds", "0",
        ])
        #expect(result.status == 1)
        #expect(result.stdout.contains("failed  cannot copy '\(volume)/A123456_012345_20260314092653_0001.MP4':"))
        #expect(result.stdout.lowercased().contains("full"))
        #expect(
            result.stderr
                == "error: 1 of 1 clip could not be ingested; they stay on the volume and are tried again at the next dock\n"
        )
        #expect(try Shell.sh("find '\(store)' -type f -not -name .lock") == "")
        #expect(
            try Shell.sh(
                "sqlite3 '\(folder.path)/catalog.sqlite' 'SELECT count(*) FROM clips; SELECT failed FROM docks'")
                == "0\n1\n")
    }

    @Test("two ingests into one store at once take turns; nothing is swept from under the other or stored twice")
    func concurrentIngests() throws {
        let folder = TemporaryFolder()
        let volume = folder.path + "/volume"
        try Shell.sh(
            "mkdir -p '\(volume)' && head -c 200000000 /dev/urandom > '\(volume)/A123456_012345_20260314092653_0001.MP4'"
                + " && head -c 1000 /dev/urandom > '\(volume)/A123456_012345_20260314100000_0002.MP4'")
        let options = "--store '\(folder.path)/store' --catalog '\(folder.path)/catalog.sqlite' --settle-seconds 0"
        let both = try Shell.run(
            "/bin/bash",
            [
                "-c",
                "'\(custodyExecutable)' ingest '\(volume)' \(options) > '\(folder.path)/a.txt' 2>&1 & "
                    + "'\(custodyExecutable)' ingest '\(volume)' \(options) > '\(folder.path)/b.txt' 2>&1; "
                    + "first=$?; wait $!; echo $first $?",
            ])
        #expect(both.stdout == "0 0\n")
        let printed =
            try String(contentsOfFile: folder.path + "/a.txt", encoding: .utf8)
            + String(contentsOfFile: folder.path + "/b.txt", encoding: .utf8)
        #expect(printed.contains("waiting  another custody process is copying into the store"))
        #expect(printed.contains("2 clips found, 2 copied, 0 already stored"))
        #expect(printed.contains("2 clips found, 0 copied, 2 already stored"))
        #expect(
            try Shell.sh(
                "find '\(folder.path)/store' -type f -not -path '*/.incoming/*' -not -name .lock -not -name '*.label.json' | wc -l"
            ) == "2\n")
    }

    @Test("after kill -9 in the middle of a copy, the next ingest completes with nothing lost and nothing twice")
    func killedMidCopy() throws {
        let folder = TemporaryFolder()
        let volume = folder.path + "/volume"
        try Shell.sh(
            "mkdir -p '\(volume)' && head -c 400000000 /dev/urandom > '\(volume)/A123456_012345_20260314092653_0001.MP4'"
                + " && head -c 1000 /dev/urandom > '\(volume)/A123456_012345_20260314100000_0002.MP4'")
        let options = [
            "--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite", "--settle-seconds", "0",
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: custodyExecutable)
        process.arguments = ["ingest", volume] + options
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until a copy is under way, then kill without warning.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let partial = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/store/.incoming")) ?? []
            if !partial.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let again = try custody(["ingest", volume] + options)
        #expect(again.status == 0, "\(again.stderr)")
        let clips = try clipObjects(try custody(["clips", "--format", "json"] + options).stdout)
        #expect(clips.count == 2)
        for clip in clips {
            let source = volume + "/" + (clip["original_path"] as? String ?? "")
            #expect(clip["sha256"] as? String == (try sha256sum(source)))
            #expect(try sha256sum(clip["stored_path"] as? String ?? "") == (try sha256sum(source)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/store/.incoming").isEmpty)
        #expect(
            try Shell.sh(
                "find '\(folder.path)/store' -type f -not -path '*/.incoming/*' -not -name .lock -not -name '*.label.json' | wc -l"
            ) == "2\n")
    }

    @Test(
        "a volume removed in the middle of a copy fails that clip with a clear message and records nothing of it",
        .enabled(if: skipReason(mountingUnavailable)))
    func volumeRemovedMidCopy() throws {
        let folder = TemporaryFolder()
        let contents = folder.path + "/contents"
        try Shell.sh(
            "mkdir -p '\(contents)' && head -c 300000000 /dev/urandom > '\(contents)/A123456_012345_20260314092653_0001.MP4'"
        )
        let volume = try ExFATVolume(
            image: folder.path + "/rec.img", label: "A123456", sizeMB: 400, contents: contents,
            mountPoint: folder.path + "/media/A123456")
        try volume.mount()
        let fuse = try #require(try volume.fuseProcess(), "no exfat-fuse process found")
        try Shell.sh("echo 3 > /proc/sys/vm/drop_caches || true")

        let output = folder.path + "/out.txt"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c",
            "'\(custodyExecutable)' ingest '\(volume.mountPoint)' --store '\(folder.path)/store' "
                + "--catalog '\(folder.path)/catalog.sqlite' --settle-seconds 0 > '\(output)' 2>&1",
        ]
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let partial = (try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/store/.incoming")) ?? []
            if !partial.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        // Pulling the recorder out: the FUSE server dies and every read fails from then on.
        kill(fuse, SIGKILL)
        process.waitUntilExit()

        let printed = try String(contentsOfFile: output, encoding: .utf8)
        #expect(process.terminationStatus == 1, "\(printed)")
        #expect(printed.contains("the volume was removed after"), "\(printed)")
        #expect(printed.contains("the clip will be copied again at the next dock"))
        #expect(try Shell.sh("find '\(folder.path)/store' -type f -not -name .lock") == "")
        #expect(
            try Shell.sh(
                "sqlite3 '\(folder.path)/catalog.sqlite' 'SELECT count(*) FROM clips; SELECT failed FROM docks'")
                == "0\n1\n")
    }
}
