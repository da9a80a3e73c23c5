import CFFmpeg

// MARK: - AudioDecodeRun

/// The state of one audio decode: the decoder, the resampler made for the first frame, and the samples so far.
///
/// Fed the audio stream's packets in file order by whoever reads them (`AudioDecoder`, or `Prober` during
/// its packet pass); it says `.stop` once the window is covered and ignores packets after that. It points
/// into the `FormatContext` it was made from, which must stay open while it is used.
struct AudioDecodeRun {
    let path: String
    let decoder: CodecContext
    let frame: Frame
    let timeBase: TimeBase
    let stream: UnsafeMutablePointer<AVStream>
    /// Seconds (clip clock) of the clip's start.
    let clipStart: Double
    /// Seconds (clip clock) of the window wanted.
    let wanted: (from: Double, to: Double)
    /// Seconds (clip clock) after which no more audio is needed.
    var until: Double { wanted.to }
    /// Whether the window is covered; later packets are ignored.
    private(set) var isComplete = false

    var resampler: Resampler?
    var samples: [Float] = []
    /// Seconds (clip clock) where the latest audio packet read ends, by its timestamp and duration.
    var packetEnd: Double?
    /// Seconds (clip clock) where the decoded input so far ends, by the frames' own timestamps.
    private var inputReach: Double?
    private var lastDuration: Int64 = 0
    /// The latest error the decoder gave for a packet or frame.
    private var lastRejection: MediaError?
    /// Seconds (clip clock) of `samples[0]`.
    var firstTime: Double?

    /// Sets up decoding of `stream` for `window` seconds from `start` seconds after the clip's start.
    ///
    /// - Throws: `MediaError` when FFmpeg has no decoder for the stream's codec or cannot open it.
    init(clip: FormatContext, stream index: Int, from start: Double, window: Double) throws(MediaError) {
        let stream = clip.stream(index)
        path = clip.path
        self.stream = stream
        timeBase = TimeBase(stream.pointee.time_base)
        clipStart = clip.startSeconds
        let from = clipStart + max(0, start)
        wanted = (from, from + max(0, window))
        decoder = try CodecContext(stream: stream, path: clip.path)
        frame = try Frame(path: clip.path)
    }

    /// Seconds (clip clock) the samples so far reach to.
    private var reach: Double? {
        firstTime.map { $0 + Double(samples.count) / Double(AudioExcerpt.sampleRate) }
    }

    /// Sends one packet to the decoder and converts the frames it gives back.
    mutating func decode(_ packet: UnsafeMutablePointer<AVPacket>) throws(MediaError) -> PacketReadDecision {
        guard !isComplete else {
            return .stop
        }
        noteEnd(of: PacketTiming(packet, stream: stream))
        var (sent, logged) = LibraryLog.capture { avcodec_send_packet(decoder.context, packet) }
        if sent == custody_averror(EAGAIN) {
            try receiveFrames()
            (sent, logged) = LibraryLog.capture { avcodec_send_packet(decoder.context, packet) }
        }
        if sent < 0 {
            try reject(code: sent, operation: "avcodec_send_packet", detail: logged)
            return .next
        }
        try receiveFrames()
        // A tenth of a second past the window leaves the resampler's own delay no room to matter.
        if let reach, reach >= until + 0.1 {
            isComplete = true
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
        guard !isComplete else {
            return
        }
        isComplete = true
        if avcodec_send_packet(decoder.context, nil) >= 0 {
            try receiveFrames()
        }
        try resampler?.flush(into: &samples, path: path)
        if firstTime == nil, let lastRejection {
            throw lastRejection
        }
    }

    /// Notes a packet or frame the decoder rejected; only running out of memory stops the decode.
    ///
    /// Damaged packets are skipped so one bad stretch does not cost the rest of the audio. When nothing
    /// decodes at all, `finish` throws the last rejection, so a decoder that cannot read the stream is an
    /// error rather than silence.
    private mutating func reject(code: Int32, operation: String, detail: String? = nil) throws(MediaError) {
        let error = MediaError(path: path, operation: operation, code: code, detail: detail)
        if code == custody_averror(ENOMEM) {
            throw error
        }
        lastRejection = error
    }

    private mutating func receiveFrames() throws(MediaError) {
        while true {
            let received = avcodec_receive_frame(decoder.context, frame.frame)
            if received == custody_averror(EAGAIN) || received == custody_averror_eof() {
                return
            }
            guard received >= 0 else {
                try reject(code: received, operation: "avcodec_receive_frame")
                return
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
            firstTime = time ?? clipStart
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

    /// The samples of the wanted window, with their start counted from the clip's start.
    func excerpt() -> AudioExcerpt {
        let from = wanted.from
        var to = wanted.to
        guard let firstTime, !samples.isEmpty else {
            return AudioExcerpt(start: max(0, from - clipStart), samples: [])
        }
        let rate = Double(AudioExcerpt.sampleRate)
        let begin = max(from, firstTime)
        to = min(to, packetEnd ?? to)
        let skip = min(samples.count, Int(((begin - firstTime) * rate).rounded()))
        let keep = min(samples.count - skip, max(0, Int(((to - begin) * rate).rounded())))
        return AudioExcerpt(start: begin - clipStart, samples: Array(samples[skip..<skip + keep]))
    }
}
