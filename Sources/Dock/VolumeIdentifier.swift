import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - VolumeIdentifier

/// Finds the label and UUID of the device a volume was mounted from.
///
/// It first reads udev's links in `/dev/disk/by-label` and `/dev/disk/by-uuid`. When neither names
/// the device (no udev, as in most containers), it runs `blkid -c /dev/null -o export -s LABEL -s UUID`
/// on the device, which needs read access to it (root, or the `disk` group). It never fails: what
/// cannot be found is nil.
public enum VolumeIdentifier {
    /// How long `blkid` may run before it is stopped.
    public static let blkidTimeout: Duration = .seconds(5)

    /// The identity of a mounted volume; label and UUID are nil when they cannot be found.
    public static func identify(_ entry: MountEntry) -> VolumeIdentity {
        identify(source: entry.source)
    }

    /// The identity of a device, looking for udev links under `linksRoot` (`by-label`, `by-uuid`).
    ///
    /// `blkid` runs only when `runBlkid` is true, the source is under `/dev/`, and no link names it.
    public static func identify(source: String, linksRoot: String = "/dev/disk", runBlkid: Bool = true)
        -> VolumeIdentity
    {
        guard source.hasPrefix("/") else { return VolumeIdentity(device: source, label: nil, uuid: nil) }
        let device = MountTable.resolve(source)

        let label = linkName(in: linksRoot + "/by-label", pointingTo: device)
        let uuid = linkName(in: linksRoot + "/by-uuid", pointingTo: device)
        if label != nil || uuid != nil || !runBlkid || !device.hasPrefix("/dev/") {
            return VolumeIdentity(device: device, label: label, uuid: uuid)
        }

        let probed = blkid(device)
        return VolumeIdentity(device: device, label: probed["LABEL"], uuid: probed["UUID"])
    }

    // MARK: - udev links

    /// The decoded name of the link in `folder` that resolves to `device`, or nil.
    static func linkName(in folder: String, pointingTo device: String) -> String? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        for name in ClipFinder.entryNames(in: directory) {
            if MountTable.resolve(folder + "/" + name) == device {
                return decodeUdev(name)
            }
        }
        return nil
    }

    /// Decodes udev's `\xNN` escapes in link names (`CAM\x2001` is `CAM 01`).
    static func decodeUdev(_ name: String) -> String {
        BackslashEscapes.decode(name) { escape in
            guard escape.first == 0x78 else { return nil }
            return UInt8(String(decoding: escape.dropFirst(), as: UTF8.self), radix: 16)
        }
    }

    // MARK: - blkid

    /// The `KEY=value` pairs `blkid` prints for the device; empty when it is missing, fails or hangs.
    static func blkid(_ device: String) -> [String: String] {
        let candidates = ["/usr/sbin/blkid", "/sbin/blkid", "/usr/bin/blkid", "/bin/blkid"]
        guard let executable = candidates.first(where: { access($0, X_OK) == 0 }) else { return [:] }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", "/dev/null", "-o", "export", "-s", "LABEL", "-s", "UUID", device]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return [:]
        }

        // blkid prints two short lines, far less than a pipe holds, so it never blocks on its output
        // while this waits for it to exit.
        let deadline = ContinuousClock.now.advanced(by: blkidTimeout)
        while process.isRunning && ContinuousClock.now < deadline {
            usleep(10_000)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return [:]
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        guard process.terminationStatus == 0 else { return [:] }
        return parseExport(String(decoding: data, as: UTF8.self))
    }

    /// Parses `blkid -o export` output, undoing its backslash escapes (`My\ Cam` is `My Cam`).
    static func parseExport(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            var value = ""
            var escaped = false
            for character in line[line.index(after: equals)...] {
                if character == "\\" && !escaped {
                    escaped = true
                    continue
                }
                escaped = false
                value.append(character)
            }
            if !value.isEmpty {
                values[String(line[..<equals])] = value
            }
        }
        return values
    }
}
