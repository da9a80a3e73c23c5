// MARK: - TimestampJump

/// A place inside a clip where consecutive video timestamps leap by more than the tolerance.
///
/// A recorder that stops and resumes into the same file, or whose clock is set while recording, leaves
/// one. Normal streams never do: B-frame reordering, variable frame rate, edit lists, AAC priming and
/// the MPEG-TS clock wrapping at 2^33 ticks all stay within a frame or two, and the check only looks at
/// the video stream's decode order.
public struct TimestampJump: Sendable, Equatable, Codable {
    /// Seconds from the stream's first timestamp to the end of the last frame before the jump, on the
    /// clip's own timeline (earlier jumps included).
    public var time: Double

    /// Seconds the timestamps leap over, beyond the last frame's duration; negative when they go back.
    public var length: Double

    /// Byte offset in the clip of the first packet after the jump; nil when the container gives none.
    public var byteOffset: Int64?

    /// Index of the stream the jump was found in.
    public var stream: Int

    /// Creates a jump; the prober is the usual source of these.
    public init(time: Double, length: Double, byteOffset: Int64?, stream: Int) {
        self.time = time
        self.length = length
        self.byteOffset = byteOffset
        self.stream = stream
    }
}
