import Glibc

/// Why the Vault could not copy, store or check a clip, in words a person can act on.
///
/// `description` reads as one line: `cannot copy '/media/…/FILE0003.MP4': the volume was removed after 27.0 MB
/// (read: Input/output error); the clip will be copied again at the next dock`. Catch by `code`; `message` is the
/// sentence after the colon and keeps the system's own reason (strerror) when there is one.
public struct VaultError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong; stable across releases, safe to switch over.
    public enum Code: String, Sendable, Equatable {
        /// The recorder's volume disappeared or failed while its clip was read (EIO, ENODEV, ENXIO, ESTALE, or
        /// ENOTCONN when the FUSE server of an exFAT volume went away with it).
        case sourceRemoved
        /// Another custody process holds the store's lock.
        case storeBusy
        /// The clip changed size or time while it was read: the recorder is still writing it.
        case sourceChanged
        /// The clip cannot be opened or read for another reason (missing, permission, not a regular file).
        case sourceUnreadable
        /// The store has no room left (ENOSPC, EDQUOT).
        case storeFull
        /// The store refuses writes (EACCES, EPERM, EROFS).
        case storeNotWritable
        /// Another failure of the store's disk or file system.
        case storeFailed
        /// The original read back from disk does not have the hash of the clip; it was moved to quarantine.
        case readBackMismatch
        /// Both the wanted name and the name with a hash suffix hold other content.
        case nameTaken
        /// A relative path inside the store is empty, absolute, or leaves the store.
        case invalidPath
        /// The stored original to check does not exist.
        case notFound
        /// libcrypto failed to compute a digest.
        case hashFailed
    }

    /// What went wrong.
    public let code: Code
    /// The verb for the description: "copy", "store", "verify", "open the store", "hash".
    public let action: String
    /// The file or folder concerned (the clip on the volume, or a path in the store).
    public let path: String
    /// Bytes of the clip copied before the failure; 0 when nothing was copied.
    public let bytesDone: Int64
    /// The errno of the failing system call, or 0 when the failure is not a system call's.
    public let errno: Int32
    /// The sentence a person reads: what happened, the system's reason, and what to do.
    public let message: String

    /// One line: `cannot <action> '<path>': <message>`.
    public var description: String {
        "cannot \(action) '\(path)': \(message)"
    }

    init(_ code: Code, action: String, path: String, bytesDone: Int64 = 0, errno: Int32 = 0, message: String) {
        self.code = code
        self.action = action
        self.path = path
        self.bytesDone = bytesDone
        self.errno = errno
        self.message = message
    }
}

// MARK: - From errno

extension VaultError {
    /// Which side of the copy a system call worked on; the same errno means different things on each.
    enum Side: Sendable {
        /// The clip on the recorder's volume.
        case source
        /// The store (its folders, temporary files and originals).
        case store
    }

    /// Maps a failed system call to an error: the one place where errno becomes a code and a sentence.
    ///
    /// - Parameters:
    ///   - number: the errno the call left.
    ///   - call: the system call's name, shown with strerror's text.
    ///   - side: whether the call worked on the clip or on the store.
    ///   - bytesNeeded: the clip's size, to say how much room the store needs when it is full.
    static func system(
        _ number: Int32,
        call: String,
        path: String,
        side: Side,
        action: String,
        bytesDone: Int64 = 0,
        bytesNeeded: Int64 = 0,
        store: String = ""
    ) -> VaultError {
        let reason = "(\(call): \(systemReason(number)))"
        let code: Code
        let message: String
        switch (side, number) {
        case (.source, EIO), (.source, ENODEV), (.source, ENXIO), (.source, ESTALE), (.source, ENOTCONN):
            code = .sourceRemoved
            message =
                "the volume was removed after \(megabytes(bytesDone)) \(reason); "
                + "the clip will be copied again at the next dock"
        case (.source, ENOENT):
            code = .sourceUnreadable
            message = "the clip does not exist \(reason); check that the volume is still mounted"
        case (.source, _):
            code = .sourceUnreadable
            message = "the clip cannot be read \(reason); check the volume and its permissions, then dock again"
        case (.store, ENOSPC), (.store, EDQUOT):
            code = .storeFull
            message =
                "the store is full after \(megabytes(bytesDone)) of \(megabytes(bytesNeeded)) \(reason); "
                + "free at least \(megabytes(bytesNeeded)) in '\(store)' and the clip will be copied at the next dock"
        case (.store, EACCES), (.store, EPERM), (.store, EROFS):
            code = .storeNotWritable
            message =
                "the store is not writable \(reason); check that '\(store)' is mounted read-write "
                + "and writable by the user custody runs as"
        case (.store, ENOENT):
            code = .notFound
            message = "the file does not exist \(reason)"
        case (.store, ENOTDIR),
            (.store, EEXIST) where call == "mkdir":
            code = .storeNotWritable
            message = "a file stands where the store needs a folder \(reason); check that '\(store)' is a folder"
        case (.store, ENAMETOOLONG):
            code = .storeFailed
            message = "the name is too long for the store's file system \(reason)"
        case (.store, _):
            code = .storeFailed
            message = "the store's disk or file system failed \(reason); check the system log for disk errors"
        }
        return VaultError(code, action: action, path: path, bytesDone: bytesDone, errno: number, message: message)
    }

    /// strerror's text for an errno.
    static func systemReason(_ number: Int32) -> String {
        guard let text = strerror(number) else { return "errno \(number)" }
        return String(cString: text)
    }
}

// MARK: - Other failures

extension VaultError {
    /// The clip changed while it was read.
    static func sourceChanged(path: String, sizeAtStart: Int64, bytesRead: Int64, sizeAtEnd: Int64) -> VaultError {
        VaultError(
            .sourceChanged,
            action: "copy",
            path: path,
            bytesDone: bytesRead,
            message: "the clip is still being written: it had \(megabytes(sizeAtStart)) when the copy started, "
                + "\(megabytes(bytesRead)) were read and it has \(megabytes(sizeAtEnd)) now; "
                + "it will be copied again at the next dock"
        )
    }

    /// The original read back from disk differs from the clip.
    static func readBackMismatch(path: String, expected: String, found: String, quarantine: String) -> VaultError {
        VaultError(
            .readBackMismatch,
            action: "store",
            path: path,
            message: "the original read back from disk has SHA-256 \(found) but the clip has \(expected); "
                + "it was moved to '\(quarantine)' and is not recorded; check the store's disk, "
                + "the clip will be copied again at the next dock"
        )
    }

    /// A relative path in the store that cannot be used.
    static func invalidPath(_ relativePath: String, reason: String) -> VaultError {
        VaultError(
            .invalidPath,
            action: "store",
            path: relativePath,
            message: "\(reason); give a path relative to the store, without '..' and not inside '.incoming'"
        )
    }
}

// MARK: - Sizes

/// Bytes as decimal megabytes with one decimal, rounded: 27_049_999 → "27.0 MB".
func megabytes(_ bytes: Int64) -> String {
    let tenths = (max(bytes, 0) + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10) MB"
}
