import Foundation
import Testing

/// One scenario volume per test run, shared read-only by the tests that only read it.
enum SharedScenario {
    static let folder = TemporaryFolder()
    static let volume: Result<ScenarioVolume, any Error> = Result {
        try ScenarioVolume(at: folder.path + "/A123456")
    }
}

/// The state of every file on a volume: path, size, modification time and hash.
func volumeState(_ root: String) throws -> String {
    try Shell.sh(
        "cd '\(root)' && find . -type f -printf '%p %s %T@\\n' | sort && find . -type f -exec sha256sum {} + | sort")
}

@Suite("custody ingest")
struct IngestCommandTests {
    @Test("a scenario volume is stored byte for byte, read-only, probed and indexed, and the volume is untouched")
    func ingestsScenario() throws {
        let volume = try SharedScenario.volume.get()
        let folder = TemporaryFolder()
        let options = [
            "--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite",
            "--timezone", "Asia/Shanghai", "--settle-seconds", "0.2",
        ]
        let before = try volumeState(volume.path)

        let result = try custody(["ingest", volume.path] + options)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("6 clips found, 6 copied, 0 already stored, 1 damaged, 0 failed"))
        #expect(try volumeState(volume.path) == before)

        let listing = try custody(["clips", "--format", "json"] + options)
        #expect(listing.status == 0)
        let clips = try clipObjects(listing.stdout)
        let expectedClips = try #require(volume.expected["clips"] as? [[String: Any]])
        #expect(clips.count == expectedClips.count)
        for expected in expectedClips {
            let name = try #require(expected["name"] as? String)
            let path = try #require(expected["path"] as? String)
            let clip = try #require(clips.first { $0["original_name"] as? String == name }, "\(name) not indexed")
            let sourceHash = try sha256sum(volume.path + "/" + path)
            #expect(clip["sha256"] as? String == sourceHash)
            #expect(clip["recorder"] as? String == "A123456")
            #expect(clip["handler"] as? String == "012345")
            #expect(
                clip["size"] as? Int
                    == (try FileManager.default.attributesOfItem(atPath: volume.path + "/" + path)[.size] as? Int))
            let stored = try #require(clip["stored_path"] as? String)
            #expect(stored.hasPrefix(folder.path + "/store/A123456/2026/03/14/"))
            #expect(try sha256sum(stored) == sourceHash)
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: stored)[.posixPermissions] as? Int)
            #expect(mode == 0o444)

            if expected["truncated"] as? Bool == true {
                let damaged = try #require(clip["damaged"] as? String, "\(name) should be damaged")
                #expect(damaged == "Invalid data found when processing input (moov atom not found)")
                #expect(clip["start_source"] as? String == "filename")
                #expect(clip["start"] as? String == expected["start"] as? String)
            } else {
                #expect(clip["damaged"] is NSNull)
                #expect(clip["start_source"] as? String == "metadata")
                #expect(clip["start"] as? String == expected["start"] as? String)
                let duration = try #require(clip["duration"] as? Double)
                let expectedDuration = try #require(expected["duration"] as? Double)
                #expect(abs(duration - expectedDuration) < 0.1, "\(name): \(duration) vs \(expectedDuration)")
            }
        }
        #expect(!clips.contains { ($0["original_name"] as? String)?.hasPrefix("._") == true })
    }

    @Test("a second dock of the same volume records the clips as seen and stores nothing twice")
    func secondDock() throws {
        let volume = try SharedScenario.volume.get()
        let folder = TemporaryFolder()
        let options = [
            "--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite",
            "--settle-seconds", "0",
        ]
        #expect(try custody(["ingest", volume.path] + options).status == 0)
        let storedBefore = try Shell.sh("find '\(folder.path)/store' -type f | sort")

        let again = try custody(["ingest", volume.path] + options)
        #expect(again.status == 0)
        #expect(again.stdout.contains("6 clips found, 0 copied, 6 already stored, 0 damaged, 0 failed;"))
        #expect(again.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("already stored") }.count == 6)
        #expect(try Shell.sh("find '\(folder.path)/store' -type f | sort") == storedBefore)
        let count = try Shell.sh(
            "sqlite3 '\(folder.path)/catalog.sqlite' 'SELECT count(*) FROM sightings; SELECT count(*) FROM docks'")
        #expect(count == "12\n2\n")
    }

    @Test("clips with the same name from two recorders, or reused by one recorder, are all kept")
    func sameNameKept() throws {
        let folder = TemporaryFolder()
        let options = [
            "--store", folder.path + "/store", "--catalog", folder.path + "/catalog.sqlite",
            "--settle-seconds", "0", "--name-patterns", "FILE{seq}",
        ]
        for (volume, frequency) in [("CAM01", 440), ("CAM02", 880)] {
            try FileManager.default.createDirectory(
                atPath: folder.path + "/\(volume)/DCIM", withIntermediateDirectories: true)
            try Shell.sh(
                "ffmpeg -v error -f lavfi -i sine=frequency=\(frequency):duration=1 -c:a aac "
                    + "'\(folder.path)/\(volume)/DCIM/FILE0001.MP4'")
            #expect(try custody(["ingest", folder.path + "/\(volume)"] + options).status == 0)
        }
        // CAM01 later reuses the name for a new recording after its card was emptied.
        try Shell.sh(
            "rm '\(folder.path)/CAM01/DCIM/FILE0001.MP4' && ffmpeg -v error -f lavfi -i sine=frequency=660:duration=1 "
                + "-c:a aac '\(folder.path)/CAM01/DCIM/FILE0001.MP4'")
        #expect(try custody(["ingest", folder.path + "/CAM01"] + options).status == 0)

        let clips = try clipObjects(try custody(["clips", "--format", "json"] + options).stdout)
        #expect(clips.count == 3)
        #expect(Set(clips.compactMap { $0["recorder"] as? String }) == ["CAM01", "CAM02"])
        let stored = clips.compactMap { ($0["stored_path"] as? String).map { ($0 as NSString).lastPathComponent } }
            .sorted()
        #expect(stored.count == 3)
        #expect(stored.filter { $0 == "FILE0001.MP4" }.count == 2)
        #expect(
            stored.contains {
                $0.hasPrefix("FILE0001.") && $0.hasSuffix(".MP4") && $0.count == "FILE0001.12345678.MP4".count
            })
    }

    @Test("a catalog belongs to one store: listings point into it whatever --store says, and another store is refused")
    func catalogKeepsItsStore() throws {
        let volume = try SharedScenario.volume.get()
        let folder = TemporaryFolder()
        let catalog = ["--catalog", folder.path + "/catalog.sqlite", "--settle-seconds", "0"]
        #expect(try custody(["ingest", volume.path, "--store", folder.path + "/store"] + catalog).status == 0)

        let clips = try clipObjects(try custody(["clips", "--format", "json"] + catalog).stdout)
        #expect(clips.count == 6)
        #expect(clips.allSatisfy { ($0["stored_path"] as? String)?.hasPrefix(folder.path + "/store/A123456/") == true })

        let other = try custody(["ingest", volume.path, "--store", folder.path + "/other"] + catalog)
        #expect(other.status == 1)
        #expect(
            other.stderr
                == "error: cannot use the store '\(folder.path)/other' with the catalog '\(folder.path)/catalog.sqlite': "
                + "the catalog indexes the store '\(folder.path)/store'; give --store \(folder.path)/store, "
                + "or another --catalog for a new store\n")
    }

    @Test("a clip still being written is waited for and copied once it is complete")
    func clipStillBeingWritten() throws {
        let folder = TemporaryFolder()
        let volume = folder.path + "/volume"
        try FileManager.default.createDirectory(atPath: volume, withIntermediateDirectories: true)
        // A writer appends for about 2 s while custody looks.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/bash")
        writer.arguments = [
            "-c", "for i in $(seq 1 10); do head -c 100000 /dev/urandom >> '\(volume)/growing.MP4'; sleep 0.2; done",
        ]
        try writer.run()
        Thread.sleep(forTimeInterval: 0.3)

        let result = try custody([
            "ingest", volume, "--store", folder.path + "/store", "--catalog",
            folder.path + "/catalog.sqlite", "--settle-seconds", "0.6",
        ])
        writer.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("waiting  growing.MP4 is still being written"))
        let clips = try clipObjects(
            try custody(["clips", "--format", "json", "--catalog", folder.path + "/catalog.sqlite"]).stdout)
        #expect(clips.count == 1)
        #expect(clips.first?["size"] as? Int == 1_000_000)
        #expect(clips.first?["sha256"] as? String == (try sha256sum(volume + "/growing.MP4")))
    }
}

@Suite("custody command line")
struct CommandLineTests {
    @Test(
        "a bad option, a missing path or a bad value is one error line and exit status 64",
        arguments: [
            (["ingest"], "error: 'custody ingest' takes one PATH, the recorder volume; see 'custody ingest --help'\n"),
            (
                ["ingest", "/no/such/volume"],
                "error: '/no/such/volume' is not a folder; give the mount point of a recorder volume\n"
            ),
            (
                ["ingest", "/tmp", "--bogus"],
                "error: unknown option '--bogus' for 'custody ingest'; see 'custody ingest --help'\n"
            ),
            (["clips", "--format", "xml"], "error: unknown format 'xml'; use table, json or csv\n"),
            (
                ["clips", "--timezone", "Mars/Olympus"],
                "error: unknown time zone 'Mars/Olympus' in the command line; use an IANA name such as Asia/Shanghai\n"
            ),
            (
                ["clips", "--since", "2024-13-01"],
                "error: '--since 2024-13-01' is not a date or time; use YYYY-MM-DD, 'YYYY-MM-DD hh:mm[:ss]' in the station's zone, or ISO 8601 with a zone\n"
            ),
            (
                ["daemon", "--settle-seconds", "-1"],
                "error: 'settle_seconds' in the command line must be a number of seconds from 0 to 3600\n"
            ),
            (
                ["ingest", "/tmp", "--settle-seconds", "1e18"],
                "error: 'settle_seconds' in the command line must be a number of seconds from 0 to 3600\n"
            ),
            (
                ["ingest", "/tmp", "--extensions", ""],
                "error: 'extensions' in the command line must be a non-empty list of non-empty strings\n"
            ),
            (["frobnicate"], "error: unknown command 'frobnicate'; see 'custody --help'\n"),
            (
                ["clips", "--config", "/no/such.json"],
                "error: cannot read the configuration file '/no/such.json': it does not exist or is not readable\n"
            ),
        ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try custody(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "every command has --help, which exits 0",
        arguments: [["--help"], ["ingest", "--help"], ["daemon", "--help"], ["clips", "--help"]])
    func help(arguments: [String]) throws {
        let result = try custody(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("usage: custody") || result.stdout.hasPrefix("custody:"))
    }

    @Test("an unknown key in the configuration file is refused with the file named")
    func unknownConfigurationKey() throws {
        let folder = TemporaryFolder()
        try Data(#"{"stroe": "/tmp/x"}"#.utf8).write(to: URL(fileURLWithPath: folder.path + "/custody.json"))
        let result = try custody(["clips", "--config", folder.path + "/custody.json"])
        #expect(result.status == 64)
        #expect(result.stderr == "error: unknown key 'stroe' in the configuration file '\(folder.path)/custody.json'\n")
    }

    @Test(
        "a configuration value of the wrong type is refused",
        arguments: [
            (
                #"{"settle_seconds": true}"#,
                "'settle_seconds' in the configuration file '%@' must be a number of seconds from 0 to 3600"
            ),
            (
                #"{"settle_seconds": 1e30}"#,
                "'settle_seconds' in the configuration file '%@' must be a number of seconds from 0 to 3600"
            ),
            (#"{"watch": []}"#, "'watch' in the configuration file '%@' must be a non-empty list of non-empty strings"),
        ])
    func wrongTypes(json: String, message: String) throws {
        let folder = TemporaryFolder()
        let path = folder.path + "/custody.json"
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        let result = try custody(["clips", "--config", path])
        #expect(result.status == 64)
        #expect(result.stderr == "error: " + message.replacingOccurrences(of: "%@", with: path) + "\n")
    }

    @Test("ingesting the store itself, or a folder holding it, is refused")
    func storeIsNotAVolume() throws {
        let folder = TemporaryFolder()
        let result = try custody([
            "ingest", folder.path, "--store", folder.path + "/store", "--catalog", folder.path + "/c.sqlite",
        ])
        #expect(result.status == 64)
        #expect(
            result.stderr
                == "error: '\(folder.path)' holds the store '\(folder.path)/store' or lies inside it; give a recorder volume\n"
        )
    }

    @Test("the configuration file sets defaults and flags override it")
    func configurationThenFlags() throws {
        let folder = TemporaryFolder()
        let config = #"{"catalog": "\#(folder.path)/from-config.sqlite", "store": "\#(folder.path)/store"}"#
        try Data(config.utf8).write(to: URL(fileURLWithPath: folder.path + "/custody.json"))
        let missing = try custody(["clips", "--config", folder.path + "/custody.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no catalog at '\(folder.path)/from-config.sqlite'"))
        let empty = TemporaryFolder()
        try Shell.sh("mkdir -p '\(empty.path)/vol'")
        #expect(
            try custody([
                "ingest", empty.path + "/vol", "--config", folder.path + "/custody.json",
                "--catalog", folder.path + "/flag.sqlite", "--settle-seconds", "0",
            ]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/flag.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/from-config.sqlite"))
    }
}
