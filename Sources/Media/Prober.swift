import CFFmpeg
import Foundation

// MARK: - Prober

/// Describes a clip: container, streams, creation time, each stream's real span, and signs of damage.
///
/// `probe` opens the clip with libavformat, then reads every packet once (no decoding) to take each
/// stream's span from its own timestamps, because MPEG-TS and AVI headers often state a wrong length. The
/// same pass finds timestamp jumps in the video and packets past the end of the file. It costs one
/// sequential read of the file; it never writes.
///
/// Only local files in recorder and common media containers are opened (MP4/MOV, MPEG-TS and -PS, AVI,
/// Matroska, ASF, FLV, MP3, WAV, AAC, raw H.264/HEVC/MJPEG, AMR); a playlist or list file renamed as a clip
/// is refused, so a clip can never make FFmpeg read other files.
///
/// Safe to call from several threads at once: every call opens its own context, and FFmpeg's log is
/// silenced once for the whole process (nothing reaches stderr).
public struct Prober: Sendable {
    /// Seconds the video timestamps may leap beyond a frame's end before the leap is reported as a jump.
    public var jumpTolerance: Double

    /// Creates a prober.
    ///
    /// - Parameter jumpTolerance: seconds a video timestamp may leap before it counts as a jump; the
    ///   default is the split tolerance, 2 s.
    public init(jumpTolerance: Double = 2) {
        self.jumpTolerance = jumpTolerance
    }

    /// Probes the clip at `path`.
    ///
    /// - Throws: `MediaError` when libavformat cannot open the clip or find its streams, e.g. a zero-byte
    ///   file, a file that is not media, or an MP4 whose recording was cut off before its `moov` index was
    ///   written ("Invalid data found when processing input", detail "moov atom not found").
    /// - Note: A read error part-way through ends the packet pass early; the spans then cover the packets
    ///   read before it, and the error is listed in `truncationSigns`.
    /// - Note: A stream's duration runs from its first to its last timestamp, so it includes any jump.
    public func probe(_ path: String) throws(MediaError) -> ClipProbe {
        try read(path, openingAudio: nil).probe
    }

    /// Probes the clip at `path` and decodes its opening audio in the same single read of the file.
    ///
    /// The audio is what `AudioDecoder().decode(path, from: 0, window: window)` gives. A clip that opens
    /// but whose audio cannot be decoded (no decoder for its codec) still gives its probe, with the audio's
    /// error beside it.
    ///
    /// - Throws: `MediaError` when the clip cannot be opened, as `probe(_:)`.
    public func probe(
        _ path: String, openingAudio window: Double
    ) throws(MediaError) -> (probe: ClipProbe, openingAudio: Result<DecodedAudio, MediaError>) {
        let reading = try read(path, openingAudio: window)
        // read(_:openingAudio:) always answers for the audio when asked for it.
        return (reading.probe, reading.audio!)
    }

    // MARK: - The packet pass

    private func read(
        _ path: String, openingAudio window: Double?
    ) throws(MediaError) -> (probe: ClipProbe, audio: Result<DecodedAudio, MediaError>?) {
        let clip = try FormatContext(path: path)
        let descriptions = (0..<clip.streamCount).map { Self.describe(clip.stream($0), index: $0) }
        let finalised = Self.isFinalised(clip)
        let fileSize = clip.fileSize
        let timeline = descriptions.first { $0.kind == .video } ?? descriptions.first { $0.kind == .audio }
        var pass = PacketPass(
            timeBases: (0..<clip.streamCount).map { TimeBase(clip.stream($0).pointee.time_base) },
            wrapBits: (0..<clip.streamCount).map { Int(clip.stream($0).pointee.pts_wrap_bits) },
            jumpStream: timeline?.index,
            jumpTolerance: jumpTolerance,
            fileSize: fileSize
        )
        var audio = OpeningAudio(clip: clip, window: window)
        let readError = clip.readPackets { (packet) -> PacketReadDecision in
            let index = Int(packet.pointee.stream_index)
            pass.observe(PacketTiming(packet, stream: clip.stream(index)))
            audio.take(packet, stream: index)
            return .next
        }
        var probe = Self.result(clip: clip, descriptions: descriptions, pass: pass)
        probe.isFinalised = finalised
        probe.truncationSigns = Self.truncationSigns(
            clip: clip, streams: probe.streams, pass: pass, readError: readError)
        return (probe, audio.finish())
    }

    // MARK: - Assembling the result

    private static func result(clip: FormatContext, descriptions: [StreamInfo], pass: PacketPass) -> ClipProbe {
        var streams = descriptions
        for index in streams.indices {
            let totals = pass.streams[index]
            streams[index].packetCount = totals.packetCount
            streams[index].startTime = totals.startSeconds
            streams[index].duration = totals.durationSeconds
        }
        let raw = clip.containerTag("creation_time")
        let bitRate = clip.context.pointee.bit_rate
        return ClipProbe(
            container: clip.containerName,
            duration: streams.compactMap(\.duration).max(),
            creationTime: raw.flatMap(CreationTime.parse),
            rawCreationTime: raw,
            bitRate: bitRate > 0 ? Int(bitRate) : nil,
            fileSize: clip.fileSize,
            streams: streams,
            jumps: pass.jumps
        )
    }

    /// Whether the container's index is there, judged right after opening, before packets are read.
    ///
    /// An MP4 or MOV that opened has its `moov`; it counts as finalised when that lists samples. An AVI
    /// needs its `idx1` chunk. Other containers have no index to judge by.
    private static func isFinalised(_ clip: FormatContext) -> Bool? {
        switch clip.containerName {
        case "mov,mp4,m4a,3gp,3g2,mj2":
            return (0..<clip.streamCount).contains { clip.indexEntryCount(stream: $0) > 0 }
        case "avi":
            return AVIIndex.hasLegacyIndex(path: clip.path)
        default:
            return nil
        }
    }

    /// Everything that shows the clip was cut short.
    private static func truncationSigns(
        clip: FormatContext, streams: [StreamInfo], pass: PacketPass, readError: MediaError?
    ) -> [TruncationSign] {
        var signs: [TruncationSign] = []
        let fileSize = clip.fileSize
        let indexEnd = (0..<clip.streamCount).compactMap { clip.indexEnd(stream: $0) }.max()
        if fileSize > 0, let indexEnd, indexEnd > fileSize {
            signs.append(.indexBeyondEnd(indexEnd: indexEnd, fileSize: fileSize))
        }
        for stream in streams where stream.kind == .video {
            let declared = Int(clip.stream(stream.index).pointee.nb_frames)
            let read = max(stream.packetCount, pass.streams[stream.index].framesSpanned ?? 0)
            if declared > 0, read < declared {
                signs.append(.fewerFramesThanDeclared(stream: stream.index, declared: declared, read: read))
            }
        }
        if let first = pass.packetsBeyondEnd.first {
            signs.append(first)
        }
        if let readError {
            signs.append(.readError(reason: readError.detail ?? readError.reason))
        }
        if clip.containerName == "mpegts", fileSize > 0, fileSize % 188 != 0, fileSize % 192 != 0 {
            signs.append(.partialTransportPacket(fileSize: fileSize))
        }
        return signs
    }

    /// The codec and parameters of one stream, before its timing is known.
    private static func describe(_ stream: UnsafeMutablePointer<AVStream>, index: Int) -> StreamInfo {
        guard let parameters = stream.pointee.codecpar?.pointee else {
            return StreamInfo(index: index, kind: .other, codec: "none")
        }
        let codec = avcodec_get_name(parameters.codec_id).map { String(cString: $0) } ?? "none"
        var info = StreamInfo(index: index, kind: kind(parameters.codec_type), codec: codec)
        switch info.kind {
        case .video:
            info.width = parameters.width > 0 ? Int(parameters.width) : nil
            info.height = parameters.height > 0 ? Int(parameters.height) : nil
            info.frameRate = rate(stream.pointee.avg_frame_rate) ?? rate(stream.pointee.r_frame_rate)
        case .audio:
            info.sampleRate = parameters.sample_rate > 0 ? Int(parameters.sample_rate) : nil
            info.channels = parameters.ch_layout.nb_channels > 0 ? Int(parameters.ch_layout.nb_channels) : nil
        default:
            break
        }
        return info
    }

    private static func kind(_ type: AVMediaType) -> StreamKind {
        switch type {
        case AVMEDIA_TYPE_VIDEO: .video
        case AVMEDIA_TYPE_AUDIO: .audio
        case AVMEDIA_TYPE_SUBTITLE: .subtitle
        case AVMEDIA_TYPE_DATA: .data
        default: .other
        }
    }

    private static func rate(_ rational: AVRational) -> Double? {
        guard rational.num > 0, rational.den > 0 else {
            return nil
        }
        return Double(rational.num) / Double(rational.den)
    }
}

// MARK: - OpeningAudio

/// The opening-audio decode riding along the prober's packet pass; absent when not asked for.
private struct OpeningAudio {
    private var run: AudioDecodeRun?
    private var stream: Int?
    private var outcome: Result<DecodedAudio, MediaError>?

    init(clip: FormatContext, window: Double?) {
        guard let window else {
            return
        }
        guard let index = clip.firstAudioStream else {
            outcome = .success(.noAudioTrack)
            return
        }
        do {
            run = try AudioDecodeRun(clip: clip, stream: index, from: 0, window: window)
            stream = index
        } catch {
            outcome = .failure(error)
        }
    }

    /// Decodes an audio packet until the window is covered; a decoding error ends the audio, not the pass.
    mutating func take(_ packet: UnsafeMutablePointer<AVPacket>, stream index: Int) {
        // Decoding through optional chaining mutates the run in place, so its samples are never copied.
        guard index == stream, run?.isComplete == false else {
            return
        }
        do {
            _ = try run?.decode(packet)
        } catch {
            outcome = .failure(error)
            run = nil
        }
    }

    /// The decoded window, or why there is none; nil when no audio was asked for.
    mutating func finish() -> Result<DecodedAudio, MediaError>? {
        guard run != nil else {
            return outcome
        }
        do {
            try run?.finish()
        } catch {
            return .failure(error)
        }
        return run.map { .success(.audio($0.excerpt())) }
    }
}
