import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - MountWatcher

/// Waits for the mount table to change, without polling in a loop.
///
/// It keeps `/proc/self/mountinfo` open and sleeps in poll(2): the kernel raises `POLLPRI` and
/// `POLLERR` on that file when anything is mounted or unmounted in the process's mount namespace.
/// A change that happens between two waits is not lost: the next `wait` returns true at once.
/// The watcher only says *that* the table changed; read it again with `MountTable.read()` and
/// compare with `MountTable.newlyMounted(from:to:under:)`.
///
/// - Note: The watcher sees the mount namespace of the process. A daemon run with a private mount
///   namespace (systemd's `PrivateMounts=`, `ProtectSystem=` and similar) does not see the host's docks.
public final class MountWatcher: Sendable {
    /// The file being watched.
    public let path: String

    private let tableDescriptor: Int32
    private let wakeReader: Int32
    private let wakeWriter: Int32
    private let closed = Mutex(false)

    /// Opens the mount table for watching.
    ///
    /// - Throws: `DockError.Code.mountTableUnreadable` when the file cannot be opened.
    public init(path: String = "/proc/self/mountinfo") throws(DockError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DockError.mountTable(path, operation: "open", errno: errno) }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            Glibc.close(descriptor)
            throw DockError.mountTable(path, operation: "pipe", errno: code)
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        tableDescriptor = descriptor
        wakeReader = pipeEnds[0]
        wakeWriter = pipeEnds[1]
    }

    deinit {
        Glibc.close(tableDescriptor)
        Glibc.close(wakeReader)
        Glibc.close(wakeWriter)
    }

    /// Sleeps until the mount table changes, the timeout passes, or the watcher is closed.
    ///
    /// - Parameter timeout: how long to wait at most; nil waits without limit.
    /// - Returns: true when the table changed; false on timeout or after `close()`.
    /// - Note: If poll(2) itself fails (which it does only when the kernel is out of memory), this
    ///   returns true so that the caller reads the table again and meets the real error there.
    public func wait(timeout: Duration?) -> Bool {
        guard !isClosed else { return false }
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now.advanced(by: $0) }

        while true {
            var milliseconds: Int32 = -1
            if let deadline {
                let left = clock.now.duration(to: deadline)
                let (seconds, attoseconds) = left.components
                if seconds >= Int64(Int32.max / 1000) {
                    milliseconds = Int32.max  // about 24 days; the loop waits again for the rest
                } else {
                    let rounded = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                    milliseconds = Int32(max(0, rounded))
                }
            }
            var watched = [
                pollfd(fd: tableDescriptor, events: Int16(POLLPRI), revents: 0),
                pollfd(fd: wakeReader, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&watched, nfds_t(watched.count), milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return true
            }
            if ready == 0 || watched[1].revents != 0 || isClosed {
                return false
            }
            if watched[0].revents & Int16(POLLPRI | POLLERR) != 0 {
                return true
            }
        }
    }

    /// Stops the watcher: a `wait` running in another thread returns false, and later waits return
    /// false at once. Safe to call more than once. The file is closed when the watcher is released.
    public func close() {
        let first = closed.withLock { isClosed in
            defer { isClosed = true }
            return !isClosed
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    /// True once `close()` was called.
    public var isClosed: Bool { closed.withLock { $0 } }
}
