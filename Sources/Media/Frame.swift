import CFFmpeg

// MARK: - Frame

/// One decoded frame buffer: owns an `AVFrame` from `av_frame_alloc` until deinit frees it.
final class Frame {
    let frame: UnsafeMutablePointer<AVFrame>

    init(path: String) throws(MediaError) {
        guard let frame = av_frame_alloc() else {
            throw MediaError(path: path, operation: "av_frame_alloc", code: custody_averror(ENOMEM))
        }
        self.frame = frame
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVFrame>? = frame
        av_frame_free(&freeing)
    }
}
