import Foundation
import Testing

@testable import Reports

/// Debian's chromium, when it is installed (scripts/install-deps.sh installs it with fonts-noto-cjk).
private let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite("GapReport in a headless browser")
struct BrowserRenderingTests {
    // Skipped where chromium is not installed: there is no browser to render the page with.
    @Test(
        "The realistic report renders in chromium: a full-size screenshot and a DOM with the timelines and the words",
        .enabled(if: chromium != nil, "chromium is not installed; run scripts/install-deps.sh"),
        arguments: ReportLanguage.allCases)
    func rendersInChromium(language: ReportLanguage) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("custody-gap-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("gaps-\(language.rawValue).html")
        let screenshot = folder.appendingPathComponent("gaps-\(language.rawValue).png")
        try SampleReports.realistic.renderHTML(language: language).write(to: page, atomically: true, encoding: .utf8)

        let shot = try Browser.run(
            ["--screenshot=\(screenshot.path)", "--window-size=1280,2000", page.absoluteString], profile: folder)
        print("screenshot (\(language.rawValue)): \(screenshot.path)")
        #expect(shot.status == 0, "chromium failed: \(shot.errors)")
        let png = try Data(contentsOf: screenshot)
        let size = pngHeader(png)
        #expect(size?.width == 1280)
        #expect(size?.height == 2000)
        // A blank 1280×2000 page compresses to a few kilobytes; text, bars and hatching take far more.
        #expect(png.count > 80_000, "screenshot is only \(png.count) bytes")

        let colours = try Browser.colours(of: screenshot, profile: folder)
        #expect(colours.count > 50, "screenshot has only \(colours.count) colours")
        // The solid fills of the markers: missing (red), spoken (green), written (blue), the clips (grey).
        #expect(colours.isSuperset(of: [0xC62828, 0x2E7D32, 0x1565C0, 0x90A4AE]))

        // Printed on A4: the overview, then each of the five recorder-days on a page of its own (or more).
        let pdf = folder.appendingPathComponent("gaps-\(language.rawValue).pdf")
        let printing = try Browser.run(
            ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], profile: folder)
        #expect(printing.status == 0, "chromium failed: \(printing.errors)")
        let pages =
            String(decoding: try Data(contentsOf: pdf), as: UTF8.self).components(separatedBy: "/Type /Page\n").count
            - 1
        #expect(pages >= 6, "\(pages) pages printed")

        let dump = try Browser.run(["--dump-dom", page.absoluteString], profile: folder)
        #expect(dump.status == 0, "chromium failed: \(dump.errors)")
        let dom = dump.output
        #expect(dom.components(separatedBy: "<svg class=\"timeline\"").count - 1 == 4)
        #expect(dom.components(separatedBy: "<rect class=\"clip").count - 1 == 13 + 3)
        #expect(!dom.contains("<script>"))
        if language == .zh {
            #expect(dom.contains("<html lang=\"zh-CN\">"))
            #expect(dom.contains("录像间隙报告"))
            #expect(dom.contains("执法过程中记录仪电量耗尽"))
            #expect(dom.contains("无开场陈述"))
        } else {
            #expect(dom.contains("<html lang=\"en\">"))
            #expect(dom.contains("no opening statement"))
        }
    }
}

/// Runs chromium headless with a throwaway profile and returns what it printed.
enum Browser {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], profile: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium ?? "/usr/bin/chromium")
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=\(profile.appendingPathComponent("profile").path)",
            ] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        process.environment = environment
        // chromium's messages go to a file, so that only standard output needs reading while it runs.
        let errorFile = profile.appendingPathComponent("chromium-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }
}

extension Browser {
    /// Every colour (0xRRGGBB) in a PNG, read by the browser itself: a page draws it on a canvas and writes them out.
    static func colours(of png: URL, profile: URL) throws -> Set<Int> {
        let page = png.deletingLastPathComponent().appendingPathComponent("colours-\(UUID().uuidString).html")
        let script = """
            <!DOCTYPE html><html><body><p id="out">pending</p><script>
            const image = new Image();
            image.onload = () => {
              const canvas = document.createElement("canvas");
              canvas.width = image.width; canvas.height = image.height;
              const context = canvas.getContext("2d");
              context.drawImage(image, 0, 0);
              const data = context.getImageData(0, 0, image.width, image.height).data;
              const colours = new Set();
              for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
              document.getElementById("out").textContent = "colours:" + Array.from(colours).join(",");
            };
            image.src = "\(png.lastPathComponent)";
            </script></body></html>
            """
        try script.write(to: page, atomically: true, encoding: .utf8)
        let result = try run(
            ["--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString],
            profile: profile)
        guard let start = result.output.range(of: "<p id=\"out\">colours:"),
            let end = result.output.range(of: "</p>", range: start.upperBound..<result.output.endIndex)
        else { return [] }
        return Set(result.output[start.upperBound..<end.lowerBound].split(separator: ",").compactMap { Int($0) })
    }
}

/// The width and height in a PNG's IHDR chunk; nil when the data is not a PNG.
func pngHeader(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0...7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
    func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
}
