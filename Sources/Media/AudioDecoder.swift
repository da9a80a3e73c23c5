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
    /// - Throws: `MediaError` when the clip cannot be opened, FFmpeg has no decoder for its audio codec, or
    ///   the decoder or resampler cannot be set up. Packets the decoder rejects as damaged are skipped.
    public func decode(_ path: String, from start: Double = 0, window: Double) throws(MediaError) -> DecodedAudio {
        let clip = try FormatContext(path: path)
        guard let audioIndex = (0..<clip.streamCount).first(where: { Self.isAudio(clip.stream($0)) }) else {
            return .noAudioTrack
        }
        for index in 0..<clip.streamCount where index != audioIndex {
            clip.stream(index).pointee.discard = AVDISCARD_ALL
        }
        let stream = clip.stream(audioIndex)
        let timeBase = TimeBase(stream.pointee.time_base)
        let clipStart = Self.clipStart(clip)
        let wanted = (from: clipStart + max(0, start), to: clipStart + max(0, start) + max(0, window))
        if start > Self.preroll {
            Self.seek(clip, stream: audioIndex, to: wanted.from - Self.preroll, timeBase: timeBase)
        }

        var run = DecodeRun(
            path: path, decoder: try CodecContext(stream: stream, path: path), frame: try Frame(path: path),
            stream: stream, until: wanted.to)
        try clip.readPackets { (packet) throws(MediaError) -> PacketReadDecision in
            guard Int(packet.pointee.stream_index) == audioIndex else {
                return .next
            }
            return try run.decode(packet)
        }
        try run.finish()
        return .audio(run.excerpt(from: wanted.from, to: wanted.to, clipStart: clipStart))
    }

    // MARK: - Helpers

    /// Seconds decoded before the window when seeking: MP3's bit reservoir and AAC's overlapping transform
    /// need the frames before the first one wanted.
    static let preroll = 1.0

    private static func isAudio(_ stream: UnsafeMutablePointer<AVStream>) -> Bool {
        stream.pointee.codecpar?.pointee.codec_type == AVMEDIA_TYPE_AUDIO
    }

    /// Seconds of the clip's earliest timestamp, as libavformat works it out when opening; 0 when unknown.
    private static func clipStart(_ clip: FormatContext) -> Double {
        let start = clip.context.pointee.start_time
        return start == custody_av_nopts_value() ? 0 : Double(start) / Double(AV_TIME_BASE)
    }

    /// Seeks to the last point at or before `seconds`; on failure reading simply goes on from where it is.
    private static func seek(_ clip: FormatContext, stream: Int, to seconds: Double, timeBase: TimeBase) {
        guard timeBase.numerator > 0 else {
            return
        }
        let target = Int64((seconds * Double(timeBase.denominator) / Double(timeBase.numerator)).rounded(.down))
        _ = LibraryLog.capture { av_seek_frame(clip.context, Int32(stream), target, AVSEEK_FLAG_BACKWARD) }
    }
}

// MARK: - DecodeRun

/// The state of one decode: the decoder, the resampler made for the first frame, and the samples so far.
private struct DecodeRun {
    let path: String
    let decoder: CodecContext
    let frame: Frame
    let timeBase: TimeBase
    let stream: UnsafeMutablePointer<AVStream>
    /// Seconds (clip clock) after which no more audio is needed.
    let until: Double

    var resampler: Resampler?
    var samples: [Float] = []
    /// Seconds (clip clock) where the latest audio packet read ends, by its timestamp and duration.
    var packetEnd: Double?
    /// Seconds (clip clock) where the decoded input so far ends, by the frames' own timestamps.
    private var inputReach: Double?
    private var lastDuration: Int64 = 0
    /// Seconds (clip clock) of `samples[0]`.
    var firstTime: Double?

    init(
        path: String, decoder: CodecContext, frame: Frame, stream: UnsafeMutablePointer<AVStream>, until: Double
    ) {
        self.path = path
        self.stream = stream
        self.timeBase = TimeBase(stream.pointee.time_base)
        self.decoder = decoder
        self.frame = frame
        self.until = until
    }

    /// Seconds (clip clock) the samples so far reach to.
    private var reach: Double? {
        firstTime.map { $0 + Double(samples.count) / Double(AudioExcerpt.sampleRate) }
    }

    /// Sends one packet to the decoder and converts the frames it gives back.
    mutating func decode(_ packet: UnsafeMutablePointer<AVPacket>) throws(MediaError) -> PacketReadDecision {
        noteEnd(of: PacketTiming(packet, stream: stream))
        let sent = avcodec_send_packet(decoder.context, packet)
        if sent < 0, sent != custody_averror(EAGAIN) {
            guard sent == custody_averror_invaliddata() else {
                throw MediaError(path: path, operation: "avcodec_send_packet", code: sent)
            }
            return .next
        }
        try receiveFrames()
        // A tenth of a second past the window leaves the resampler's own delay no room to matter.
        if let reach, reach >= until + 0.1 {
            return .stop
        }
        return .next
    }

    /// Keeps where the audio ends by the packets' own timing, which knows the padding a decoder does not:
    /// a codec's last frame is whole (1024 AAC samples, 1152 MP2), while the container says how much counts.
    private mutating func noteEnd(of packet: PacketTiming) {
        if packet.duration > 0 {
            lastDuration = packet.duration
        }
        guard !packet.isDiscarded, let stamp = packet.timestamp, lastDuration > 0 else {
            return
        }
        let end = timeBase.seconds(stamp + lastDuration - packet.trailingTrim)
        packetEnd = max(packetEnd ?? end, end)
    }

    /// Drains the decoder and the resampler at the end of the audio.
    mutating func finish() throws(MediaError) {
        if avcodec_send_packet(decoder.context, nil) >= 0 {
            try receiveFrames()
        }
        try resampler?.flush(into: &samples, path: path)
    }

    private mutating func receiveFrames() throws(MediaError) {
        while true {
            let received = avcodec_receive_frame(decoder.context, frame.frame)
            if received == custody_averror(EAGAIN) || received == custody_averror_eof() {
                return
            }
            if received == custody_averror_invaliddata() {
                continue
            }
            guard received >= 0 else {
                throw MediaError(path: path, operation: "avcodec_receive_frame", code: received)
            }
            defer { av_frame_unref(frame.frame) }
            try take(frame.frame)
        }
    }

    /// Converts one decoded frame; a frame that starts later than the previous one ended (a lost frame, a
    /// gap in the track) is preceded by silence, so every sample stays at its place on the clip's clock.
    private mutating func take(_ frame: UnsafeMutablePointer<AVFrame>) throws(MediaError) {
        let stamp = frame.pointee.best_effort_timestamp
        let time = stamp == custody_av_nopts_value() ? nil : timeBase.seconds(stamp)
        if firstTime == nil {
            firstTime = time ?? 0
        }
        if let current = resampler, !current.matches(frame) {
            try current.flush(into: &samples, path: path)
            resampler = nil
        }
        let converter: Resampler
        if let current = resampler {
            converter = current
        } else {
            converter = try Resampler(for: frame, path: path)
            resampler = converter
        }
        let rate = Double(frame.pointee.sample_rate)
        if let time, let reach = inputReach, time - reach > Self.gapThreshold, rate > 0 {
            let missing = min(time, until + 0.1) - reach
            converter.injectSilence(samples: Int((missing * rate).rounded()))
        }
        try converter.convert(frame, into: &samples, path: path)
        if rate > 0 {
            inputReach = (time ?? inputReach ?? 0) + Double(frame.pointee.nb_samples) / rate
        }
    }

    /// Seconds between one frame's end and the next frame's start beyond which the gap is filled.
    private static let gapThreshold = 0.010

    /// The samples between `from` and `to` (clip clock), with their start counted from the clip's start.
    func excerpt(from: Double, to: Double, clipStart: Double) -> AudioExcerpt {
        guard let firstTime, !samples.isEmpty else {
            return AudioExcerpt(start: max(0, from - clipStart), samples: [])
        }
        let rate = Double(AudioExcerpt.sampleRate)
        let begin = max(from, firstTime)
        let to = min(to, packetEnd ?? to)
        let skip = min(samples.count, Int(((begin - firstTime) * rate).rounded()))
        let keep = min(samples.count - skip, max(0, Int(((to - begin) * rate).rounded())))
        return AudioExcerpt(start: begin - clipStart, samples: Array(samples[skip..<skip + keep]))
    }
}
