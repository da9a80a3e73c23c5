import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - StabilityCheck

/// Tells clips that are complete from clips the recorder may still be writing.
///
/// It waits for the interval, then looks at each clip again with `lstat`: a clip whose size or
/// modification time changed is still changing, and is returned as it is now, so that the next
/// look compares against this one; a clip that is gone or no longer a regular file has vanished.
///
/// - Note: A recorder that pauses writing for longer than the interval looks stable; choose an
///   interval longer than the recorder's longest write pause. A clip that changes after the
///   check is caught later by the copy's own verification, not here.
public struct StabilityCheck: Sendable {
    /// What one look found.
    public struct Split: Sendable, Equatable {
        /// Clips unchanged over the interval.
        public var stable: [ClipCandidate] = []
        /// Clips that changed, with the size and modification time they have now.
        public var changing: [ClipCandidate] = []
        /// Clips that are gone, or are no longer regular files.
        public var vanished: [ClipCandidate] = []
    }

    /// How long to wait before looking again.
    public let interval: Duration

    /// Makes a check that looks again after `interval`.
    public init(interval: Duration = .seconds(3)) {
        self.interval = interval
    }

    /// Waits for the interval, then splits the clips into those unchanged, those still changing and those gone.
    ///
    /// Every list keeps the order of `clips`. A cancelled task stops waiting early and looks at once.
    public func split(_ clips: [ClipCandidate]) async -> Split {
        var split = Split()
        guard !clips.isEmpty else { return split }
        try? await Task.sleep(for: interval)

        for clip in clips {
            var status = stat()
            guard lstat(clip.path, &status) == 0, ClipFinder.fileType(status) == S_IFREG else {
                split.vanished.append(clip)
                continue
            }
            var now = clip
            now.size = Int64(status.st_size)
            now.modified = ClipFinder.modificationDate(status)
            if now == clip {
                split.stable.append(clip)
            } else {
                split.changing.append(now)
            }
        }
        return split
    }
}
