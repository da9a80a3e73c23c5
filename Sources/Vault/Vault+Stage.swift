import Glibc

// MARK: - Staging a clip

extension Vault {
    /// Copies a clip into a new temporary file in `.incoming`, reading the clip once and hashing it on the way.
    ///
    /// The clip is opened read-only (with O_NOATIME when allowed) and read in blocks (1 MiB by default) with
    /// sequential read-ahead; each block is hashed (SHA-256 through libcrypto's EVP) and written to a file created with
    /// O_CREAT|O_EXCL and mode 0600, which is fsynced at the end. The clip's size and modification time are
    /// compared before and after the read, so a clip the recorder is still writing is refused.
    ///
    /// - Parameters:
    ///   - source: path of the clip on the recorder's volume.
    ///   - progress: called after each block with the bytes copied so far, on the caller's thread.
    /// - Returns: the staged copy, to be committed or discarded.
    /// - Throws: `VaultError` (`sourceRemoved`, `sourceChanged`, `sourceUnreadable`, `storeFull`,
    ///   `storeNotWritable`, `storeFailed`, `hashFailed`). The temporary file is removed before it is thrown.
    public func stage(_ source: String, progress: ((Int64) -> Void)? = nil) throws(VaultError) -> StagedCopy {
        let clock = ContinuousClock()
        let started = clock.now

        let (opened, openError) = Descriptor.openForReading(source)
        guard let clip = opened else {
            throw VaultError.system(openError, call: "open", path: source, side: .source, action: "copy")
        }
        let before = try status(of: clip)
        guard (before.st_mode & S_IFMT) == S_IFREG else {
            throw VaultError(
                .sourceUnreadable, action: "copy", path: source,
                message: "it is not a regular file; only clips (regular files) can be copied")
        }
        clip.advise(POSIX_FADV_SEQUENTIAL)

        let (temporary, temporaryPath) = try createTemporary()
        do throws(VaultError) {
            let (sha256, bytesRead) = try copy(
                from: clip, to: temporary, expected: Int64(before.st_size), progress: progress)
            let after = try status(of: clip)
            let unchanged =
                bytesRead == Int64(before.st_size) && after.st_size == before.st_size
                && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
            guard unchanged else {
                throw VaultError.sourceChanged(
                    path: source, sizeAtStart: Int64(before.st_size), bytesRead: bytesRead,
                    sizeAtEnd: Int64(after.st_size))
            }
            clip.advise(POSIX_FADV_DONTNEED)

            let syncError = temporary.sync()
            guard syncError == 0 else {
                throw storeError(syncError, call: "fsync", clip: source, bytesDone: bytesRead, needed: bytesRead)
            }
            temporary.advise(POSIX_FADV_DONTNEED)
            let closeError = temporary.close()
            guard closeError == 0 else {
                throw storeError(closeError, call: "close", clip: source, bytesDone: bytesRead, needed: bytesRead)
            }
            let seconds = (clock.now - started) / .seconds(1)
            return StagedCopy(temporaryPath: temporaryPath, sha256: sha256, size: bytesRead, seconds: seconds)
        } catch {
            temporary.close()
            unlink(temporaryPath)
            throw error
        }
    }

    /// Removes a staged copy's temporary file; the clip stays on the volume and can be staged again.
    public func discard(_ staged: consuming StagedCopy) {
        unlink(staged.temporaryPath)
    }

    // MARK: - Steps

    /// Reads the clip to its end, hashing and writing each block; returns the SHA-256 and the bytes read.
    private func copy(
        from clip: Descriptor,
        to temporary: Descriptor,
        expected: Int64,
        progress: ((Int64) -> Void)?
    ) throws(VaultError) -> (sha256: String, bytes: Int64) {
        let digest = try Digest(.sha256)
        let buffer = AlignedBuffer(count: blockSize)
        var done: Int64 = 0
        while true {
            let (count, readError) = clip.read(into: buffer.pointer, count: buffer.count)
            if count < 0 {
                throw VaultError.system(
                    readError, call: "read", path: clip.path, side: .source, action: "copy", bytesDone: done)
            }
            if count == 0 { break }
            try digest.update(buffer.pointer, count: count)
            let (written, writeError) = temporary.writeAll(from: buffer.pointer, count: count)
            if writeError != 0 {
                throw storeError(
                    writeError, call: "write", clip: clip.path, bytesDone: done + Int64(written),
                    needed: max(expected, done + Int64(count)))
            }
            done += Int64(count)
            progress?(done)
        }
        return (try digest.finish(), done)
    }

    /// Creates a new temporary file in `.incoming` (O_CREAT|O_EXCL, mode 0600) with a random name.
    private func createTemporary() throws(VaultError) -> (Descriptor, String) {
        while true {
            let name = hexadecimal((0..<8).map { _ in UInt8.random(in: 0...255) }) + ".partial"
            let path = incoming + "/" + name
            let (opened, error) = Descriptor.open(path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
            if let temporary = opened { return (temporary, path) }
            if error == EEXIST { continue }
            throw VaultError.system(error, call: "open", path: path, side: .store, action: "copy", store: root)
        }
    }

    /// fstat of the clip, as an error on the source side when it fails.
    private func status(of clip: Descriptor) throws(VaultError) -> stat {
        let (info, error) = clip.status()
        guard let info else {
            throw VaultError.system(error, call: "fstat", path: clip.path, side: .source, action: "copy")
        }
        return info
    }

    /// An error of the store while a clip was written, named after the clip being copied.
    private func storeError(_ number: Int32, call: String, clip: String, bytesDone: Int64, needed: Int64)
        -> VaultError
    {
        VaultError.system(
            number, call: call, path: clip, side: .store, action: "copy", bytesDone: bytesDone, bytesNeeded: needed,
            store: root)
    }
}
