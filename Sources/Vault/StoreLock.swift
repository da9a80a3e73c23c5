import Glibc

/// An exclusive claim on a store, held by one custody process at a time while it copies into the store.
///
/// Two processes copying into one store at once would sweep each other's unfinished copies from `.incoming`
/// (the start-up sweep assumes nothing else is copying). The lock is an `flock` on `STORE/.lock`, so the
/// kernel releases it when the process ends, however it ends; a `kill -9` never leaves a stale lock.
public final class StoreLock {
    private var descriptor: Int32

    /// Takes the store's lock, waiting for another process to release it if `wait` is true.
    ///
    /// - Parameter whileWaiting: called once, before waiting, when another process holds the lock.
    /// - Throws: `VaultError` (`storeBusy`) when `wait` is false and another process holds it, or when the lock
    ///   file cannot be opened.
    public init(root: String, wait: Bool, whileWaiting: () -> Void = {}) throws(VaultError) {
        let path = root + "/.lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw VaultError.system(
                errno, call: "open", path: path, side: .store, action: "lock the store", store: root)
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        let busy = errno
        guard busy == EWOULDBLOCK, wait else {
            close(descriptor)
            throw VaultError(
                .storeBusy, action: "lock the store", path: root, errno: busy,
                message: "another custody process is copying into this store; try again when it has finished")
        }
        whileWaiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let failure = errno
                close(descriptor)
                throw VaultError.system(
                    failure, call: "flock", path: path, side: .store, action: "lock the store", store: root)
            }
        }
    }

    deinit {
        release()
    }

    /// Releases the lock. Safe to call more than once.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }
}
