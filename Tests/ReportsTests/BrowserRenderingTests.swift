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

/// The width and height in a PNG's IHDR chunk; nil when the data is not a PNG.
func pngHeader(_ data: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](data.prefix(24))
    guard bytes.count == 24, bytes[0...7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
    func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (word(16), word(20))
}
