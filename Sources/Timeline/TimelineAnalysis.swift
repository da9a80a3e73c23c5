// MARK: - TimelineAnalysis

/// The result of ``Timeline/analyse(_:settings:)``: for each recorder, its clips in order and what lies between them.
public struct TimelineAnalysis: Sendable, Equatable {
    /// One recorder's ordered clips, gaps, activities and speech checks.
    public struct Recorder: Sendable, Equatable {
        /// The recorder's serial.
        public var recorder: String
        /// Clip ids in timeline order.
        public var clips: [String]
        /// Gaps in timeline order; a jump inside a clip comes before the gap after that clip.
        public var gaps: [Gap]
        /// Activities in timeline order.
        public var activities: [Activity]
        /// Speech checks in timeline order.
        public var speechChecks: [SpeechCheck]

        /// Creates one recorder's analysis.
        public init(
            recorder: String,
            clips: [String],
            gaps: [Gap],
            activities: [Activity],
            speechChecks: [SpeechCheck]
        ) {
            self.recorder = recorder
            self.clips = clips
            self.gaps = gaps
            self.activities = activities
            self.speechChecks = speechChecks
        }
    }

    /// One entry per recorder, sorted by serial.
    public var recorders: [Recorder]

    /// Creates an analysis.
    public init(recorders: [Recorder]) {
        self.recorders = recorders
    }

    /// Every recorder's gaps, recorder by recorder.
    public var gaps: [Gap] { recorders.flatMap(\.gaps) }
    /// Every recorder's activities, recorder by recorder.
    public var activities: [Activity] { recorders.flatMap(\.activities) }
    /// Every recorder's speech checks, recorder by recorder.
    public var speechChecks: [SpeechCheck] { recorders.flatMap(\.speechChecks) }

    /// The analysis of one recorder, or `nil` if it had no clips.
    public subscript(recorder serial: String) -> Recorder? {
        recorders.first { $0.recorder == serial }
    }
}
