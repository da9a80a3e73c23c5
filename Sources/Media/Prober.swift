import CFFmpeg
import Foundation

// MARK: - Prober

/// Describes a clip: container, streams, creation time, and each stream's real span.
///
/// `probe` opens the clip with libavformat, then reads every packet once (no decoding) to take each
/// stream's span from its own timestamps, because MPEG-TS and AVI headers often state a wrong length.
/// The read costs one sequential pass over the file; it never writes.
///
/// Safe to call from several threads at once: every call opens its own context, and FFmpeg's log is
/// silenced once for the whole process (nothing reaches stderr).
public struct Prober: Sendable {
    /// Creates a prober; it holds no state.
    public init() {}

    /// Probes the clip at `path`.
    ///
    /// - Throws: `MediaError` when libavformat cannot open the clip or find its streams, e.g. a zero-byte
    ///   file, a file that is not media, or an MP4 whose recording was cut off before its `moov` index was
    ///   written ("Invalid data found when processing input", detail "moov atom not found").
    /// - Note: A read error part-way through ends the packet pass early; the spans then cover the packets
    ///   read before it.
    public func probe(_ path: String) throws(MediaError) -> ClipProbe {
        let clip = try FormatContext(path: path)
        let descriptions = (0..<clip.streamCount).map { Self.describe(clip.stream($0), index: $0) }
        var pass = PacketPass(
            timeBases: (0..<clip.streamCount).map { TimeBase(clip.stream($0).pointee.time_base) },
            wrapBits: (0..<clip.streamCount).map { Int(clip.stream($0).pointee.pts_wrap_bits) }
        )
        clip.readPackets { (packet) -> PacketReadDecision in
            pass.observe(PacketTiming(packet))
            return .next
        }
        return Self.result(clip: clip, descriptions: descriptions, pass: pass)
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
            streams: streams
        )
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
