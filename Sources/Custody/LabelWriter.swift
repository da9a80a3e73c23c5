import Catalog
import Foundation
import Reports

/// What the label beside an original says: the clip, its recorder and handler, its times and its cases.
public struct Label: Sendable, Equatable {
    public var clip: ClipRecord
    public var handlerName: String?

    public init(clip: ClipRecord, handlerName: String?) {
        self.clip = clip
        self.handlerName = handlerName
    }

    /// The label's JSON: keys sorted, one member per line, so a person can read it in the store.
    public func json() -> Data {
        let end = clip.start.flatMap { start in clip.duration.map { start.addingTimeInterval($0) } }
        let object: [String: Any] = [
            "sha256": clip.sha256,
            "recorder": clip.recorder,
            "handler": clip.handler ?? NSNull(),
            "handler_name": handlerName ?? NSNull(),
            "original_name": clip.originalName,
            "start": clip.start.map(Timestamps.utc) ?? NSNull(),
            "end": end.map(Timestamps.utc) ?? NSNull(),
            "clock_suspect": clip.clockSuspect ?? NSNull(),
            "cases": clip.cases.map { ["case": $0.number, "party": $0.party, "handler": $0.handler] },
            "purged": clip.purged.map(Timestamps.utc) ?? NSNull(),
        ]
        // Every value above is a string, null, or an array of string dictionaries: always valid JSON.
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        return data + Data("\n".utf8)
    }
}

/// Writes labels beside originals in the store, atomically: a hidden temporary file in the same folder, fsynced,
/// renamed over the old label, then the folder fsynced. The original is never opened for writing.
///
/// A label is `<original name>.label.json`; its extension is not a clip extension, so the dock never takes it for
/// a clip. A label whose content would not change is not rewritten.
public struct LabelWriter: Sendable {
    public var store: String

    public init(store: String) {
        self.store = store
    }

    /// The label's path for an original stored at `storedPath` (relative to the store).
    public func path(for storedPath: String) -> String {
        (store as NSString).appendingPathComponent(storedPath) + ".label.json"
    }

    public func write(_ label: Label) throws {
        let path = path(for: label.clip.storedPath)
        let data = label.json()
        if FileManager.default.contents(atPath: path) == data { return }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".tmp"

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o444)
        guard descriptor >= 0 else { throw LabelError(operation: "create", path: temporary, errno: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        guard failure == 0 else {
            unlink(temporary)
            throw LabelError(operation: "write", path: temporary, errno: failure)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw LabelError(operation: "rename into place", path: path, errno: code)
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderDescriptor >= 0 else { throw LabelError(operation: "open the folder of", path: path, errno: errno) }
        defer { close(folderDescriptor) }
        guard fsync(folderDescriptor) == 0 else {
            throw LabelError(operation: "fsync the folder of", path: path, errno: errno)
        }
    }
}

/// A label that could not be written; the original beside it is untouched.
public struct LabelError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var path: String
    public var errno: Int32

    public var description: String {
        "cannot \(operation) the label '\(path)': \(String(cString: strerror(errno))); check that the store's "
            + "folder is writable by this user, then repeat the command (the catalog already holds the change)"
    }
}
