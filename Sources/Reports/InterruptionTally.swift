import Foundation

/// How many interruptions a set of gaps holds, how many were explained (spoken or written), and the longest.
///
/// Only gaps of kind `interruption` count, jumps inside a clip included. An interruption whose explanation is
/// `missing`, absent or unfamiliar counts as unexplained: an operator must look at it.
struct InterruptionTally: Sendable, Equatable {
    var interruptions = 0
    var spoken = 0
    var written = 0
    var unexplained = 0
    /// The longest interruption in seconds; nil when there is none or no length is known.
    var longest: Double?

    var explained: Int { spoken + written }

    init(interruptions: Int = 0, spoken: Int = 0, written: Int = 0, unexplained: Int = 0, longest: Double? = nil) {
        self.interruptions = interruptions
        self.spoken = spoken
        self.written = written
        self.unexplained = unexplained
        self.longest = longest
    }

    init(_ rows: some Sequence<GapReport.Row>) {
        for row in rows where row.kind == "interruption" {
            interruptions += 1
            switch row.explanation {
            case "spoken": spoken += 1
            case "written": written += 1
            default: unexplained += 1
            }
            if let seconds = row.seconds { longest = max(longest ?? seconds, seconds) }
        }
    }
}
