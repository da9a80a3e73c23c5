import Testing

@testable import Custody

@Suite("Log")
struct LogTests {
    @Test("a line is a fixed sentence with key=value data; values with spaces or quotes are quoted")
    func format() {
        let line = Log.line(
            .info, "clip stored", ["clip": "DCIM/a b.MP4", "sha256": "ab", "note": "say \"hi\""], journald: false)
        #expect(line == #"info: clip stored clip="DCIM/a b.MP4" sha256=ab note="say \"hi\"""#)
    }

    @Test("under journald a line starts with the syslog priority instead of the level's name")
    func journald() {
        #expect(
            Log.line(.warning, "damaged clip stored", ["clip": "x"], journald: true) == "<4>damaged clip stored clip=x")
    }

    @Test("a newline in a clip's name cannot start a forged line of its own")
    func controlCharactersEscaped() {
        let line = Log.line(.info, "clip stored", ["clip": "evil\nnotice: dock ingested found=0 x.ts"], journald: false)
        #expect(!line.contains("\n"))
        #expect(line == #"info: clip stored clip="evil\nnotice: dock ingested found=0 x.ts""#)
    }
}
