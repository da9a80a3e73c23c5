/// Decodes the four-byte backslash escapes that the kernel and udev use in names: `\ooo` in the mount table,
/// `\xHH` in udev's links. A backslash not followed by a valid escape is kept as it is.
enum BackslashEscapes {
    /// `text` with each `\` + three bytes that `decode` accepts replaced by the byte it returns.
    static func decode(_ text: some StringProtocol, _ decode: (ArraySlice<UInt8>) -> UInt8?) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x5C, index + 3 < bytes.count, let value = decode(bytes[(index + 1)...(index + 3)]) {
                out.append(value)
                index += 4
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
