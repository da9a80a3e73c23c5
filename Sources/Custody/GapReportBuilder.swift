import Catalog
import Foundation
import Reports

/// Builds the gap report from the catalog: the stored gaps with their explanations, and each recorder's clips as
/// bars with their activities' opening statements.
public enum GapReportBuilder {
    /// The report for the gaps `filter` lets through, with the bars of the clips of the recorders they belong to
    /// (every clip of those recorders inside the period, when one is given).
    public static func build(catalog: Catalog, filter: GapFilter, timeZone: TimeZone, generated: Date = Date())
        throws(CatalogError) -> GapReport
    {
        let gaps = try catalog.gaps(filter)
        let clips = try catalog.clips(ClipFilter(recorder: filter.recorder, since: filter.since, until: filter.until))
        var names: [String: String] = [:]
        for clip in try catalog.clips(ClipFilter(recorder: filter.recorder)) {
            names[clip.sha256] = clip.originalName
        }
        var openings: [String: OpeningStatementRecord] = [:]
        for opening in try catalog.openingStatements(recorder: filter.recorder) where openings[opening.clip] == nil {
            openings[opening.clip] = opening
        }

        let rows = gaps.map { gap in
            GapReport.Row(
                id: gap.id, recorder: gap.recorder, kind: gap.kind, inside: gap.inside, before: gap.before,
                after: gap.after, beforeName: names[gap.before] ?? gap.before, afterName: names[gap.after] ?? gap.after,
                start: gap.start, end: gap.end, seconds: gap.seconds, explanation: gap.explanation,
                speechStart: gap.speechStart, speechSeconds: gap.speechSeconds, note: gap.written?.note,
                noteBy: gap.written?.writtenBy, noteAt: gap.written?.writtenAt, error: gap.error)
        }
        let shownRecorders = Set(gaps.map(\.recorder))
        let bars = clips.compactMap { clip -> GapReport.Bar? in
            guard let start = clip.start, filter.unexplained == false || shownRecorders.contains(clip.recorder)
            else { return nil }
            let opening = openings[clip.sha256]
            return GapReport.Bar(
                recorder: clip.recorder, sha256: clip.sha256, name: clip.originalName, start: start,
                duration: clip.duration ?? 0, openingStatement: opening?.explanation,
                openingSpeechStart: opening?.speechStart, openingSpeechSeconds: opening?.speechSeconds,
                damaged: clip.damaged)
        }
        return GapReport(
            rows: rows, bars: bars, timeZone: timeZone, generated: generated, since: filter.since, until: filter.until)
    }

    /// Each activity's opening statement, for the recorder and period `filter` names (by when the activity opens);
    /// with `unexplained`, only the openings without a spoken statement.
    public static func openings(catalog: Catalog, filter: GapFilter, timeZone: TimeZone)
        throws(CatalogError) -> OpeningListing
    {
        var clips: [String: ClipRecord] = [:]
        for clip in try catalog.clips(ClipFilter(recorder: filter.recorder)) {
            clips[clip.sha256] = clip
        }
        let rows = try catalog.openingStatements(recorder: filter.recorder).compactMap {
            opening -> OpeningListing.Row? in
            let clip = clips[opening.clip]
            let start = clip?.start?.addingTimeInterval(opening.offset)
            if let since = filter.since, start.map({ $0 < since }) ?? true { return nil }
            if let until = filter.until, start.map({ $0 >= until }) ?? true { return nil }
            if filter.unexplained && opening.explanation == "spoken" { return nil }
            return OpeningListing.Row(
                recorder: opening.recorder, clip: opening.clip, clipName: clip?.originalName ?? opening.clip,
                offset: opening.offset, start: start, explanation: opening.explanation,
                speechStart: opening.speechStart, speechSeconds: opening.speechSeconds, error: opening.error)
        }
        return OpeningListing(rows: rows, timeZone: timeZone)
    }
}
