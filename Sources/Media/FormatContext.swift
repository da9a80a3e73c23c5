import CFFmpeg

// MARK: - FormatContext

/// An open clip: owns one `AVFormatContext` from `avformat_open_input` until deinit closes it.
///
/// Used by one thread at a time; each probe or decode opens its own.
final class FormatContext {
    /// The clip's path, for errors.
    let path: String

    /// The open context; never nil between init and deinit.
    let context: UnsafeMutablePointer<AVFormatContext>

    /// Opens the clip and reads enough of it for libavformat to describe its streams.
    ///
    /// Only local files are read, and only with the demuxers in `containers`.
    ///
    /// - Throws: `MediaError` from `avformat_open_input` (no such file, not a media file, an MP4 with no
    ///   `moov`) or from `avformat_find_stream_info`.
    init(path: String) throws(MediaError) {
        self.path = path
        var opened: UnsafeMutablePointer<AVFormatContext>? = nil
        var options: OpaquePointer? = nil
        av_dict_set(&options, "protocol_whitelist", "file", 0)
        av_dict_set(&options, "format_whitelist", Self.containers, 0)
        defer { av_dict_free(&options) }
        // "file:" keeps a name such as "A123456:0001.MP4" from being read as a protocol.
        let url = path.hasPrefix("file:") ? path : "file:" + path
        let (openCode, openLog) = LibraryLog.capture { avformat_open_input(&opened, url, nil, &options) }
        guard openCode >= 0, let opened else {
            // avformat_open_input frees the context itself when it fails.
            throw MediaError(path: path, operation: "avformat_open_input", code: openCode, detail: openLog)
        }
        let (infoCode, infoLog) = LibraryLog.capture { avformat_find_stream_info(opened, nil) }
        guard infoCode >= 0 else {
            var closing: UnsafeMutablePointer<AVFormatContext>? = opened
            avformat_close_input(&closing)
            throw MediaError(path: path, operation: "avformat_find_stream_info", code: infoCode, detail: infoLog)
        }
        self.context = opened
    }

    /// The demuxers a clip may be opened with: recorder and common media containers.
    ///
    /// Playlist and list demuxers (HLS, concat, image sequences) are left out so a clip can never make
    /// libavformat open other files or devices.
    static let containers =
        "mov,mpegts,mpeg,avi,matroska,asf,flv,mp3,wav,aac,h264,hevc,mjpeg,amr"

    deinit {
        var closing: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&closing)
    }

    // MARK: - Container

    /// The demuxer's name, e.g. "mpegts".
    var containerName: String {
        guard let format = context.pointee.iformat, let name = format.pointee.name else {
            return "unknown"
        }
        return String(cString: name)
    }

    /// Number of streams in the clip.
    var streamCount: Int { Int(context.pointee.nb_streams) }

    /// The stream at `index`; `index` must be below `streamCount`.
    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> {
        // libavformat keeps nb_streams non-null stream pointers; callers index below streamCount.
        context.pointee.streams[index]!
    }

    /// Index of the first audio stream; nil when the clip has none.
    var firstAudioStream: Int? {
        (0..<streamCount).first { stream($0).pointee.codecpar?.pointee.codec_type == AVMEDIA_TYPE_AUDIO }
    }

    /// Seconds of the clip's earliest timestamp, as libavformat works it out when opening; 0 when unknown.
    var startSeconds: Double {
        let start = context.pointee.start_time
        return start == custody_av_nopts_value() ? 0 : Double(start) / Double(AV_TIME_BASE)
    }

    /// A tag from the container's metadata, or nil.
    func containerTag(_ key: String) -> String? {
        Self.tag(key, in: context.pointee.metadata)
    }

    /// A tag from one stream's metadata, or nil.
    func streamTag(_ key: String, stream index: Int) -> String? {
        Self.tag(key, in: stream(index).pointee.metadata)
    }

    /// Size of the clip in bytes as libavformat's I/O sees it; 0 when unknown.
    var fileSize: Int64 {
        guard let io = context.pointee.pb else {
            return 0
        }
        return max(0, avio_size(io))
    }

    // MARK: - Index

    /// Number of entries in a stream's index as libavformat holds it now (from the container's index
    /// when it has one; some demuxers add entries while packets are read).
    func indexEntryCount(stream index: Int) -> Int {
        Int(avformat_index_get_entries_count(stream(index)))
    }

    /// The byte where a stream's index says its last data ends (largest position + size); nil when empty.
    func indexEnd(stream index: Int) -> Int64? {
        let entries = avformat_index_get_entries_count(stream(index))
        var end: Int64?
        for entry in 0..<entries {
            guard let item = avformat_index_get_entry(stream(index), entry)?.pointee, item.pos >= 0 else {
                continue
            }
            end = max(end ?? 0, item.pos + Int64(item.size))
        }
        return end
    }

    private static func tag(_ key: String, in dictionary: OpaquePointer?) -> String? {
        guard let entry = av_dict_get(dictionary, key, nil, 0), let value = entry.pointee.value else {
            return nil
        }
        return String(cString: value)
    }

    // MARK: - Reading packets

    /// Reads the clip's packets in file order with `av_read_frame`, without decoding, handing each to `body`.
    ///
    /// The packet handed to `body` is valid only during the call. Reading stops at the end of the clip,
    /// when `body` returns `.stop`, or at a read error, which is returned (not thrown) because the
    /// packets before it are still good: a clip cut short usually ends in one.
    ///
    /// - Returns: nil when the pass reached the end of the clip or was stopped; the read error otherwise.
    @discardableResult
    func readPackets<E: Error>(
        _ body: (UnsafeMutablePointer<AVPacket>) throws(E) -> PacketReadDecision
    ) throws(E) -> MediaError? {
        guard let packet = av_packet_alloc() else {
            return MediaError(path: path, operation: "av_packet_alloc", code: custody_averror(ENOMEM))
        }
        var owned: UnsafeMutablePointer<AVPacket>? = packet
        defer { av_packet_free(&owned) }
        while true {
            let (code, logged) = LibraryLog.capture { av_read_frame(context, packet) }
            if code == custody_averror_eof() {
                return nil
            }
            if code == custody_averror(EAGAIN) {
                continue
            }
            if code < 0 {
                return MediaError(path: path, operation: "av_read_frame", code: code, detail: logged)
            }
            let decision: PacketReadDecision
            do {
                decision = try body(packet)
            } catch {
                av_packet_unref(packet)
                throw error
            }
            av_packet_unref(packet)
            if decision == .stop {
                return nil
            }
        }
    }
}

/// Whether a packet reader wants the next packet.
enum PacketReadDecision {
    case next
    case stop
}
