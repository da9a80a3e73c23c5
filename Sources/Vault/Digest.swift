import CCrypto

/// One running message digest in libcrypto (an EVP_MD_CTX), freed when the digest goes away.
///
/// SHA-256 goes through EVP so that libcrypto picks the CPU's SHA extensions when it has them.
final class Digest {
    private let context: OpaquePointer

    init(_ algorithm: Hash.Algorithm) throws(VaultError) {
        guard let context = EVP_MD_CTX_new() else { throw Digest.failure("EVP_MD_CTX_new") }
        self.context = context
        let method: OpaquePointer? =
            switch algorithm {
            case .sha256: EVP_sha256()
            case .sm3: EVP_sm3()
            }
        guard EVP_DigestInit_ex(context, method, nil) == 1 else { throw Digest.failure("EVP_DigestInit_ex") }
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds `count` bytes at `bytes` to the digest.
    func update(_ bytes: UnsafeRawPointer, count: Int) throws(VaultError) {
        guard EVP_DigestUpdate(context, bytes, count) == 1 else { throw Digest.failure("EVP_DigestUpdate") }
    }

    /// Ends the digest and returns it as lowercase hexadecimal. The digest cannot be updated afterwards.
    func finish() throws(VaultError) -> String {
        var bytes = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestFinal_ex(context, &bytes, &length) == 1 else { throw Digest.failure("EVP_DigestFinal_ex") }
        return hexadecimal(bytes.prefix(Int(length)))
    }

    /// The error for a failed libcrypto call, with libcrypto's own reason.
    private static func failure(_ call: String) -> VaultError {
        let code = ERR_get_error()
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        let reason = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return VaultError(
            .hashFailed,
            action: "hash",
            path: "",
            message: "libcrypto failed (\(call): \(code == 0 ? "no reason given" : reason)); "
                + "check that OpenSSL 3 and its default provider are installed"
        )
    }
}

/// Bytes as lowercase hexadecimal, two digits each.
func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
}
