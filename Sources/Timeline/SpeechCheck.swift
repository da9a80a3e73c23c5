// MARK: - SpeechCheck

/// A place where the regulation expects the handler to speak, and so where speech detection must look.
///
/// Article 7 asks for an opening statement when an activity starts; article 20 asks for the cause of an
/// interruption to be stated when recording resumes. The timeline also asks for a check after an `unknown` gap and
/// after an `overlap`: it cannot tell whether recording stopped there, and for evidence it is safer to look for the
/// spoken explanation than to assume none was needed.
public struct SpeechCheck: Sendable, Equatable {
    /// Why speech is expected.
    public enum Reason: Sendable, Equatable {
        /// The first recording of an activity: time, place, officers, party and stage should be stated.
        case openingStatement
        /// The recording resumed after this gap (an interruption, an overlap or an unknown gap).
        case resumed(after: Gap)
    }

    /// The clip to decode.
    public var clip: String
    /// Seconds into the clip where the window to search begins.
    public var offset: Double
    /// Why speech is expected there.
    public var reason: Reason

    /// Creates a speech check.
    public init(clip: String, offset: Double, reason: Reason) {
        self.clip = clip
        self.offset = offset
        self.reason = reason
    }
}
