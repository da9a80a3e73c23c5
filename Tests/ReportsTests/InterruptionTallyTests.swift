import Foundation
import Testing

@testable import Reports

@Suite("InterruptionTally")
struct InterruptionTallyTests {
    @Test("Only interruptions count, jumps inside a clip included; spoken and written are explained")
    func realistic() {
        let rows = SampleReports.realistic.rows
        #expect(
            InterruptionTally(rows.filter { $0.recorder == "DSJ-0001" })
                == InterruptionTally(interruptions: 5, spoken: 1, written: 2, unexplained: 2, longest: 930))
        #expect(
            InterruptionTally(rows.filter { $0.recorder == "DSJ-0002" })
                == InterruptionTally(interruptions: 2, spoken: 1, written: 0, unexplained: 1, longest: 180))
        #expect(InterruptionTally(rows).explained == 4)
    }

    @Test("An interruption without an explanation counts as unexplained; one without a length is not the longest")
    func incomplete() {
        let rows = [
            SampleReports.row(1, "R", "interruption", "A", "B", "2026-12-01 09:00:00", nil, nil, nil),
            SampleReports.row(2, "R", "interruption", "B", "C", "2026-12-01 10:00:00", nil, 12, "spoken"),
            SampleReports.row(3, "R", "new_activity", "C", "D", "2026-12-01 12:00:00", nil, 9000, nil),
        ]
        #expect(InterruptionTally(rows) == InterruptionTally(interruptions: 2, spoken: 1, unexplained: 1, longest: 12))
        #expect(InterruptionTally([GapReport.Row]()) == InterruptionTally())
        #expect(ReportText(language: .en).summary(InterruptionTally()).hasSuffix("longest -"))
    }
}
