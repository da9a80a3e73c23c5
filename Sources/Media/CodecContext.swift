import CFFmpeg

// MARK: - CodecContext

/// An open audio decoder: owns one `AVCodecContext` from `avcodec_alloc_context3` until deinit frees it.
final class CodecContext {
    let context: UnsafeMutablePointer<AVCodecContext>

    /// Opens the decoder for a stream's codec.
    ///
    /// - Throws: `MediaError` when FFmpeg has no decoder for the codec or cannot open it.
    init(stream: UnsafeMutablePointer<AVStream>, path: String) throws(MediaError) {
        guard let parameters = stream.pointee.codecpar, let codec = avcodec_find_decoder(parameters.pointee.codec_id)
        else {
            let name = stream.pointee.codecpar.flatMap { avcodec_get_name($0.pointee.codec_id) }
            throw MediaError(
                path: path, operation: "avcodec_find_decoder", code: custody_averror_decoder_not_found(),
                detail: name.map { "no decoder for \(String(cString: $0))" })
        }
        guard let context = avcodec_alloc_context3(codec) else {
            throw MediaError(path: path, operation: "avcodec_alloc_context3", code: custody_averror(ENOMEM))
        }
        self.context = context
        let copied = avcodec_parameters_to_context(context, parameters)
        guard copied >= 0 else {
            throw MediaError(path: path, operation: "avcodec_parameters_to_context", code: copied)
        }
        context.pointee.pkt_timebase = stream.pointee.time_base
        context.pointee.thread_count = 1
        let (opened, logged) = LibraryLog.capture { avcodec_open2(context, codec, nil) }
        guard opened >= 0 else {
            throw MediaError(path: path, operation: "avcodec_open2", code: opened, detail: logged)
        }
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&freeing)
    }
}
