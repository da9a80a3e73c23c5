import CFFmpeg
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - LibraryLog

/// Keeps FFmpeg from writing to stderr and catches the errors it logs during one call.
///
/// FFmpeg's log is process-wide. custody installs one callback, once, that prints nothing and hands
/// error-level lines to the `capture` in progress on the calling thread, so concurrent probes on
/// different threads never see each other's messages.
enum LibraryLog {
    /// Installs the silent callback; evaluated once, safely, however many threads touch it first.
    static let installed: Void = {
        av_log_set_level(AV_LOG_ERROR)
        av_log_set_callback(libraryLogCallback)
    }()

    /// Runs `body` and returns its result with the last error line FFmpeg logged on this thread meanwhile.
    static func capture<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, lastError: String?) {
        _ = installed
        let sink = LogSink()
        let previous = pthread_getspecific(logSinkKey)
        pthread_setspecific(logSinkKey, Unmanaged.passUnretained(sink).toOpaque())
        defer {
            pthread_setspecific(logSinkKey, previous)
            withExtendedLifetime(sink) {}
        }
        let value = try body()
        return (value, sink.lastError)
    }
}

// MARK: - Thread-local sink

/// Lines logged on one thread during one `LibraryLog.capture`.
private final class LogSink {
    var lastError: String?
}

/// The pthread key under which a thread's current `LogSink` is kept.
private let logSinkKey: pthread_key_t = {
    var key = pthread_key_t()
    // pthread_key_create fails only when the process has used up PTHREAD_KEYS_MAX (1024) keys;
    // custody creates this one key once.
    precondition(pthread_key_create(&key, nil) == 0, "cannot create the thread key for FFmpeg's log")
    return key
}()

/// FFmpeg's log callback: prints nothing; keeps error lines for the capture running on this thread.
private func libraryLogCallback(
    _ context: UnsafeMutableRawPointer?, _ level: Int32, _ format: UnsafePointer<CChar>?,
    _ arguments: CVaListPointer?
) {
    guard level <= AV_LOG_ERROR, let format, let arguments, let raw = pthread_getspecific(logSinkKey) else {
        return
    }
    let sink = Unmanaged<LogSink>.fromOpaque(raw).takeUnretainedValue()
    var buffer = [CChar](repeating: 0, count: 512)
    let count = vsnprintf(&buffer, buffer.count, format, arguments)
    guard count > 0 else {
        return
    }
    let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    if !line.isEmpty {
        sink.lastError = line
    }
}
