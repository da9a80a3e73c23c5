import CFFmpeg

// MARK: - Resampler

/// Converts decoded audio to 16 kHz mono Float32: owns one `SwrContext` until deinit frees it.
///
/// Built for one input format, rate and channel layout; `matches` tells when a frame needs a new one.
final class Resampler {
    private var context: OpaquePointer?
    private let inputFormat: Int32
    private let inputRate: Int32
    private let inputChannels: Int32

    /// Sets up conversion from the format of `frame`.
    init(for frame: UnsafePointer<AVFrame>, path: String) throws(MediaError) {
        inputFormat = frame.pointee.format
        inputRate = frame.pointee.sample_rate
        inputChannels = frame.pointee.ch_layout.nb_channels
        var input = AVChannelLayout()
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC {
            av_channel_layout_default(&input, inputChannels)
        } else {
            _ = withUnsafePointer(to: frame.pointee.ch_layout) { av_channel_layout_copy(&input, $0) }
        }
        defer { av_channel_layout_uninit(&input) }
        var output = AVChannelLayout()
        av_channel_layout_default(&output, 1)
        defer { av_channel_layout_uninit(&output) }
        let allocated = swr_alloc_set_opts2(
            &context, &output, AV_SAMPLE_FMT_FLT, Int32(AudioExcerpt.sampleRate), &input,
            AVSampleFormat(rawValue: inputFormat), inputRate, 0, nil)
        guard allocated >= 0, context != nil else {
            throw MediaError(
                path: path, operation: "swr_alloc_set_opts2", code: allocated < 0 ? allocated : custody_averror(ENOMEM))
        }
        let initialised = swr_init(context)
        guard initialised >= 0 else {
            throw MediaError(path: path, operation: "swr_init", code: initialised)
        }
    }

    deinit {
        swr_free(&context)
    }

    /// Whether `frame` has the format, rate and channel count this resampler was built for.
    func matches(_ frame: UnsafePointer<AVFrame>) -> Bool {
        frame.pointee.format == inputFormat && frame.pointee.sample_rate == inputRate
            && frame.pointee.ch_layout.nb_channels == inputChannels
    }

    /// Converts a decoded frame and appends the result to `samples`.
    func convert(_ frame: UnsafePointer<AVFrame>, into samples: inout [Float], path: String) throws(MediaError) {
        let count = frame.pointee.nb_samples
        let input = UnsafeMutableRawPointer(frame.pointee.extended_data)?
            .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
        try run(input: input, count: count, into: &samples, path: path)
    }

    /// Feeds `samples` input samples of silence, to come out before the next converted frame.
    func injectSilence(samples: Int) {
        guard samples > 0 else {
            return
        }
        _ = swr_inject_silence(context, Int32(clamping: samples))
    }

    /// Appends the samples the resampler still holds, at the end of the audio.
    func flush(into samples: inout [Float], path: String) throws(MediaError) {
        try run(input: nil, count: 0, into: &samples, path: path)
    }

    private func run(
        input: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int32, into samples: inout [Float],
        path: String
    ) throws(MediaError) {
        let capacity = swr_get_out_samples(context, count)
        guard capacity > 0 else {
            return
        }
        var buffer = [Float](repeating: 0, count: Int(capacity))
        let produced = buffer.withUnsafeMutableBytes { bytes -> Int32 in
            var out: UnsafeMutablePointer<UInt8>? = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
            return swr_convert(context, &out, capacity, input, count)
        }
        guard produced >= 0 else {
            throw MediaError(path: path, operation: "swr_convert", code: produced)
        }
        samples.append(contentsOf: buffer.prefix(Int(produced)))
    }
}
