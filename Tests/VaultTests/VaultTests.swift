import Foundation
import Glibc
import Testing

@testable import Vault

@Suite("Vault")
struct VaultTests {
    // MARK: - Storing

    @Test("A staged and committed clip is byte-identical, read-only, and leaves nothing in .incoming")
    func stageAndCommit() throws {
        let folder = TemporaryFolder()
        let bytes = randomBytes(3_000_000)
        let clip = folder.write("FILE0003.MP4", bytes)
        let vault = try Vault(root: folder.path + "/store", blockSize: 1 << 20)
        var reported: [Int64] = []

        let staged = try vault.stage(clip) { reported.append($0) }
        let temporaryPath = staged.temporaryPath
        #expect(staged.size == 3_000_000)
        #expect(staged.sha256 == (try Hash.sha256(data: bytes)))
        #expect(mode(temporaryPath) == 0o600)
        let stored = try vault.commit(staged, as: "R0042/2026-12-01/FILE0003.MP4")

        #expect(
            stored
                == StoredOriginal(
                    relativePath: "R0042/2026-12-01/FILE0003.MP4", sha256: try Hash.sha256(data: bytes),
                    size: 3_000_000, adopted: false))
        let path = vault.absolutePath(stored.relativePath)
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))
        #expect(mode(path) == 0o444)
        #expect(!FileManager.default.fileExists(atPath: temporaryPath))
        #expect(folder.names(in: vault.root + "/.incoming") == [])
        #expect(mode(vault.root) == 0o700)
        #expect(mode(vault.root + "/.incoming") == 0o700)
        #expect(reported == [1_048_576, 2_097_152, 3_000_000])
        #expect(try vault.verify(stored.relativePath, sha256: stored.sha256.uppercased()))
    }

    @Test("Staging leaves the clip's contents, mode and times as they were")
    func sourceUntouched() throws {
        let folder = TemporaryFolder()
        let bytes = randomBytes(100_000)
        let clip = folder.write("FILE0001.MP4", bytes)
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_100, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, clip, &times, 0) == 0)
        chmod(clip, 0o444)
        let vault = try Vault(root: folder.path + "/store")

        let staged = try vault.stage(clip)
        vault.discard(staged)

        var info = stat()
        #expect(stat(clip, &info) == 0)
        #expect(info.st_atim.tv_sec == 1_700_000_000)
        #expect(info.st_mtim.tv_sec == 1_700_000_100)
        #expect(info.st_mode & 0o7777 == 0o444)
        #expect(FileManager.default.contents(atPath: clip) == Data(bytes))
        #expect(folder.names(in: vault.root + "/.incoming") == [])
    }

    @Test("A name already holding the same content is adopted and no second file is made")
    func sameContentAdopted() throws {
        let folder = TemporaryFolder()
        let bytes = randomBytes(500_000)
        let clip = folder.write("FILE0007.MP4", bytes)
        let vault = try Vault(root: folder.path + "/store")
        let first = try vault.commit(try vault.stage(clip), as: "R0042/FILE0007.MP4")

        let second = try vault.commit(try vault.stage(clip), as: "R0042/FILE0007.MP4")

        #expect(first.adopted == false)
        #expect(
            second
                == StoredOriginal(
                    relativePath: "R0042/FILE0007.MP4", sha256: first.sha256, size: 500_000,
                    adopted: true))
        #expect(folder.names(in: vault.root + "/R0042") == ["FILE0007.MP4"])
        #expect(folder.names(in: vault.root + "/.incoming") == [])
    }

    @Test("A name holding other content gets the copy beside it with the first 8 hex digits of its SHA-256")
    func otherContentBeside() throws {
        let folder = TemporaryFolder()
        let vault = try Vault(root: folder.path + "/store")
        let first = folder.write("a.MP4", randomBytes(200_000))
        let otherBytes = randomBytes(300_000)
        let other = folder.write("b.MP4", otherBytes)
        _ = try vault.commit(try vault.stage(first), as: "R0042/FILE0008.MP4")

        let stored = try vault.commit(try vault.stage(other), as: "R0042/FILE0008.MP4")

        let tag = String(try Hash.sha256(data: otherBytes).prefix(8))
        #expect(stored.relativePath == "R0042/FILE0008.\(tag).MP4")
        #expect(stored.adopted == false)
        #expect(folder.names(in: vault.root + "/R0042") == ["FILE0008.\(tag).MP4", "FILE0008.MP4"].sorted())
        #expect(FileManager.default.contents(atPath: vault.absolutePath(stored.relativePath)) == Data(otherBytes))
        #expect(mode(vault.absolutePath(stored.relativePath)) == 0o444)
    }

    @Test("Hash suffixes go before the extension, or at the end of a name without one")
    func suffixedNames() throws {
        let folder = TemporaryFolder()
        let vault = try Vault(root: folder.path)
        let sha = "1a2b3c4d" + String(repeating: "0", count: 56)
        #expect(vault.suffixed("R1/FILE0003.MP4", sha256: sha) == "R1/FILE0003.1a2b3c4d.MP4")
        #expect(vault.suffixed("FILE0003.MP4", sha256: sha) == "FILE0003.1a2b3c4d.MP4")
        #expect(vault.suffixed("R1/FILE0003", sha256: sha) == "R1/FILE0003.1a2b3c4d")
        #expect(vault.suffixed("R1/.hidden", sha256: sha) == "R1/.hidden.1a2b3c4d")
        #expect(vault.suffixed("R1.d/clip.tar.gz", sha256: sha) == "R1.d/clip.tar.1a2b3c4d.gz")

        let long = String(repeating: "长", count: 82) + "_0001.MP4"  // 82 × 3 bytes + 9 = 255 bytes
        let suffixed = vault.suffixed("R1/" + long, sha256: sha)
        let name = String(suffixed.dropFirst(3))
        #expect(name.utf8.count == 253)
        #expect(name == String(repeating: "长", count: 80) + ".1a2b3c4d.MP4")
    }

    @Test("a long name taken by other content is still stored beside it, within the 255-byte limit")
    func longNameTaken() throws {
        let folder = TemporaryFolder()
        let vault = try Vault(root: folder.path + "/store")
        let name = String(repeating: "x", count: 251) + ".MP4"
        for content in ["first", "second"] {
            let source = folder.path + "/" + content
            try Data(content.utf8).write(to: URL(fileURLWithPath: source))
            let stored = try vault.commit(try vault.stage(source), as: "R1/" + name)
            #expect(stored.relativePath.utf8.count <= 3 + 255)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/store/R1").sorted()
        #expect(names.count == 2)
    }

    @Test("Paths that are empty, absolute, climb out or point into .incoming are refused and the copy removed")
    func invalidPaths() throws {
        let folder = TemporaryFolder()
        let clip = folder.write("FILE0001.MP4", randomBytes(1000))
        let vault = try Vault(root: folder.path + "/store")
        for path in ["", "/etc/passwd", "R1/../../x.MP4", "R1//x.MP4", ".incoming/x.MP4", ".quarantine/x"] {
            let error = failure { _ = try vault.commit(try vault.stage(clip), as: path) }
            #expect(error?.code == .invalidPath)
        }
        let error = failure { _ = try vault.commit(try vault.stage(clip), as: "R1/../x.MP4") }
        #expect(
            error?.description
                == "cannot store 'R1/../x.MP4': the path has an empty, '.' or '..' part; give a path relative to "
                + "the store, without '..' and not inside '.incoming'")
        #expect(folder.names(in: vault.root) == [".incoming"])
        #expect(folder.names(in: vault.root + "/.incoming") == [])
    }

    // MARK: - Failures while copying

    @Test("A clip truncated after the first block is refused as still being written and leaves nothing behind")
    func truncatedDuringRead() throws {
        let folder = TemporaryFolder()
        let clip = folder.write("FILE0004.MP4", randomBytes(3_000_000))
        let vault = try Vault(root: folder.path + "/store", blockSize: 1 << 20)

        // The truncation happens from the progress callback, between the first and the second read: the same
        // thing a recorder still writing does, at a moment the test controls.
        let error = failure {
            let staged = try vault.stage(clip) { done in
                if done == 1 << 20 { truncate(clip, 1_500_000) }
            }
            vault.discard(staged)
        }

        #expect(error?.code == .sourceChanged)
        #expect(error?.bytesDone == 1_500_000)
        #expect(
            error?.description
                == "cannot copy '\(clip)': the clip is still being written: it had 3.0 MB when the copy started, "
                + "1.5 MB were read and it has 1.5 MB now; it will be copied again at the next dock")
        #expect(folder.names(in: vault.root) == [".incoming"])
        #expect(folder.names(in: vault.root + "/.incoming") == [])
    }

    @Test("A clip that does not exist is refused with strerror's text")
    func missingClip() throws {
        let folder = TemporaryFolder()
        let vault = try Vault(root: folder.path + "/store")
        let error = failure { vault.discard(try vault.stage(folder.path + "/FILE0009.MP4")) }
        #expect(error?.code == .sourceUnreadable)
        #expect(
            error?.message
                == "the clip does not exist (open: No such file or directory); check that the volume is still mounted")
        #expect(folder.names(in: vault.root + "/.incoming") == [])
    }

    @Test("A folder given as a clip is refused as not a regular file")
    func folderAsClip() throws {
        let folder = TemporaryFolder()
        let vault = try Vault(root: folder.path + "/store")
        let error = failure { vault.discard(try vault.stage(folder.path)) }
        #expect(error?.code == .sourceUnreadable)
        #expect(
            error?.description
                == "cannot copy '\(folder.path)': it is not a regular file; only clips (regular files) can be copied")
        #expect(folder.names(in: vault.root + "/.incoming") == [])
    }

    @Test(
        "A 3 MB clip into a 1 MB store fails as store full and leaves no file in the store",
        .enabled(if: runningAsRoot, "mounting a small tmpfs as the store needs root")
    )
    func storeFull() throws {
        let folder = TemporaryFolder()
        let clip = folder.write("FILE0005.MP4", randomBytes(3_000_000))
        let mountPoint = folder.path + "/small"
        mkdir(mountPoint, 0o700)
        guard mount("tmpfs", mountPoint, "tmpfs", 0, "size=1m") == 0 else {
            print("skipped: mounting a 1 MB tmpfs failed: \(VaultError.systemReason(errno))")
            return
        }
        defer { umount(mountPoint) }
        let vault = try Vault(root: mountPoint + "/store", blockSize: 1 << 20)

        let error = failure { _ = try vault.commit(try vault.stage(clip), as: "R1/FILE0005.MP4") }

        #expect(error?.code == .storeFull)
        #expect(error?.errno == ENOSPC)
        #expect(error?.message.hasPrefix("the store is full after ") == true)
        #expect(
            error?.message.hasSuffix(
                "of 3.0 MB (write: No space left on device); free at least 3.0 MB in '\(vault.root)' and the clip "
                    + "will be copied at the next dock") == true)
        #expect(folder.names(in: vault.root) == [".incoming"])
        #expect(folder.names(in: vault.root + "/.incoming") == [])
    }

    @Test("A store that cannot be written refuses the copy as not writable")
    func readOnlyStore() throws {
        let folder = TemporaryFolder()
        let clip = folder.write("FILE0006.MP4", randomBytes(10_000))
        let mountPoint = folder.path + "/readonly"
        mkdir(mountPoint, 0o700)
        // As root, permissions do not stop writes, so the store is made a tmpfs and remounted read-only.
        // Otherwise .incoming is made read-only for its owner.
        let mounted = runningAsRoot && mount("tmpfs", mountPoint, "tmpfs", 0, "size=1m") == 0
        defer { if mounted { umount(mountPoint) } }
        let vault = try Vault(root: mountPoint + "/store")
        if mounted {
            #expect(mount("tmpfs", mountPoint, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0)
        } else {
            chmod(vault.root + "/.incoming", 0o500)
        }

        let error = failure { vault.discard(try vault.stage(clip)) }

        #expect(error?.code == .storeNotWritable)
        let reason = mounted ? "Read-only file system" : "Permission denied"
        #expect(
            error?.message
                == "the store is not writable (open: \(reason)); check that '\(vault.root)' is mounted read-write "
                + "and writable by the user custody runs as")
        if !mounted { chmod(vault.root + "/.incoming", 0o700) }
    }

    @Test(
        "An original damaged before its read-back is quarantined, reported, and not left in the store",
        .enabled(if: runningAsRoot, "writing into the read-only original needs root")
    )
    func readBackMismatch() throws {
        let folder = TemporaryFolder()
        let bytes = randomBytes(400_000)
        let clip = folder.write("FILE0010.MP4", bytes)
        let vault = try Vault(root: folder.path + "/store", blockSize: 1 << 20) { path in
            flipFirstByte(path)
        }

        let error = failure { _ = try vault.commit(try vault.stage(clip), as: "R1/FILE0010.MP4") }

        #expect(error?.code == .readBackMismatch)
        #expect(folder.names(in: vault.root + "/R1") == [])
        let quarantined = folder.names(in: vault.root + "/.quarantine")
        #expect(quarantined.count == 1)
        #expect(quarantined.first?.hasPrefix("R1_FILE0010.MP4.") == true)
        #expect(folder.names(in: vault.root + "/.incoming") == [])
        var damaged = bytes
        damaged[0] ^= 0xff
        #expect(
            error?.message
                == "the original read back from disk has SHA-256 \(try Hash.sha256(data: damaged)) but the clip has "
                + "\(try Hash.sha256(data: bytes)); it was moved to '\(vault.root)/.quarantine/\(quarantined[0])' "
                + "and is not recorded; check the store's disk, the clip will be copied again at the next dock")
    }

    // MARK: - Start-up and fixity

    @Test("sweepIncoming removes what a crash left in .incoming and counts it")
    func sweep() throws {
        let folder = TemporaryFolder()
        let vault = try Vault(root: folder.path + "/store")
        folder.write("store/.incoming/0123456789abcdef.partial", randomBytes(1000))
        folder.write("store/.incoming/fedcba9876543210.partial", [])

        #expect(vault.sweepIncoming() == 2)
        #expect(folder.names(in: vault.root + "/.incoming") == [])
        #expect(vault.sweepIncoming() == 0)
    }

    @Test("A staged copy that is discarded leaves no temporary file")
    func discard() throws {
        let folder = TemporaryFolder()
        let clip = folder.write("FILE0011.MP4", randomBytes(1000))
        let vault = try Vault(root: folder.path + "/store")
        let staged = try vault.stage(clip)
        let temporaryPath = staged.temporaryPath
        #expect(FileManager.default.fileExists(atPath: temporaryPath))

        vault.discard(staged)

        #expect(!FileManager.default.fileExists(atPath: temporaryPath))
    }

    @Test(
        "verify finds a single flipped byte in a stored original",
        .enabled(if: runningAsRoot, "writing into the read-only original needs root")
    )
    func verifyFindsFlippedByte() throws {
        let folder = TemporaryFolder()
        let clip = folder.write("FILE0012.MP4", randomBytes(2_000_000))
        let vault = try Vault(root: folder.path + "/store")
        let stored = try vault.commit(try vault.stage(clip), as: "R1/FILE0012.MP4")
        #expect(try vault.verify(stored.relativePath, sha256: stored.sha256))

        flipFirstByte(vault.absolutePath(stored.relativePath))

        #expect(try vault.verify(stored.relativePath, sha256: stored.sha256) == false)
        let error = failure { _ = try vault.verify("R1/FILE9999.MP4", sha256: stored.sha256) }
        #expect(error?.code == .notFound)
    }
}

/// Inverts the first byte of a file in place, even a read-only one (root ignores the mode bits).
func flipFirstByte(_ path: String) {
    let file = open(path, O_RDWR)
    guard file >= 0 else { return }
    var byte: UInt8 = 0
    _ = pread(file, &byte, 1, 0)
    byte ^= 0xff
    _ = pwrite(file, &byte, 1, 0)
    close(file)
}
