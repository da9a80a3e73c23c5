import Foundation
import Testing

@Suite("custody daemon", .serialized)
struct DaemonEndToEndTests {
    @Test(
        "a recorder's exFAT volume mounted under a watched root is ingested by the daemon, which stops on SIGTERM",
        .enabled(if: skipReason(mountingUnavailable)))
    func docksRealExFATVolume() throws {
        let folder = TemporaryFolder()
        let scenario = try ScenarioVolume(at: folder.path + "/contents")
        let media = folder.path + "/media"
        try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
        let volume = try ExFATVolume(
            image: folder.path + "/rec.img", label: "A123456", sizeMB: 64, contents: scenario.path,
            mountPoint: media + "/A123456")
        let options = [
            "--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite",
            "--timezone", "Asia/Shanghai", "--settle-seconds", "0.2",
        ]

        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: custodyExecutable)
        daemon.arguments = ["daemon", "--watch", media] + options
        let log = Pipe()
        daemon.standardError = log
        daemon.standardOutput = FileHandle.nullDevice
        try daemon.run()
        Thread.sleep(forTimeInterval: 1)
        #expect(daemon.isRunning)
        try volume.mount()

        var clips: [[String: Any]] = []
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            guard FileManager.default.fileExists(atPath: folder.path + "/catalog.sqlite") else { continue }
            let docks = try Shell.sh(
                "sqlite3 '\(folder.path)/catalog.sqlite' 'SELECT count(*) FROM docks WHERE finished IS NOT NULL'")
            if docks == "1\n" {
                clips = try clipObjects(try custody(["clips", "--format", "json"] + options).stdout)
                break
            }
        }
        // The dock may finish between the listing and the count above; list again now that it has.
        clips = (try? clipObjects(try custody(["clips", "--format", "json"] + options).stdout)) ?? []
        daemon.terminate()
        daemon.waitUntilExit()
        let logged = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(daemon.terminationStatus == 0, "\(logged)")
        #expect(
            logged.contains("recorder volume mounted volume=\(volume.mountPoint) device=\(volume.device) label=A123456")
        )
        #expect(logged.contains("dock ingested"))

        #expect(clips.count == scenario.clipNames.count)
        for name in scenario.clipNames {
            let clip = try #require(clips.first { $0["original_name"] as? String == name }, "\(name) not indexed")
            let source = volume.mountPoint + "/" + (clip["original_path"] as? String ?? "")
            let hash = try sha256sum(source)
            #expect(clip["sha256"] as? String == hash)
            #expect(try sha256sum(clip["stored_path"] as? String ?? "") == hash)
        }
        let dock = try Shell.sh(
            "sqlite3 '\(folder.path)/catalog.sqlite' 'SELECT mount_point, device, label, found, copied, damaged, failed FROM docks'"
        )
        #expect(dock == "\(volume.mountPoint)|\(volume.device)|A123456|6|6|1|0\n")

        // The dock's recorder had its gaps analysed right after the ingest.
        #expect(
            logged.contains(
                "gaps analysed recorders=A123456 interruptions=4 explained=1 unexplained=2 not_checked=1"), "\(logged)")
        let gaps = try Shell.sh(
            "sqlite3 '\(folder.path)/catalog.sqlite' 'SELECT kind, explanation FROM gaps ORDER BY ordinal'")
        #expect(
            gaps == "continuation|\ninterruption|spoken\ninterruption|missing\ninterruption|missing\ninterruption|\n")
    }

    @Test(
        "daemon --once ingests what is mounted now and exits without waiting",
        .enabled(if: skipReason(mountingUnavailable)))
    func onceIngestsMountedVolumes() throws {
        let folder = TemporaryFolder()
        let contents = folder.path + "/contents"
        try Shell.sh(
            "mkdir -p '\(contents)/DCIM' && ffmpeg -v error -f lavfi -i testsrc=size=160x120:rate=10:duration=2 "
                + "-c:v libx264 '\(contents)/DCIM/FILE0001.MP4'")
        let media = folder.path + "/media"
        let volume = try ExFATVolume(
            image: folder.path + "/rec.img", label: "CAM07", sizeMB: 16, contents: contents,
            mountPoint: media + "/CAM07")
        try volume.mount()
        let options = [
            "--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite",
            "--settle-seconds", "0", "--volumes", "CAM07=B765432",
        ]
        let result = try custody(["daemon", "--once", "--watch", media] + options)
        #expect(result.status == 0, "\(result.stderr)")
        let clips = try clipObjects(try custody(["clips", "--format", "json"] + options).stdout)
        #expect(clips.count == 1)
        #expect(clips.first?["recorder"] as? String == "B765432")
        #expect(clips.first?["start_source"] as? String == "mtime")
    }
}
