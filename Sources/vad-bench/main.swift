import Foundation
import Media
import Speech

// vad-bench: runs custody's speech detector on audio for the benchmark in benchmarks/vad/.
//
// usage: vad-bench [--frames] FILE [FILE …]
// A FILE named *.f32 holds raw little-endian Float32 mono PCM at 16 kHz (made by the ffmpeg CLI). Any other FILE is
// a clip or an audio file (AAC .m4a, G.711 or PCM .wav, …) whose first 30 s are decoded with custody's own decoder
// (module Media, `AudioDecoder`), as ingest does. For each file one JSON line is printed: the file, its duration,
// the segments, the verdict and the detection time in seconds, wall clock and CPU time of the thread (reading the
// file excluded); for a decoded file also `decode_seconds` and `decode_cpu_seconds`, the same two times for
// decoding (both 0 for a .f32 file). With --frames, the per-frame measurements are printed too. The environment
// variable VAD_SETTINGS (e.g. "harmonicity=0.4,snr=2,pause=0.5,run=0.06") overrides settings, for tuning.

/// CPU time used by this thread, in seconds: unlike the wall clock, it does not count time spent waiting for a core
/// that other processes hold.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

var arguments = Array(CommandLine.arguments.dropFirst())
let printFrames = arguments.first == "--frames"
if printFrames { arguments.removeFirst() }
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: vad-bench [--frames] FILE [FILE …]\n".utf8))
    exit(64)
}

var settings = DetectorSettings()
for pair in (ProcessInfo.processInfo.environment["VAD_SETTINGS"] ?? "").split(separator: ",") {
    let parts = pair.split(separator: "=")
    guard parts.count == 2, let value = Double(parts[1]) else { continue }
    switch parts[0] {
    case "harmonicity": settings.harmonicityThreshold = value
    case "snr": settings.minimumSNR = value
    case "pause": settings.maximumPause = value
    case "run": settings.minimumVoicedRun = value
    case "frame": settings.frameDuration = value
    case "noise": settings.noiseWindow = value
    case "segment": settings.minimumSegment = value
    case "hangover": settings.hangover = value
    case "onset": settings.onsetMargin = value
    default:
        FileHandle.standardError.write(Data("error: unknown setting '\(parts[0])' in VAD_SETTINGS\n".utf8))
        exit(64)
    }
}
let detector = SpeechDetector(settings: settings)
for path in arguments {
    let samples: [Float]
    var decodeSeconds = 0.0
    var decodeCPUSeconds = 0.0
    if path.hasSuffix(".f32") {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(
                Data("error: cannot read '\(path)'; check that it exists and is readable\n".utf8))
            exit(1)
        }
        samples = data.withUnsafeBytes { raw in Array(raw.bindMemory(to: Float.self)) }
    } else {
        let decodeStarted = DispatchTime.now().uptimeNanoseconds
        let decodeStartedCPU = threadCPUSeconds()
        do {
            samples = try AudioDecoder().decode(path, from: 0, window: 30).samples
        } catch {
            FileHandle.standardError.write(Data("error: cannot decode the audio: \(error)\n".utf8))
            exit(1)
        }
        decodeCPUSeconds = threadCPUSeconds() - decodeStartedCPU
        decodeSeconds = Double(DispatchTime.now().uptimeNanoseconds - decodeStarted) / 1e9
    }
    let started = DispatchTime.now().uptimeNanoseconds
    let startedCPU = threadCPUSeconds()
    let segments = detector.segments(in: samples)
    let verdict = detector.verdict(segments: segments)
    let cpuSeconds = threadCPUSeconds() - startedCPU
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

    let list = segments.map { String(format: "[%.3f,%.3f]", $0.start, $0.duration) }.joined(separator: ",")
    let start = verdict.speechStart.map { String(format: "%.3f", $0) } ?? "null"
    var line = "{\"file\":\"\(path)\",\"duration\":\(Double(samples.count) / 16_000),\"segments\":[\(list)],"
    line += "\"spoken\":\(verdict.spoken),\"speech_start\":\(start),"
    line += String(
        format: "\"speech_seconds\":%.3f,\"detect_seconds\":%.6f,\"cpu_seconds\":%.6f,"
            + "\"decode_seconds\":%.6f,\"decode_cpu_seconds\":%.6f",
        verdict.speechSeconds,
        seconds,
        cpuSeconds,
        decodeSeconds,
        decodeCPUSeconds
    )
    if printFrames {
        let frames = detector.frames(in: samples).map {
            String(
                format: "[%.3f,%.1f,%.1f,%.3f,%.0f,%d]",
                $0.time, $0.level, $0.snr, $0.harmonicity, $0.pitch, $0.voiced ? 1 : 0
            )
        }
        line += ",\"frames\":[\(frames.joined(separator: ","))]"
    }
    print(line + "}")
}
