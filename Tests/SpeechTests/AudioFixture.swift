import Foundation

// MARK: - AudioFixture

/// Makes real audio for the speech tests with espeak-ng and the ffmpeg CLI, in a fresh temporary folder.
///
/// Media's own decoder is written separately; these tests use the ffmpeg CLI only to make their inputs, decoded to
/// raw Float32 mono PCM at 16 kHz (`-f f32le -ac 1 -ar 16000`).
final class AudioFixture {
    static let rate = 16_000

    /// True when both espeak-ng and ffmpeg are on the PATH; the tests that need them are skipped otherwise.
    static let toolsAvailable: Bool = ["espeak-ng", "ffmpeg"].allSatisfy { tool in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("custody-speech-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Sources

    /// Speech by espeak-ng in `voice` (e.g. "en", "cmn"), with the leading and trailing silence cut off, at 16 kHz.
    func speech(_ text: String, voice: String) throws -> [Float] {
        let wav = folder.appendingPathComponent("speech-\(UUID().uuidString).wav").path
        try run("espeak-ng", ["-v", voice, "-w", wav, text])
        return trimSilence(try decode(wav))
    }

    /// `seconds` of audio from an ffmpeg lavfi source graph such as `anoisesrc=color=pink`.
    func lavfi(_ graph: String, seconds: Double) throws -> [Float] {
        let raw = folder.appendingPathComponent("lavfi-\(UUID().uuidString).f32").path
        try run(
            "ffmpeg",
            [
                "-v", "error", "-y", "-f", "lavfi", "-i", graph, "-t", String(seconds), "-f", "f32le",
                "-ac", "1", "-ar", String(Self.rate), raw,
            ])
        return try read(raw)
    }

    /// `samples` sent through G.711 µ-law at 8 kHz, as a narrowband recorder would store them, and back to 16 kHz.
    func throughMuLaw(_ samples: [Float]) throws -> [Float] {
        let raw = folder.appendingPathComponent("mulaw-in-\(UUID().uuidString).f32").path
        let wav = folder.appendingPathComponent("mulaw-\(UUID().uuidString).wav").path
        try write(samples, to: raw)
        try run(
            "ffmpeg",
            [
                "-v", "error", "-y", "-f", "f32le", "-ar", String(Self.rate), "-ac", "1", "-i", raw,
                "-ar", "8000", "-c:a", "pcm_mulaw", wav,
            ])
        return try decode(wav)
    }

    /// `samples` (16 kHz) resampled by ffmpeg to `rate`.
    func resampled(_ samples: [Float], to rate: Int) throws -> [Float] {
        let input = folder.appendingPathComponent("resample-in-\(UUID().uuidString).f32").path
        let output = folder.appendingPathComponent("resample-out-\(UUID().uuidString).f32").path
        try write(samples, to: input)
        try run(
            "ffmpeg",
            [
                "-v", "error", "-y", "-f", "f32le", "-ar", String(Self.rate), "-ac", "1", "-i", input, "-f", "f32le",
                "-ar", String(rate), output,
            ]
        )
        return try read(output)
    }

    // MARK: - Mixing

    /// Silence of the given length.
    static func silence(_ seconds: Double) -> [Float] {
        [Float](repeating: 0, count: Int(seconds * Double(rate)))
    }

    /// `samples` scaled so that their RMS level is `dbfs` dB relative to full scale.
    static func atLevel(_ samples: [Float], dbfs: Double) -> [Float] {
        let power = samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(samples.count, 1))
        let gain = Float((pow(10, dbfs / 10) / max(power, 1e-30)).squareRoot())
        return samples.map { $0 * gain }
    }

    /// Speech power over its loud part (frames within 30 dB of the loudest), as a stand-in for its active level.
    static func activePower(_ samples: [Float]) -> Double {
        let frame = 320
        let powers = stride(from: 0, to: samples.count - frame, by: frame).map { start in
            samples[start..<start + frame].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(frame)
        }
        let loudest = powers.max() ?? 0
        let active = powers.filter { $0 > loudest * 1e-3 }
        return active.reduce(0, +) / Double(max(active.count, 1))
    }

    /// `noise` scaled so that `speech` (active level) stands `snr` dB above it, and the two added.
    static func mix(speech: [Float], noise: [Float], snr: Double) -> [Float] {
        let noisePower = noise.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(noise.count, 1))
        let gain = Float((activePower(speech) / pow(10, snr / 10) / max(noisePower, 1e-30)).squareRoot())
        return (0..<max(speech.count, noise.count)).map { index in
            (index < speech.count ? speech[index] : 0) + (index < noise.count ? noise[index] * gain : 0)
        }
    }

    // MARK: - Files and processes

    private func decode(_ path: String) throws -> [Float] {
        let raw = folder.appendingPathComponent("decoded-\(UUID().uuidString).f32").path
        try run("ffmpeg", ["-v", "error", "-y", "-i", path, "-f", "f32le", "-ac", "1", "-ar", String(Self.rate), raw])
        return try read(raw)
    }

    private func read(_ path: String) throws -> [Float] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    private func write(_ samples: [Float], to path: String) throws {
        try samples.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: path))
    }

    private func trimSilence(_ samples: [Float]) -> [Float] {
        let frame = 160
        let loud = stride(from: 0, to: samples.count - frame, by: frame).filter { start in
            let power = samples[start..<start + frame].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(frame)
            return power > 3e-5  // -45 dBFS
        }
        guard let first = loud.first, let last = loud.last else { return samples }
        return Array(samples[first..<last + frame])
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(tool: tool, arguments: arguments, message: String(decoding: message, as: UTF8.self))
        }
    }
}

// MARK: - FixtureError

/// A tool that makes test audio failed.
struct FixtureError: Error, CustomStringConvertible {
    var tool: String
    var arguments: [String]
    var message: String

    var description: String {
        "cannot make test audio: \(tool) \(arguments.joined(separator: " ")) failed: \(message)"
    }
}
