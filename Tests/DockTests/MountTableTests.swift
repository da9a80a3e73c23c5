import Foundation
import Testing

@testable import Dock

@Suite("MountTable")
struct MountTableTests {
    static let sample = #"""
        22 27 0:21 / /proc rw,relatime - proc proc rw
        36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
        612 30 8:17 / /media/officer/CAM\04001 rw,nosuid,nodev,relatime shared:345 - exfat /dev/sdb1 rw,fmask=0022,dmask=0022,iocharset=utf8,errors=remount-ro
        613 30 8:33 / /run/media/ops/NO\040NAME rw,nosuid,nodev,relatime shared:350 master:2 - vfat /dev/sdc1 rw,fmask=0022
        614 30 0:55 / /mnt/tab\011and\134slash rw,relatime - tmpfs none rw,size=1024k
        615 30 8:49 / /media/officer/EXFAT rw,nosuid,nodev,relatime shared:360 - fuseblk /dev/sdd1 rw,user_id=0,group_id=0,allow_other,blksize=4096
        this line is not a mount
        616 30 0:56 / /mntx/CAM02 rw - vfat /dev/sde1 rw
        """#

    @Test("mountinfo lines parse into exact entries, with escapes decoded and optional fields passed over")
    func parsesSample() {
        let entries = MountTable.parse(Self.sample)

        #expect(entries.map(\.mountID) == [22, 36, 612, 613, 614, 615, 616])
        #expect(
            entries[1]
                == MountEntry(
                    mountID: 36, mountPoint: "/mnt2", fileSystem: "ext3", source: "/dev/root",
                    options: ["rw", "noatime"],
                    parentID: 35, deviceNumber: "98:0", root: "/mnt1", superOptions: ["rw", "errors=continue"]))
        #expect(entries[2].mountPoint == "/media/officer/CAM 01")
        #expect(entries[2].fileSystem == "exfat")
        #expect(entries[2].source == "/dev/sdb1")
        #expect(entries[2].options == ["rw", "nosuid", "nodev", "relatime"])
        #expect(entries[3].mountPoint == "/run/media/ops/NO NAME")
        #expect(entries[3].fileSystem == "vfat")
        #expect(entries[4].mountPoint == "/mnt/tab\tand\\slash")
        #expect(entries[4].source == "none")
        #expect(entries[5].fileSystem == "fuseblk")
    }

    @Test("the mount table of this process is read, and holds the root file system")
    func readsOwnTable() throws {
        let entries = try MountTable.read()
        #expect(entries.contains { $0.mountPoint == "/" })
    }

    @Test("a missing mount table throws mountTableUnreadable naming the path, open and the system's reason")
    func missingTableThrows() {
        let error = #expect(throws: DockError.self) { try MountTable.read("/proc/custody-missing/mountinfo") }
        #expect(error?.code == .mountTableUnreadable)
        #expect(
            error?.description == "cannot read the mount table '/proc/custody-missing/mountinfo' (open): "
                + "No such file or directory; check that /proc is mounted and readable by the daemon's user")
    }

    @Test("recorder volumes are the mounts of any file system below a root; /proc and a look-alike /mntx are not")
    func recorderVolumesUnderRoots() {
        let volumes = MountTable.recorderVolumes(
            in: MountTable.parse(Self.sample), under: ["/custody-test/media", "/custody-test/run/media"])
        #expect(volumes.isEmpty)

        let sample = Self.sample.replacingOccurrences(of: " /media/", with: " /custody-test/media/")
            .replacingOccurrences(of: " /run/media/", with: " /custody-test/run/media/")
            .replacingOccurrences(of: " /mnt/", with: " /custody-test/mnt/")
            .replacingOccurrences(of: " /mntx/", with: " /custody-test/mntx/")
        let roots = ["/custody-test/media", "/custody-test/run/media", "/custody-test/mnt"]
        #expect(
            MountTable.recorderVolumes(in: MountTable.parse(sample), under: roots).map(\.mountID) == [
                612, 613, 614, 615,
            ])
    }

    @Test("a mount exactly on a root counts only for a removable file system; autofs never counts")
    func mountOnRootItself() {
        let entries = [
            MountEntry(mountID: 1, mountPoint: "/custody-test/mnt", fileSystem: "tmpfs", source: "tmpfs", options: []),
            MountEntry(
                mountID: 2, mountPoint: "/custody-test/mnt", fileSystem: "vfat", source: "/dev/sdb1", options: []),
            MountEntry(
                mountID: 3, mountPoint: "/custody-test/mnt/CAM", fileSystem: "autofs", source: "systemd-1", options: []),
            MountEntry(
                mountID: 4, mountPoint: "/custody-test/mnt/CAM", fileSystem: "ext4", source: "/dev/sdc1", options: []),
        ]
        #expect(MountTable.recorderVolumes(in: entries, under: ["/custody-test/mnt/"]).map(\.mountID) == [2, 4])
    }

    @Test("a root given through a symbolic link is compared by its real path")
    func rootThroughSymbolicLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let real = try folder.folder("run/media")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/media", withDestinationPath: real)
        let resolvedReal = MountTable.resolve(real)
        let entry = MountEntry(
            mountID: 9, mountPoint: resolvedReal + "/CAM01", fileSystem: "exfat", source: "/dev/sdb1", options: [])

        #expect(MountTable.recorderVolumes(in: [entry], under: [folder.path + "/media"]) == [entry])
    }

    @Test("newly mounted volumes are those whose mount ID is new, including a volume mounted again at the same place")
    func newlyMounted() {
        let roots = ["/custody-test/media"]
        let cam = MountEntry(
            mountID: 40, mountPoint: "/custody-test/media/CAM01", fileSystem: "vfat", source: "/dev/sdb1", options: [])
        let again = MountEntry(
            mountID: 44, mountPoint: "/custody-test/media/CAM01", fileSystem: "vfat", source: "/dev/sdb1", options: [])
        let other = MountEntry(
            mountID: 45, mountPoint: "/custody-test/media/CAM02", fileSystem: "exfat", source: "/dev/sdc1", options: [])
        let elsewhere = MountEntry(
            mountID: 46, mountPoint: "/srv/data", fileSystem: "ext4", source: "/dev/sdf1", options: [])

        #expect(MountTable.newlyMounted(from: [cam], to: [cam, other, elsewhere], under: roots) == [other])
        #expect(MountTable.newlyMounted(from: [cam, other], to: [again, other], under: roots) == [again])
        #expect(MountTable.newlyMounted(from: [cam], to: [], under: roots).isEmpty)
    }
}
