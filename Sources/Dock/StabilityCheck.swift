import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - StabilityCheck

/// Tells clips that are complete from clips the recorder may still be writing.
///
/// It waits for the interval, then looks at each clip again with `lstat`: a clip whose size or
/// modification time changed, or which is gone or no longer a regular file, is still changing.
///
/// - Note: A recorder that pauses writing for longer than the interval looks stable; choose an
///   interval longer than the recorder's longest write pause. A clip that changes after the
///   check is caught later by the copy's own verification, not here.
public struct StabilityCheck: Sendable {
    /// How long to wait before looking again.
    public let interval: Duration

    /// Makes a check that looks again after `interval`.
    public init(interval: Duration = .seconds(3)) {
        self.interval = interval
    }

    /// Waits for the interval, then splits the clips into those unchanged and those still changing.
    ///
    /// Both lists keep the order of `clips`. A cancelled task stops waiting early and looks at once.
    public func split(_ clips: [ClipCandidate]) async -> (stable: [ClipCandidate], changing: [ClipCandidate]) {
        guard !clips.isEmpty else { return ([], []) }
        try? await Task.sleep(for: interval)

        var stable: [ClipCandidate] = []
        var changing: [ClipCandidate] = []
        for clip in clips {
            if Self.isUnchanged(clip) {
                stable.append(clip)
            } else {
                changing.append(clip)
            }
        }
        return (stable, changing)
    }

    /// True when the clip is still a regular file with the size and modification time it had.
    static func isUnchanged(_ clip: ClipCandidate) -> Bool {
        var status = stat()
        guard lstat(clip.path, &status) == 0, ClipFinder.fileType(status) == S_IFREG else { return false }
        return Int64(status.st_size) == clip.size && ClipFinder.modificationDate(status) == clip.modified
    }
}
