import Foundation

// MARK: - AVIIndex

/// Looks for the `idx1` index an AVI recorder writes when it closes the file.
///
/// libavformat rebuilds a missing AVI index by scanning the `movi` list, so its index entries cannot tell
/// a closed AVI from one cut off mid-recording; walking the file's top-level RIFF chunks can. Only chunk
/// headers are read (a few dozen bytes), never the media.
enum AVIIndex {
    /// Whether the first RIFF list of the AVI at `path` holds an `idx1` chunk; nil when the file cannot be
    /// read or is not RIFF AVI.
    ///
    /// - Note: OpenDML AVI files (over 1 GB) keep their main index in the header; recorders and FFmpeg
    ///   still write an `idx1` for the first RIFF list, which is what this checks.
    static func hasLegacyIndex(path: String) -> Bool? {
        guard let file = FileHandle(forReadingAtPath: path) else {
            return nil
        }
        defer { try? file.close() }
        guard let header = try? file.read(upToCount: 12), header.count == 12,
            header.prefix(4) == Data("RIFF".utf8), header.suffix(4) == Data("AVI ".utf8)
        else {
            return nil
        }
        let riffEnd = 8 + UInt64(littleEndian32(header, at: 4))
        var offset: UInt64 = 12
        while offset + 8 <= riffEnd {
            guard (try? file.seek(toOffset: offset)) != nil, let chunk = try? file.read(upToCount: 8),
                chunk.count == 8
            else {
                return false
            }
            if chunk.prefix(4) == Data("idx1".utf8) {
                return true
            }
            let size = UInt64(littleEndian32(chunk, at: 4))
            offset += 8 + size + (size & 1)
        }
        return false
    }

    private static func littleEndian32(_ data: Data, at index: Int) -> UInt32 {
        let bytes = Array(data)
        return UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
            | UInt32(bytes[index + 3]) << 24
    }
}
