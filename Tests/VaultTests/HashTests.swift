import Foundation
import Testing

@testable import Vault

@Suite("Hash")
struct HashTests {
    @Test("SHA-256 of known data equals the published digests")
    func knownData() throws {
        #expect(try Hash.sha256(data: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            try Hash.sha256(data: Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("SM3 of 'abc' equals the digest in the SM3 standard")
    func sm3() throws {
        #expect(
            try Hash.digest(data: Array("abc".utf8), algorithm: .sm3)
                == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    }

    @Test("SHA-256 of a random 20 MB file equals what sha256sum prints")
    func randomFile() throws {
        let folder = TemporaryFolder()
        let file = folder.write("random.bin", randomBytes(20_000_000))
        let (output, status) = try run("/usr/bin/sha256sum", [file])
        #expect(status == 0)
        #expect(try Hash.sha256(file: file) == String(output.prefix(64)))
    }

    @Test("Hashing a file that does not exist throws notFound with strerror's text")
    func missingFile() {
        let error = failure { _ = try Hash.sha256(file: "/nonexistent/FILE0001.MP4") }
        #expect(error?.code == .notFound)
        #expect(error?.message == "the file does not exist (open: No such file or directory)")
    }
}
