import CFFmpeg

// MARK: - MediaError

/// A failure to read a clip, with FFmpeg's own words for it.
///
/// `description` reads as one line a person can act on:
/// `cannot open '/store/A123456_…_0006.MP4': avformat_open_input failed: Invalid data found when
/// processing input (moov atom not found); …`.
public struct MediaError: Error, CustomStringConvertible, Equatable {
    /// The clip that could not be read.
    public var path: String

    /// The FFmpeg call that failed, e.g. "avformat_open_input", "av_read_frame".
    public var operation: String

    /// FFmpeg's negative error code (an `AVERROR` value).
    public var code: Int32

    /// FFmpeg's text for the code, from `av_strerror`.
    public var reason: String

    /// The last error FFmpeg logged during the call, e.g. "moov atom not found"; nil when it logged none.
    public var detail: String?

    /// Creates an error from its parts; `MediaError(path:operation:code:)` fills `reason` from FFmpeg.
    public init(path: String, operation: String, code: Int32, reason: String, detail: String? = nil) {
        self.path = path
        self.operation = operation
        self.code = code
        self.reason = reason
        self.detail = detail
    }

    /// Creates an error for an FFmpeg return code, taking the reason from `av_strerror`.
    init(path: String, operation: String, code: Int32, detail: String? = nil) {
        self.init(path: path, operation: operation, code: code, reason: Self.text(for: code), detail: detail)
    }

    /// One line: what failed, on which clip, FFmpeg's reason, and what to do.
    public var description: String {
        var line = "cannot read '\(path)': \(operation) failed: \(reason)"
        if let detail, !detail.isEmpty, detail != reason {
            line += " (\(detail))"
        }
        return line + "; " + advice
    }

    /// What a person can do about this error.
    public var advice: String {
        switch code {
        case custody_averror(ENOENT):
            return "check that the clip exists at this path"
        case custody_averror(EACCES), custody_averror(EPERM):
            return "check that custody may read this path"
        case custody_averror(ENOMEM):
            return "the machine ran out of memory; try again when it is less busy"
        case custody_averror(EIO):
            return "the storage reported a read error; check the disk and verify the original's checksum"
        default:
            return "the clip is damaged or not a media file (a recording cut off by power loss has no index); "
                + "keep the original as it is and record the clip as unreadable"
        }
    }

    /// FFmpeg's text for an error code.
    static func text(for code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        // For a code it does not know, av_strerror still writes "Error number N occurred".
        _ = av_strerror(code, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? "FFmpeg error \(code)" : text
    }
}
