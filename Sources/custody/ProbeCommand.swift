import Custody
import Foundation
import Media

/// `custody probe FILE...`: what libavformat tells custody about clips, without storing anything.
enum ProbeCommand {
    static let options: [Arguments.Option] = [
        .init(name: "help", takesValue: false, help: "show this help"),
        .init(name: "format", takesValue: true, help: "table or json (default table)"),
    ]

    static func run(_ words: [String]) throws -> Int32 {
        let arguments = try Arguments(words, options: options, command: "probe")
        if arguments.has("help") {
            say(
                Help.command(
                    "probe FILE... [--format table|json]",
                    "Shows what custody reads from each clip with libavformat: container, streams, durations from\n"
                        + "packet timestamps, creation_time, whether it is finalised or truncated, timestamp jumps.\n"
                        + "Reads the files only; stores and indexes nothing.", options: options), terminator: "")
            return 0
        }
        let format = arguments.value("format") ?? "table"
        guard format == "table" || format == "json" else {
            throw UsageError("unknown format '\(format)'; use table or json")
        }
        guard !arguments.positional.isEmpty else {
            throw UsageError("'custody probe' needs at least one FILE; see 'custody probe --help'")
        }

        let prober = Prober()
        var failures = 0
        var objects: [String] = []
        for path in arguments.positional {
            do {
                let probe = try prober.probe(path)
                if format == "json" {
                    objects.append(try json(probe, path: path))
                } else {
                    say(table(probe, path: path))
                }
            } catch {
                failures += 1
                CommandLineTool.printError(String(describing: error))
            }
        }
        if format == "json" { say("[" + objects.joined(separator: ",\n ") + "]") }
        return failures == 0 ? 0 : 1
    }

    static func json(_ probe: ClipProbe, path: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = String(decoding: try encoder.encode(probe), as: UTF8.self)
        return "{\"path\":" + String(decoding: try encoder.encode(path), as: UTF8.self) + "," + body.dropFirst()
    }

    static func table(_ probe: ClipProbe, path: String) -> String {
        var lines = ["\(path)"]
        lines.append("  container  \(probe.container), \(probe.fileSize) bytes")
        lines.append("  duration   " + (probe.duration.map { String(format: "%.3f s", $0) } ?? "unknown"))
        lines.append("  created    " + (probe.rawCreationTime ?? "-"))
        for stream in probe.streams {
            var text = "  stream \(stream.index)   \(stream.kind.rawValue) \(stream.codec)"
            if let width = stream.width, let height = stream.height { text += " \(width)x\(height)" }
            if let rate = stream.frameRate { text += String(format: " %.3f fps", rate) }
            if let rate = stream.sampleRate { text += " \(rate) Hz" }
            if let channels = stream.channels { text += " \(channels) ch" }
            if let duration = stream.duration { text += String(format: ", %.3f s", duration) }
            lines.append(text)
        }
        lines.append("  finalised  " + (probe.isFinalised.map { $0 ? "yes" : "no" } ?? "not applicable"))
        lines.append(
            "  truncated  "
                + (probe.isTruncated ? probe.truncationSigns.map(\.description).joined(separator: "; ") : "no"))
        for jump in probe.jumps {
            lines.append(String(format: "  jump       at %.3f s, %.3f s skipped", jump.time, jump.length))
        }
        return lines.joined(separator: "\n")
    }
}
