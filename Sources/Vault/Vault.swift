import Glibc

/// The evidence store: copies clips from a recorder's volume into it, byte for byte, and proves each copy.
///
/// A clip goes in in two steps. `stage(_:progress:)` reads the clip once, hashing it while writing a temporary file
/// in `<root>/.incoming`, and fsyncs it. `commit(_:as:)` moves that file to its place without ever overwriting,
/// makes it read-only, and reads it back from disk to compare hashes. Only a committed `StoredOriginal` may be
/// recorded in the catalog. A crash at any point leaves either a temporary file in `.incoming` (removed by
/// `sweepIncoming()` at start-up) or a complete original that a later commit of the same clip adopts.
///
/// - Note: the volume is never written: clips are opened read-only, with O_NOATIME when the kernel allows it.
public struct Vault: Sendable {
    /// Absolute path of the store's top folder.
    public let root: String
    /// Bytes read, hashed and written at a time.
    let blockSize: Int
    /// Runs between the rename and the read-back with the stored file's absolute path. Tests use it to damage
    /// the original so that the read-back must catch it.
    let beforeReadBack: (@Sendable (String) -> Void)?

    /// Bytes per block unless told otherwise: 1 MiB.
    ///
    /// A block small enough to stay in the CPU's L2 cache between the read, the hash and the write copied a clip
    /// about twice as fast as 8 MiB blocks in benchmarks/copy (see its README); larger blocks did not read faster.
    public static let defaultBlockSize = 1 << 20
    /// Name of the folder inside the root that holds staged copies.
    static let incomingFolder = ".incoming"
    /// Name of the folder inside the root that holds originals whose read-back failed.
    static let quarantineFolder = ".quarantine"

    /// Opens the store at `root`, creating it and its `.incoming` folder (mode 0700) when they are missing.
    ///
    /// - Throws: `VaultError` with `storeNotWritable` when the folders cannot be created.
    public init(root: String) throws(VaultError) {
        try self.init(root: root, blockSize: Vault.defaultBlockSize, beforeReadBack: nil)
    }

    /// Opens the store, reading, hashing and writing clips `blockSize` bytes at a time.
    ///
    /// Benchmarks use this to compare sizes; `defaultBlockSize` is the measured best.
    public init(root: String, blockSize: Int) throws(VaultError) {
        try self.init(root: root, blockSize: blockSize, beforeReadBack: nil)
    }

    /// Opens the store with a hook between rename and read-back (tests use it to damage the original).
    init(root: String, blockSize: Int, beforeReadBack: (@Sendable (String) -> Void)?) throws(VaultError) {
        precondition(blockSize > 0, "the block size must be positive")
        self.root = Vault.absolute(root)
        self.blockSize = blockSize
        self.beforeReadBack = beforeReadBack
        try makeFolders(root, mode: 0o700)
        try makeFolders(incoming, mode: 0o700)
    }

    /// Absolute path of `relativePath` inside the store (not checked for existence).
    public func absolutePath(_ relativePath: String) -> String {
        root == "/" ? "/" + relativePath : root + "/" + relativePath
    }

    /// Absolute path of the `.incoming` folder.
    var incoming: String { absolutePath(Vault.incomingFolder) }

    // MARK: - Fixity

    /// Re-hashes a stored original from disk and compares it with `sha256` (hexadecimal, any case).
    ///
    /// Returns false when the content differs. The file's cached pages are dropped first so that the disk, not
    /// the page cache, answers.
    /// - Throws: `VaultError` with `notFound` when the original is missing, or another code when it cannot be read.
    public func verify(_ relativePath: String, sha256: String) throws(VaultError) -> Bool {
        let path = absolutePath(relativePath)
        let found = try Hash.digest(file: path, algorithm: .sha256, fromDisk: true, blockSize: blockSize)
        return found == sha256.lowercased()
    }

    // MARK: - After a crash

    /// Removes the temporary files a crash left in `.incoming` and returns how many were removed.
    ///
    /// Call it at start-up, before any copy: nothing in `.incoming` was ever recorded, so nothing there is
    /// needed. Files that cannot be removed are left and not counted.
    public func sweepIncoming() -> Int {
        guard let folder = opendir(incoming) else { return 0 }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        var removed = 0
        for name in names where unlink(incoming + "/" + name) == 0 {
            removed += 1
        }
        if removed > 0 { _ = syncFolder(incoming) }
        return removed
    }

    // MARK: - Folders

    /// Creates `path` and its missing parents with `mode`, fsyncing the parent of each folder it creates.
    func makeFolders(_ path: String, mode: mode_t) throws(VaultError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            let parent = prefix.isEmpty ? "/" : prefix
            prefix += "/" + component
            if mkdir(prefix, mode) == 0 {
                let error = syncFolder(parent)
                if error != 0 {
                    throw VaultError.system(
                        error, call: "fsync", path: parent, side: .store, action: "open the store", store: root)
                }
                continue
            }
            let error = Glibc.errno
            var info = stat()
            if error == EEXIST && stat(prefix, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { continue }
            throw VaultError.system(
                error == EEXIST ? ENOTDIR : error, call: "mkdir", path: prefix, side: .store,
                action: "open the store", store: root)
        }
    }

    /// fsyncs a folder so that names created or removed in it are durable; returns 0 or the errno.
    func syncFolder(_ path: String) -> Int32 {
        let (opened, error) = Descriptor.open(path, flags: O_RDONLY | O_DIRECTORY)
        guard let folder = opened else { return error }
        let syncError = folder.sync()
        folder.close()
        // Some file systems cannot fsync a folder; their names are durable without it.
        return syncError == EINVAL ? 0 : syncError
    }

    /// `path` made absolute against the working folder, without a trailing slash.
    private static func absolute(_ path: String) -> String {
        var path = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
            if getcwd(&buffer, buffer.count) != nil {
                let folder = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                path = (folder == "/" ? "" : folder) + "/" + path
            }
        }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
