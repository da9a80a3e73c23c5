// MARK: - TruncationSign

/// Why the prober believes a clip was cut short: its recording ended without the recorder closing the file.
public enum TruncationSign: Sendable, Equatable, Codable {
    /// The container's index lists data past the end of the file (an MP4 with `moov` first, then cut).
    case indexBeyondEnd(indexEnd: Int64, fileSize: Int64)

    /// A video stream's header declares more frames than the file holds (packets read, or the frames its
    /// timestamps span when dropped frames were written as empty chunks, whichever is more).
    case fewerFramesThanDeclared(stream: Int, declared: Int, read: Int)

    /// A packet's bytes run past the end of the file.
    case packetBeyondEnd(stream: Int, byteOffset: Int64)

    /// Reading packets stopped at an error before the end of the clip.
    case readError(reason: String)

    /// An MPEG-TS file whose size is not a whole number of 188- or 192-byte transport packets.
    case partialTransportPacket(fileSize: Int64)

    /// One line saying what was found.
    public var description: String {
        switch self {
        case .indexBeyondEnd(let indexEnd, let fileSize):
            "its index reaches byte \(indexEnd) but the file has \(fileSize) bytes"
        case .fewerFramesThanDeclared(let stream, let declared, let read):
            "stream \(stream) declares \(declared) frames but only \(read) could be read"
        case .packetBeyondEnd(let stream, let byteOffset):
            "a packet of stream \(stream) at byte \(byteOffset) runs past the end of the file"
        case .readError(let reason):
            "reading stopped early: \(reason)"
        case .partialTransportPacket(let fileSize):
            "its size, \(fileSize) bytes, ends inside a transport packet"
        }
    }
}
