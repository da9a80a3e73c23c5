import Glibc

/// Digests of bytes and files, as lowercase hexadecimal.
///
/// SHA-256 is the store's checksum; SM3 is available as a second algorithm where a second, independent checksum
/// is asked for.
public enum Hash {
    /// A digest algorithm libcrypto provides.
    public enum Algorithm: String, Sendable {
        /// SHA-256 (64 hex digits).
        case sha256
        /// SM3 (64 hex digits), from OpenSSL's default provider.
        case sm3
    }

    /// The SHA-256 of a file's contents, read once from start to end.
    ///
    /// - Throws: `VaultError` when the file cannot be opened or read.
    public static func sha256(file path: String) throws(VaultError) -> String {
        try digest(file: path, algorithm: .sha256)
    }

    /// The SHA-256 of `data`.
    public static func sha256(data: [UInt8]) throws(VaultError) -> String {
        try digest(data: data, algorithm: .sha256)
    }

    /// The digest of a file's contents with `algorithm`.
    ///
    /// - Throws: `VaultError` when the file cannot be opened or read.
    public static func digest(file path: String, algorithm: Hash.Algorithm) throws(VaultError) -> String {
        try digest(file: path, algorithm: algorithm, fromDisk: false, blockSize: Vault.defaultBlockSize)
    }

    /// The digest of `data` with `algorithm`.
    public static func digest(data: [UInt8], algorithm: Hash.Algorithm) throws(VaultError) -> String {
        let digest = try Digest(algorithm)
        let failure = data.withUnsafeBytes { (bytes) -> VaultError? in
            guard let base = bytes.baseAddress else { return nil }
            do throws(VaultError) { try digest.update(base, count: bytes.count) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        return try digest.finish()
    }

    /// The digest of a file; with `fromDisk`, its cached pages are dropped first so that the disk answers.
    ///
    /// - Note: dropping cached pages is advice (posix_fadvise DONTNEED after fdatasync); pages another process
    ///   has mapped stay cached. On tmpfs the page cache is the storage and answers anyway.
    static func digest(
        file path: String,
        algorithm: Hash.Algorithm,
        fromDisk: Bool,
        blockSize: Int
    ) throws(VaultError) -> String {
        let (opened, error) = Descriptor.openForReading(path)
        guard let file = opened else {
            throw VaultError.system(error, call: "open", path: path, side: .store, action: "hash")
        }
        if fromDisk {
            _ = retryingInterrupts { fdatasync(file.number) }
            file.advise(POSIX_FADV_DONTNEED)
        }
        file.advise(POSIX_FADV_SEQUENTIAL)
        let digest = try Digest(algorithm)
        let buffer = AlignedBuffer(count: blockSize)
        var done: Int64 = 0
        while true {
            let (count, error) = file.read(into: buffer.pointer, count: buffer.count)
            if count < 0 {
                throw VaultError.system(error, call: "read", path: path, side: .store, action: "hash", bytesDone: done)
            }
            if count == 0 { break }
            try digest.update(buffer.pointer, count: count)
            done += Int64(count)
        }
        if fromDisk { file.advise(POSIX_FADV_DONTNEED) }
        return try digest.finish()
    }
}
