import CCrypto
import Glibc

/// Runs a system call that returns -1 and sets errno on failure, retrying it while it is interrupted (EINTR).
///
/// Returns the call's result and 0, or -1 and the errno it left. Do not use it for close(2): on Linux the
/// descriptor is gone even when close reports EINTR, and retrying could close someone else's.
@inline(__always)
func retryingInterrupts<Result: BinaryInteger>(_ call: () -> Result) -> (result: Result, errno: Int32) {
    while true {
        let result = call()
        if result != -1 { return (result, 0) }
        let number = Glibc.errno
        if number != EINTR { return (result, number) }
    }
}

/// One open file descriptor, owned: closed by `close()` or, failing that, by `deinit`.
///
/// `close()` reports its error (a file being written may fail only there, on some file systems) and is safe to
/// call twice.
final class Descriptor {
    /// The descriptor number; -1 once closed.
    private(set) var number: Int32
    /// The path it was opened with, for messages.
    let path: String

    init(number: Int32, path: String) {
        self.number = number
        self.path = path
    }

    deinit {
        if number >= 0 { Glibc.close(number) }
    }

    /// Opens `path`, retrying EINTR; returns the descriptor or the errno.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0) -> (descriptor: Descriptor?, errno: Int32) {
        let (number, error) = retryingInterrupts { Glibc.open(path, flags | O_CLOEXEC, mode) }
        guard number >= 0 else { return (nil, error) }
        return (Descriptor(number: number, path: path), 0)
    }

    /// Opens a clip for reading without changing its access time when the kernel allows it.
    ///
    /// O_NOATIME needs the caller to own the file (or CAP_FOWNER); otherwise the open is repeated without it.
    static func openForReading(_ path: String) -> (descriptor: Descriptor?, errno: Int32) {
        let first = open(path, flags: O_RDONLY | custody_o_noatime())
        if first.errno == EPERM { return open(path, flags: O_RDONLY) }
        return first
    }

    /// Closes the descriptor; returns the errno of a failed close, or 0. Safe to call twice.
    @discardableResult
    func close() -> Int32 {
        guard number >= 0 else { return 0 }
        let result = Glibc.close(number)
        number = -1
        return result == 0 ? 0 : Glibc.errno
    }

    /// Reads up to `count` bytes into `buffer`; returns the count read (0 at the end of the file) or the errno.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> (count: Int, errno: Int32) {
        let (count, error) = retryingInterrupts { Glibc.read(number, buffer, count) }
        return (count, error)
    }

    /// Writes all `count` bytes from `buffer`, continuing after short writes; returns the count written and the
    /// errno of the failure (0 when all were written).
    func writeAll(from buffer: UnsafeRawPointer, count: Int) -> (written: Int, errno: Int32) {
        var written = 0
        while written < count {
            let (result, error) = retryingInterrupts { Glibc.write(number, buffer + written, count - written) }
            if result < 0 { return (written, error) }
            if result == 0 { return (written, EIO) }
            written += result
        }
        return (written, 0)
    }

    /// fsync(2); returns 0 or the errno.
    func sync() -> Int32 {
        retryingInterrupts { fsync(number) }.errno
    }

    /// fstat(2); returns the status or the errno.
    func status() -> (status: stat?, errno: Int32) {
        var info = stat()
        let (_, error) = retryingInterrupts { fstat(number, &info) }
        return error == 0 ? (info, 0) : (nil, error)
    }

    /// posix_fadvise(2) over the whole file. Advice only: failures are ignored.
    func advise(_ advice: Int32) {
        _ = posix_fadvise(number, 0, 0, advice)
    }
}
