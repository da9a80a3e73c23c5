import Foundation
import Testing

@testable import Reports

@Suite("Masking names in reports")
struct ReportMaskingTests {
    @Test("the gap report masks who wrote each explanation and keeps everything else")
    func gapReport() {
        let row = GapReport.Row(
            id: 3, recorder: "A123456", kind: "interruption", inside: false, before: "a", after: "b",
            beforeName: "0001.MP4", afterName: "0002.MP4", start: nil, end: nil, seconds: 257, explanation: "written",
            note: "battery ran out", noteBy: "王伟", noteAt: Date(timeIntervalSince1970: 0))
        let masked = GapReport(rows: [row], bars: [], timeZone: .gmt).maskingNames()
        #expect(masked.rows[0].noteBy == "王*")
        #expect(masked.rows[0].note == "battery ran out")
        #expect(masked.rows[0].seconds == 257)
        #expect(masked.renderJSON().contains("\"note_by\":\"王*\""))
    }

    @Test("the deadline report masks the parties of cases")
    func deadlineReport() {
        let file = DeadlineReport.CaseFile(
            number: "K-2026-001", party: "Li Na", handler: "012345", ended: Date(timeIntervalSince1970: 0),
            due: Date(timeIntervalSince1970: 30 * 86400), overdue: true)
        let report = DeadlineReport(
            generated: Date(timeIntervalSince1970: 40 * 86400), timeZone: .gmt, ingestWorkingDays: 2, clips: [],
            unjudged: [], silentRecorders: [], caseFiles: [file], fallbackYears: [])
        let masked = report.maskingNames()
        #expect(masked.caseFiles?.first?.party == "L* N*")
        #expect(masked.caseFiles?.first?.number == "K-2026-001")
    }
}
