import Glibc
import Testing

@testable import Vault

@Suite("VaultError")
struct VaultErrorTests {
    @Test(
        "Each errno maps to the code a person acts on, by the side of the copy it happened on",
        arguments: [
            (EIO, VaultError.Side.source, VaultError.Code.sourceRemoved),
            (ENODEV, .source, .sourceRemoved),
            (ENXIO, .source, .sourceRemoved),
            (ESTALE, .source, .sourceRemoved),
            (ENOTCONN, .source, .sourceRemoved),
            (ENOENT, .source, .sourceUnreadable),
            (EACCES, .source, .sourceUnreadable),
            (ENOSPC, .store, .storeFull),
            (EDQUOT, .store, .storeFull),
            (EACCES, .store, .storeNotWritable),
            (EPERM, .store, .storeNotWritable),
            (EROFS, .store, .storeNotWritable),
            (ENOENT, .store, .notFound),
            (EIO, .store, .storeFailed),
        ]
    )
    func mapping(number: Int32, side: VaultError.Side, code: VaultError.Code) {
        let error = VaultError.system(number, call: "read", path: "/x", side: side, action: "copy")
        #expect(error.code == code)
        #expect(error.errno == number)
    }

    @Test("A volume removed mid-copy reads as one line with the size copied and what happens next")
    func volumeRemoved() {
        let error = VaultError.system(
            EIO, call: "read", path: "/media/R0042/DCIM/FILE0003.MP4", side: .source, action: "copy",
            bytesDone: 27_049_999)
        #expect(
            error.description
                == "cannot copy '/media/R0042/DCIM/FILE0003.MP4': the volume was removed after 27.0 MB "
                + "(read: Input/output error); the clip will be copied again at the next dock")
        #expect(error.bytesDone == 27_049_999)
    }

    @Test("A full store says how much was written, how much the clip needs, and where to make room")
    func storeFull() {
        let error = VaultError.system(
            ENOSPC, call: "write", path: "/media/R0042/FILE0003.MP4", side: .store, action: "copy",
            bytesDone: 1_040_000, bytesNeeded: 3_000_000, store: "/var/lib/custody/store")
        #expect(
            error.message
                == "the store is full after 1.0 MB of 3.0 MB (write: No space left on device); free at least 3.0 MB "
                + "in '/var/lib/custody/store' and the clip will be copied at the next dock")
    }

    @Test("Megabytes are decimal with one rounded decimal")
    func megabyteText() {
        #expect(megabytes(0) == "0.0 MB")
        #expect(megabytes(49_999) == "0.0 MB")
        #expect(megabytes(50_000) == "0.1 MB")
        #expect(megabytes(27_049_999) == "27.0 MB")
        #expect(megabytes(2_147_483_648) == "2147.5 MB")
    }
}
