import Foundation
import Testing

@testable import Dock

#if canImport(Glibc)
    import Glibc
#endif

@Suite("ClipFinder")
struct ClipFinderTests {
    @Test("a volume with nested clips and junk yields exactly the clips, and lists each junk entry with its reason")
    func findsClipsAndSkipsJunk() throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        try volume.file("DCIM/100MEDIA/A123456_004521_20240315142501_0001.MP4", bytes: 10)
        try volume.file("DCIM/100MEDIA/A123456_004521_20240315143001_0002.mp4", bytes: 20)
        try volume.file("DCIM/100MEDIA/clip.Mov", bytes: 3)
        try volume.file("DCIM/100MEDIA/._A123456_004521_20240315142501_0001.MP4", bytes: 4)
        try volume.file("DCIM/100MEDIA/FILE0001.THM", bytes: 5)
        try volume.file("RECORD/2024/03/15/142501.ts", bytes: 7)
        try volume.folder("RECORD/empty.mp4")
        try volume.file(".Trashes/501/deleted.mp4", bytes: 1)
        try volume.file("System Volume Information/IndexerVolumeGuid", bytes: 1)
        try volume.file("$RECYCLE.BIN/S-1-5-21/$R0001.mp4", bytes: 1)
        try volume.file(".hidden.mp4", bytes: 1)
        try volume.file(".secret/inside.mp4", bytes: 1)
        try volume.file("notes.txt", bytes: 1)
        #expect(symlink("DCIM/100MEDIA/clip.Mov", volume.path + "/link.mp4") == 0)
        #expect(mkfifo(volume.path + "/pipe.mp4", 0o644) == 0)

        let (clips, skipped) = try ClipFinder().find(in: volume.path + "/")

        #expect(
            clips.map(\.relativePath) == [
                "DCIM/100MEDIA/A123456_004521_20240315142501_0001.MP4",
                "DCIM/100MEDIA/A123456_004521_20240315143001_0002.mp4",
                "DCIM/100MEDIA/clip.Mov",
                "RECORD/2024/03/15/142501.ts",
            ])
        #expect(clips.map(\.size) == [10, 20, 3, 7])
        #expect(
            clips.map(\.name) == [
                "A123456_004521_20240315142501_0001.MP4", "A123456_004521_20240315143001_0002.mp4", "clip.Mov",
                "142501.ts",
            ])
        #expect(clips[2].path == volume.path + "/DCIM/100MEDIA/clip.Mov")
        #expect(
            skipped == [
                SkippedEntry(relativePath: "$RECYCLE.BIN", reason: "system folder"),
                SkippedEntry(relativePath: ".Trashes", reason: "system folder"),
                SkippedEntry(relativePath: ".hidden.mp4", reason: "hidden file"),
                SkippedEntry(relativePath: ".secret", reason: "hidden folder"),
                SkippedEntry(
                    relativePath: "DCIM/100MEDIA/._A123456_004521_20240315142501_0001.MP4", reason: "AppleDouble file"),
                SkippedEntry(relativePath: "System Volume Information", reason: "system folder"),
                SkippedEntry(relativePath: "link.mp4", reason: "symbolic link"),
                SkippedEntry(relativePath: "pipe.mp4", reason: "not a regular file"),
            ])
    }

    @Test("the modification time of a clip is the file's own, to the nanosecond")
    func modificationTimeIsExact() throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        let path = try volume.file("FILE0001.MP4", bytes: 1)
        var times = [
            timespec(tv_sec: 1_710_512_701, tv_nsec: 123_456_789),
            timespec(tv_sec: 1_710_512_701, tv_nsec: 123_456_789),
        ]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)

        let clip = try #require(try ClipFinder().find(in: volume.path).clips.first)

        #expect(clip.modified == Date(timeIntervalSince1970: 1_710_512_701 + 0.123_456_789))
    }

    @Test("extensions given with a dot or in upper case match clips in any case")
    func customExtensions() throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        try volume.file("a.MTS", bytes: 1)
        try volume.file("b.mts", bytes: 1)
        try volume.file("c.mp4", bytes: 1)

        let (clips, skipped) = try ClipFinder(extensions: [".MTS"]).find(in: volume.path)

        #expect(clips.map(\.name) == ["a.MTS", "b.mts"])
        #expect(skipped.isEmpty)
    }

    @Test("a missing volume root throws volumeUnreadable naming the path, stat and the system's reason")
    func missingRootThrows() throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        let missing = volume.path + "/CAM01"

        let error = #expect(throws: DockError.self) { try ClipFinder().find(in: missing) }

        #expect(error?.code == .volumeUnreadable)
        #expect(error?.subject == missing)
        #expect(error?.operation == "stat")
        #expect(error?.reason == "No such file or directory")
        #expect(
            error?.description == "cannot read volume '\(missing)' (stat): No such file or directory; "
                + "check that the recorder is still docked and its volume is mounted readable")
    }

    @Test("a volume root reached through a symbolic link is walked, and clip paths keep the path as given")
    func rootThroughSymbolicLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.file("card/DCIM/FILE0001.MP4", bytes: 2)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/CAM01", withDestinationPath: "card")

        let (clips, skipped) = try ClipFinder().find(in: folder.path + "/CAM01")

        #expect(clips.map(\.path) == [folder.path + "/CAM01/DCIM/FILE0001.MP4"])
        #expect(clips.map(\.relativePath) == ["DCIM/FILE0001.MP4"])
        #expect(skipped.isEmpty)
    }

    @Test("a volume root that is a file throws volumeUnreadable with 'Not a directory'")
    func rootThatIsAFileThrows() throws {
        let volume = try TemporaryFolder()
        defer { volume.remove() }
        let file = try volume.file("FILE0001.MP4")

        let error = #expect(throws: DockError.self) { try ClipFinder().find(in: file) }

        #expect(error?.reason == "Not a directory")
        #expect(error?.operation == "opendir")
    }
}
