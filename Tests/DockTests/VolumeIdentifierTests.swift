import Foundation
import Testing

@testable import Dock

@Suite("VolumeIdentifier")
struct VolumeIdentifierTests {
    // Needs root, losetup, mkfs.exfat and /dev/loop-control; containers without loop devices cannot run it.
    @Test(
        "an exFAT volume labelled CAM01 on a loop device is identified with its label and UUID",
        .enabled(if: Host.canMakeExfatLoop, "needs root, losetup, mkfs.exfat and /dev/loop-control"))
    func identifiesExfatLoopDevice() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let image = folder.path + "/card.img"
        #expect(try run("/usr/bin/truncate", ["-s", "8M", image]).status == 0)
        #expect(try run("/usr/sbin/mkfs.exfat", ["-L", "CAM01", image]).status == 0)
        let attached = try run("/usr/sbin/losetup", ["--find", "--show", image])
        try #require(attached.status == 0)
        let device = attached.output.trimmingCharacters(in: .whitespacesAndNewlines)
        defer { _ = try? run("/usr/sbin/losetup", ["-d", device]) }
        let entry = MountEntry(mountID: 1, mountPoint: "/media/CAM01", fileSystem: "exfat", source: device, options: [])

        let identity = VolumeIdentifier.identify(entry)

        #expect(identity.device == device)
        #expect(identity.label == "CAM01")
        let uuid = try #require(identity.uuid)
        #expect(uuid.wholeMatch(of: /[0-9A-F]{4}-[0-9A-F]{4}/) != nil)
    }

    @Test("udev links in by-label and by-uuid name the device, with \\x20 decoded to a space")
    func readsUdevLinks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let device = try folder.file("dev/sdz1")
        try folder.folder("disk/by-label")
        try folder.folder("disk/by-uuid")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/disk/by-label/CAM\\x2001", withDestinationPath: "../../dev/sdz1")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/disk/by-uuid/1A2B-3C4D", withDestinationPath: "../../dev/sdz1")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/disk/by-uuid/9999-0000", withDestinationPath: "../../dev/sdy1")

        let identity = VolumeIdentifier.identify(source: device, linksRoot: folder.path + "/disk", runBlkid: false)

        #expect(identity == VolumeIdentity(device: MountTable.resolve(device), label: "CAM 01", uuid: "1A2B-3C4D"))
    }

    @Test("a source that is not a device has neither label nor UUID")
    func notADevice() {
        let entry = MountEntry(mountID: 1, mountPoint: "/media/x", fileSystem: "tmpfs", source: "tmpfs", options: [])
        #expect(VolumeIdentifier.identify(entry) == VolumeIdentity(device: "tmpfs", label: nil, uuid: nil))
    }

    @Test("a device that does not exist has neither label nor UUID, and nothing fails")
    func missingDevice() {
        let identity = VolumeIdentifier.identify(source: "/dev/custody-missing")
        #expect(identity == VolumeIdentity(device: "/dev/custody-missing", label: nil, uuid: nil))
    }

    @Test("blkid export output is read with its backslash escapes undone")
    func parsesBlkidExport() {
        let values = VolumeIdentifier.parseExport("DEVNAME=/dev/loop0\nLABEL=NO\\ NAME\nUUID=FB15-F38F\n")
        #expect(values == ["DEVNAME": "/dev/loop0", "LABEL": "NO NAME", "UUID": "FB15-F38F"])
    }
}
