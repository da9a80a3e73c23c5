import CCrypto
import Glibc

// MARK: - Committing a staged copy

extension Vault {
    /// Moves a staged copy to `relativePath` in the store without ever overwriting, and proves it from disk.
    ///
    /// In order: the staged file is made read-only (0444) and fsynced; missing parent folders are created (the
    /// parent of each new one is fsynced); the file is renamed with no-replace semantics (renameat2
    /// RENAME_NOREPLACE, or link and unlink where the file system lacks it); the folder is fsynced; the stored
    /// file's cached pages are dropped and it is read back and hashed. Only then is the original returned.
    ///
    /// When the name is taken, the existing file is hashed: the same content is adopted (`adopted` is true, the
    /// staged copy is removed; this is what a crash between the rename and the catalog insert leaves), other
    /// content makes the copy go beside it as `<stem>.<first 8 hex digits of its SHA-256>.<extension>`.
    ///
    /// - Throws: `VaultError`. On `readBackMismatch`, or any failure after the rename, the stored file was moved to
    ///   `<root>/.quarantine` and must not be recorded. On every error the staged copy is removed and nothing new is
    ///   left in the store proper.
    public func commit(_ staged: consuming StagedCopy, as relativePath: String) throws(VaultError) -> StoredOriginal {
        let temporaryPath = staged.temporaryPath
        let sha256 = staged.sha256
        let size = staged.size
        var placed: String? = nil
        do throws(VaultError) {
            try checkRelativePath(relativePath)
            try makeReadOnly(temporaryPath)
            try makeFolders(parentFolder(of: absolutePath(relativePath)), mode: 0o750)

            var target = relativePath
            if !(try place(temporaryPath, at: target)) {
                if try holds(target, sha256: sha256) {
                    return try adopt(target, sha256: sha256, size: size, discarding: temporaryPath)
                }
                target = suffixed(relativePath, sha256: sha256)
                if !(try place(temporaryPath, at: target)) {
                    if try holds(target, sha256: sha256) {
                        return try adopt(target, sha256: sha256, size: size, discarding: temporaryPath)
                    }
                    throw VaultError(
                        .nameTaken, action: "store", path: absolutePath(target),
                        message: "both '\(relativePath)' and '\(target)' hold other content; "
                            + "store the clip under another name")
                }
            }

            placed = target
            let absolute = absolutePath(target)
            let folderError = syncFolder(parentFolder(of: absolute))
            guard folderError == 0 else {
                throw VaultError.system(
                    folderError, call: "fsync", path: parentFolder(of: absolute), side: .store, action: "store",
                    store: root)
            }
            beforeReadBack?(absolute)
            let readBack = try Hash.digest(file: absolute, algorithm: .sha256, fromDisk: true, blockSize: blockSize)
            guard readBack == sha256 else {
                placed = nil
                let quarantined = quarantine(target)
                throw VaultError.readBackMismatch(
                    path: absolute, expected: sha256, found: readBack, quarantine: quarantined)
            }
            return StoredOriginal(relativePath: target, sha256: sha256, size: size, adopted: false)
        } catch {
            unlink(temporaryPath)
            // A file that got its name but was not proven must not stay among the originals.
            if let placed { _ = quarantine(placed) }
            throw error
        }
    }

    // MARK: - Steps

    /// Refuses paths that are empty, absolute, contain empty, `.` or `..` parts, or point into the Vault's own
    /// folders.
    private func checkRelativePath(_ relativePath: String) throws(VaultError) {
        guard !relativePath.isEmpty else { throw VaultError.invalidPath(relativePath, reason: "the path is empty") }
        guard !relativePath.hasPrefix("/") else {
            throw VaultError.invalidPath(relativePath, reason: "the path is absolute")
        }
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts where part.isEmpty || part == "." || part == ".." {
            throw VaultError.invalidPath(relativePath, reason: "the path has an empty, '.' or '..' part")
        }
        if parts[0] == Vault.incomingFolder || parts[0] == Vault.quarantineFolder {
            throw VaultError.invalidPath(relativePath, reason: "the path is inside the Vault's own folders")
        }
    }

    /// Makes the staged file read-only (0444) and durable before it gets its name in the store.
    private func makeReadOnly(_ temporaryPath: String) throws(VaultError) {
        let (opened, openError) = Descriptor.open(temporaryPath, flags: O_RDONLY)
        guard let file = opened else {
            throw VaultError.system(
                openError, call: "open", path: temporaryPath, side: .store, action: "store", store: root)
        }
        let (_, modeError) = retryingInterrupts { fchmod(file.number, 0o444) }
        guard modeError == 0 else {
            throw VaultError.system(
                modeError, call: "fchmod", path: temporaryPath, side: .store, action: "store", store: root)
        }
        let syncError = file.sync()
        guard syncError == 0 else {
            throw VaultError.system(
                syncError, call: "fsync", path: temporaryPath, side: .store, action: "store", store: root)
        }
    }

    /// Gives the staged file the name `relativePath` if that name is free; returns false when it is taken.
    private func place(_ temporaryPath: String, at relativePath: String) throws(VaultError) -> Bool {
        let target = absolutePath(relativePath)
        var (_, error) = retryingInterrupts { custody_rename_noreplace(temporaryPath, target) }
        if error == EINVAL || error == ENOSYS {
            // The file system cannot rename without replacing: link(2) never replaces either.
            (_, error) = retryingInterrupts { link(temporaryPath, target) }
            if error == 0 { unlink(temporaryPath) }
        }
        if error == EEXIST { return false }
        guard error == 0 else {
            throw VaultError.system(error, call: "rename", path: target, side: .store, action: "store", store: root)
        }
        return true
    }

    /// Whether the stored file at `relativePath` has the SHA-256 `sha256`, read from disk.
    private func holds(_ relativePath: String, sha256: String) throws(VaultError) -> Bool {
        let found = try Hash.digest(
            file: absolutePath(relativePath), algorithm: .sha256, fromDisk: true, blockSize: blockSize)
        return found == sha256
    }

    /// Keeps the original already stored at `relativePath` (same content) and removes the staged copy.
    private func adopt(_ relativePath: String, sha256: String, size: Int64, discarding temporaryPath: String)
        throws(VaultError) -> StoredOriginal
    {
        unlink(temporaryPath)
        let absolute = absolutePath(relativePath)
        let (_, error) = retryingInterrupts { chmod(absolute, 0o444) }
        guard error == 0 else {
            throw VaultError.system(error, call: "chmod", path: absolute, side: .store, action: "store", store: root)
        }
        return StoredOriginal(relativePath: relativePath, sha256: sha256, size: size, adopted: true)
    }

    /// Moves a stored file that failed its read-back into `.quarantine`; returns where it went.
    ///
    /// If the move itself fails the file stays where it was; the error thrown by the caller still says it must
    /// not be recorded.
    private func quarantine(_ relativePath: String) -> String {
        let folder = absolutePath(Vault.quarantineFolder)
        _ = try? makeFolders(folder, mode: 0o700)
        let flat = relativePath.split(separator: "/").joined(separator: "_")
        let suffix = hexadecimal((0..<4).map { _ in UInt8.random(in: 0...255) })
        let target = folder + "/" + flat + "." + suffix
        let source = absolutePath(relativePath)
        if retryingInterrupts({ custody_rename_noreplace(source, target) }).errno == 0 {
            _ = syncFolder(folder)
            _ = syncFolder(parentFolder(of: source))
            return target
        }
        return source
    }

    /// `FILE0003.MP4` with SHA-256 `1a2b3c4d…` becomes `FILE0003.1a2b3c4d.MP4`; without an extension,
    /// `FILE0003.1a2b3c4d`. The stem is shortened (on a character boundary) when the name would pass the
    /// file system's 255-byte limit, so a long name taken by other content can still be stored.
    func suffixed(_ relativePath: String, sha256: String) -> String {
        let tag = "." + String(sha256.prefix(8))
        let slash = relativePath.lastIndex(of: "/")
        let folder = slash.map { String(relativePath[...$0]) } ?? ""
        let name = slash.map { String(relativePath[relativePath.index(after: $0)...]) } ?? relativePath
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let stem = dot.map { String(name[..<$0]) } ?? name
        let ending = dot.map { String(name[$0...]) } ?? ""
        var shortened = stem
        while !shortened.isEmpty && shortened.utf8.count + tag.utf8.count + ending.utf8.count > Vault.nameLimit {
            shortened.removeLast()
        }
        return folder + shortened + tag + ending
    }

    /// The longest file name, in bytes, that Linux file systems take.
    static let nameLimit = 255

    /// The folder holding `path` (an absolute path).
    func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
