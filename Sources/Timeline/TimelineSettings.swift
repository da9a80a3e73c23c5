// MARK: - TimelineSettings

/// The two thresholds that classify gaps, in seconds.
public struct TimelineSettings: Sendable, Equatable {
    /// A gap whose absolute length is at most this is a continuation (default 2 s).
    public var splitTolerance: Double
    /// A gap at least this long starts a new activity (default 1800 s, 30 minutes).
    public var activityBreak: Double

    /// Creates settings; the defaults are the ones in the configuration reference.
    public init(splitTolerance: Double = 2, activityBreak: Double = 1800) {
        self.splitTolerance = splitTolerance
        self.activityBreak = activityBreak
    }
}
