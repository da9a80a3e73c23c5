import CFFmpeg

// MARK: - AudioDecoder

/// Decodes a stretch of a clip's first audio stream to 16 kHz mono Float32, for speech detection.
///
/// Handles whatever FFmpeg decodes: AAC, MP3, MP2, PCM, G.711 µ-law and A-law, ADPCM, at any rate and
/// channel count (channels are mixed down, the rate converted with libswresample). Safe to call from several
/// threads at once: each call opens its own contexts.
///
/// - Note: Every sample keeps its place on the clip's clock: a gap between audio frames (a lost frame, a
///   timestamp jump) is filled with silence up to the end of the window. The packet pass (`Prober`)
///   reports jumps in the video.
public struct AudioDecoder: Sendable {
    /// Creates a decoder; it holds no state.
    public init() {}

    /// Decodes `window` seconds of the first audio stream of the clip at `path`, from `start` seconds.
    ///
    /// `start` counts from the clip's start (the earliest timestamp of any stream), so 0 is the opening of
    /// the recording. The result holds at most `window` seconds; less when the audio ends sooner, and it
    /// begins later than `start` when the audio track begins after the picture (see `AudioExcerpt.start`).
    ///
    /// - Returns: `.noAudioTrack` when the clip has no audio stream (never an empty excerpt for that),
    ///   otherwise the samples.
    /// - Throws: `MediaError` when the clip cannot be opened, FFmpeg has no decoder for its audio codec, the
    ///   decoder or resampler cannot be set up, or no packet decodes at all. Packets the decoder rejects as
    ///   damaged are skipped.
    public func decode(_ path: String, from start: Double = 0, window: Double) throws(MediaError) -> DecodedAudio {
        let clip = try FormatContext(path: path)
        guard let audioIndex = clip.firstAudioStream else {
            return .noAudioTrack
        }
        for index in 0..<clip.streamCount where index != audioIndex {
            clip.stream(index).pointee.discard = AVDISCARD_ALL
        }
        var run = try AudioDecodeRun(clip: clip, stream: audioIndex, from: start, window: window)
        if start > Self.preroll {
            Self.seek(clip, stream: audioIndex, to: run.wanted.from - Self.preroll)
        }
        try clip.readPackets { (packet) throws(MediaError) -> PacketReadDecision in
            guard Int(packet.pointee.stream_index) == audioIndex else {
                return .next
            }
            return try run.decode(packet)
        }
        try run.finish()
        return .audio(run.excerpt())
    }

    // MARK: - Helpers

    /// Seconds decoded before the window when seeking: MP3's bit reservoir and AAC's overlapping transform
    /// need the frames before the first one wanted.
    static let preroll = 1.0

    /// Seeks to the last point at or before `seconds`; on failure reading simply goes on from where it is.
    private static func seek(_ clip: FormatContext, stream: Int, to seconds: Double) {
        let timeBase = TimeBase(clip.stream(stream).pointee.time_base)
        guard timeBase.numerator > 0 else {
            return
        }
        let target = Int64((seconds * Double(timeBase.denominator) / Double(timeBase.numerator)).rounded(.down))
        _ = LibraryLog.capture { av_seek_frame(clip.context, Int32(stream), target, AVSEEK_FLAG_BACKWARD) }
    }
}
