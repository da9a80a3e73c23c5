import Calendar
import Catalog
import Foundation
import Reports

/// Changes the tags of stored originals (recorder clock and handler, cases) and keeps what follows from them in
/// step: corrected starts, clock suspicions, ties to cases, retention dates, the tag history and the label beside
/// each original.
///
/// After a change, the ties, retention date and label of every clip it can touch (the recorder's clips, the case's
/// clips, the clips inside an assignment's window) are worked out again from the catalog, in one transaction; the
/// labels are written after the commit. The stored original is never touched.
public final class Tagging {
    let settings: Settings
    let catalog: Catalog
    let labels: LabelWriter
    /// Labels to write once the change they follow from is committed.
    private var pendingLabels: [Label] = []

    public init(settings: Settings, catalog: Catalog) {
        self.settings = settings
        self.catalog = catalog
        labels = LabelWriter(store: settings.store)
    }

    var retention: Retention {
        Retention(caseYears: settings.retentionCaseYears, patrolMonths: settings.retentionPatrolMonths)
    }

    var clockCheck: ClockCheck {
        ClockCheck(stationZone: settings.timeZone, tolerance: settings.clockToleranceSeconds)
    }

    // MARK: - Recorders

    /// Sets a recorder's handler (from a time on), its clock and what it stamps, then corrects its clips.
    public func setRecorder(
        _ serial: String, handler: String?, name: String?, from: Date, clock: RecorderClock.Zone?, stampsEnd: Bool?,
        by: String, now: Date = Date()
    ) throws {
        try changing {
            let before = try catalog.recorderSettings(now: from).first { $0.serial == serial }
            try catalog.setRecorderClock(
                serial, clock: clock.map(RecorderClock.text), stamps: stampsEnd.map { $0 ? "end" : "start" }, at: now)
            if let clock, before?.clock != RecorderClock.text(clock) {
                try catalog.recordChange(
                    TagChange(
                        at: now, by: by, subject: serial, field: "clock", old: before?.clock ?? "utc",
                        new: RecorderClock.text(clock)))
            }
            if let stampsEnd, before?.stamps != (stampsEnd ? "end" : "start") {
                try catalog.recordChange(
                    TagChange(
                        at: now, by: by, subject: serial, field: "stamps", old: before?.stamps ?? "start",
                        new: stampsEnd ? "end" : "start"))
            }
            if let handler {
                let old = try catalog.handlerInForce(recorder: serial, at: from)
                try catalog.assignHandler(
                    HandlerAssignment(recorder: serial, handler: handler, from: from, setBy: by, setAt: now))
                try catalog.recordChange(
                    TagChange(
                        at: now, by: by, subject: serial, field: "handler from \(Timestamps.utc(from))", old: old,
                        new: handler))
                if let name {
                    try catalog.setHandlerName(badge: handler, name: name)
                }
            }
            try correctClocks(recorder: serial)
            try refresh(try catalog.clips(ClipFilter(recorder: serial)), by: by, now: now)
        }
    }

    /// Works out again the start and clock suspicion of a recorder's clips (or every clip) from their raw values.
    func correctClocks(recorder: String?) throws {
        let clocks = Dictionary(
            try catalog.recorderSettings().map {
                ($0.serial, RecorderClock(zone: RecorderClock.zone($0.clock) ?? .utc, stampsEnd: $0.stamps == "end"))
            }, uniquingKeysWith: { first, _ in first })
        for clip in try catalog.clips(ClipFilter(recorder: recorder)) {
            let corrected = clockCheck.correct(clip, clock: clocks[clip.recorder] ?? RecorderClock())
            if corrected.start != clip.start || corrected.suspect != clip.clockSuspect {
                try catalog.setClipTime(clip: clip.id, start: corrected.start, clockSuspect: corrected.suspect)
            }
        }
    }

    // MARK: - Ingest

    /// Called by the ingest right after a clip is inserted: corrects its start for its recorder's clock, ties it
    /// to the cases whose assignments cover it, sets its retention date and writes its label.
    public func clipInserted(_ sha256: String, now: Date = Date()) throws {
        try changing {
            guard var clip = try catalog.clip(sha256: sha256) else { return }
            clip = try correctClock(clip)
            let cases = try catalog.cases()
            let wanted = Set(
                try catalog.assignments().filter {
                    $0.covers(sha256: clip.sha256, recorder: clip.recorder, handler: clip.handler, start: clip.start)
                }.map(\.caseNumber))
            for number in wanted.sorted() where cases.contains(where: { $0.number == number }) {
                try catalog.setTie(case: number, clip: clip.id, tied: true)
                try catalog.recordChange(
                    TagChange(at: now, by: "ingest", subject: clip.sha256, field: "case", old: nil, new: number))
            }
            clip = try catalog.clip(sha256: sha256) ?? clip
            try settle(clip)
        }
    }

    /// Tags the clips that have never been tagged (stored by a custody from before tagging, in a catalog migrated
    /// since): corrects their starts, ties them to the cases whose assignments cover them, works out their
    /// retention and writes their labels.
    /// - Returns: how many clips were tagged.
    @discardableResult
    public func catchUp(now: Date = Date()) throws -> Int {
        let waiting = try catalog.untaggedClips()
        guard !waiting.isEmpty else { return 0 }
        try changing {
            var clips: [ClipRecord] = []
            for sha256 in waiting {
                if let clip = try catalog.clip(sha256: sha256) { clips.append(try correctClock(clip)) }
            }
            try refresh(clips, by: "catch-up", now: now)
        }
        return waiting.count
    }

    /// Stores a clip's start corrected for its recorder's clock, and its clock suspicion; returns the clip as stored.
    private func correctClock(_ clip: ClipRecord) throws -> ClipRecord {
        let setting = try catalog.recorderSettings().first { $0.serial == clip.recorder }
        let clock = RecorderClock(
            zone: setting.flatMap { RecorderClock.zone($0.clock) } ?? .utc, stampsEnd: setting?.stamps == "end")
        let corrected = clockCheck.correct(clip, clock: clock)
        try catalog.setClipTime(clip: clip.id, start: corrected.start, clockSuspect: corrected.suspect)
        return try catalog.clip(sha256: clip.sha256) ?? clip
    }

    // MARK: - Cases

    /// Opens a case.
    public func openCase(_ record: CaseRecord, by: String) throws {
        try changing {
            if try catalog.caseRecord(record.number) != nil {
                throw TaggingError("case \(record.number) is already open; see 'custody case show \(record.number)'")
            }
            try catalog.openCase(record)
            try catalog.recordChange(
                TagChange(
                    at: record.opened, by: by, subject: record.number, field: "opened", old: nil, new: record.party))
        }
    }

    /// Records the end of a case; its clips are then kept for the case years from that day.
    public func closeCase(_ number: String, ended: Date, by: String, now: Date = Date()) throws {
        try changing {
            let record = try existingCase(number)
            try catalog.setCaseEnded(number, ended: ended)
            try catalog.recordChange(
                TagChange(
                    at: now, by: by, subject: number, field: "ended", old: record.ended.map(Timestamps.utc),
                    new: Timestamps.utc(ended)))
            try refresh(try catalog.clips(ClipFilter(caseNumber: number)), by: by, now: now)
        }
    }

    /// Ties clips to a case: a recorder's or handler's clips inside a window, or one clip.
    public func assign(_ assignment: CaseAssignment, by: String, now: Date = Date()) throws {
        try changing {
            _ = try existingCase(assignment.caseNumber)
            if assignment.kind == .clip, try catalog.clip(sha256: assignment.value) == nil {
                throw TaggingError(
                    "there is no clip with SHA-256 \(assignment.value) in the catalog; see 'custody clips'")
            }
            if try catalog.addAssignment(assignment) {
                try catalog.recordChange(
                    TagChange(
                        at: now, by: by, subject: assignment.caseNumber, field: "assign",
                        old: nil, new: Tagging.describe(assignment)))
            }
            try refresh(try affected(by: assignment), by: by, now: now)
        }
    }

    /// Removes what `assign` added; the clips' retention dates stay as late as they were.
    public func unassign(_ assignment: CaseAssignment, by: String, now: Date = Date()) throws {
        try changing {
            _ = try existingCase(assignment.caseNumber)
            guard try catalog.removeAssignment(assignment) else {
                throw TaggingError(
                    "case \(assignment.caseNumber) has no assignment \(Tagging.describe(assignment)); "
                        + "see 'custody case show \(assignment.caseNumber)'")
            }
            try catalog.recordChange(
                TagChange(
                    at: now, by: by, subject: assignment.caseNumber, field: "assign", old: Tagging.describe(assignment),
                    new: nil))
            try refresh(try affected(by: assignment), by: by, now: now)
        }
    }

    func existingCase(_ number: String) throws -> CaseRecord {
        guard let record = try catalog.caseRecord(number) else {
            throw TaggingError("there is no case \(number); open it with 'custody case open \(number) …'")
        }
        return record
    }

    static func describe(_ assignment: CaseAssignment) -> String {
        switch assignment.kind {
        case .clip: return "clip \(assignment.value)"
        case .recorder, .handler:
            return "\(assignment.kind.rawValue) \(assignment.value) from "
                + "\(assignment.from.map(Timestamps.utc) ?? "-") to \(assignment.to.map(Timestamps.utc) ?? "-")"
        }
    }

    // MARK: - Keeping everything in step

    /// The clips an assignment can tie or untie: those it covers and those tied to its case now.
    func affected(by assignment: CaseAssignment) throws -> [ClipRecord] {
        var filter = ClipFilter(since: assignment.from, until: assignment.to)
        if assignment.kind == .recorder { filter.recorder = assignment.value }
        let covered =
            assignment.kind == .clip
            ? try catalog.clip(sha256: assignment.value).map { [$0] } ?? []
            : try catalog.clips(filter)
        let tied = try catalog.clips(ClipFilter(caseNumber: assignment.caseNumber))
        var seen = Set<Int64>()
        return (covered + tied).filter { seen.insert($0.id).inserted }
    }

    /// Works out the given clips' ties from the assignments, records each change, then settles retention and labels.
    func refresh(_ clips: [ClipRecord], by: String, now: Date) throws {
        let assignments = try catalog.assignments()
        for clip in clips {
            let wanted = Set(
                assignments.filter {
                    $0.covers(sha256: clip.sha256, recorder: clip.recorder, handler: clip.handler, start: clip.start)
                }.map(\.caseNumber))
            let have = Set(clip.cases.map(\.number))
            for number in wanted.subtracting(have).sorted() {
                try catalog.setTie(case: number, clip: clip.id, tied: true)
                try catalog.recordChange(
                    TagChange(at: now, by: by, subject: clip.sha256, field: "case", old: nil, new: number))
            }
            for number in have.subtracting(wanted).sorted() {
                try catalog.setTie(case: number, clip: clip.id, tied: false)
                try catalog.recordChange(
                    TagChange(at: now, by: by, subject: clip.sha256, field: "case", old: number, new: nil))
            }
            let updated = wanted == have ? clip : (try catalog.clip(sha256: clip.sha256) ?? clip)
            try settle(updated)
        }
    }

    /// Runs one change in one catalog transaction, then writes the labels it changed. A label that cannot be
    /// written leaves the catalog changed; the next change of any tag writes it again.
    func changing<T>(_ body: () throws -> T) throws -> T {
        pendingLabels = []
        let result: T
        do {
            result = try catalog.inTransaction(body)
        } catch {
            pendingLabels = []
            throw error
        }
        let labels = pendingLabels
        pendingLabels = []
        for label in labels {
            try self.labels.write(label)
        }
        return result
    }

    /// Raises a clip's retention date to what its cases ask for, and queues its label to be rewritten if it changed.
    func settle(_ clip: ClipRecord) throws {
        if clip.purged == nil {
            pendingLabels.append(
                Label(clip: clip, handlerName: try clip.handler.flatMap(catalog.handlerName(badge:))))
        }
        // While a case is open the clip has no end of retention; the patrol period is still stored as the floor.
        let patrol = retention.retainUntil(
            recorded: clip.start ?? clip.ingested, caseEnded: nil, caseOpen: false, ingested: clip.ingested,
            timeZone: settings.timeZone)
        try catalog.raiseRetention(clip: clip.id, to: retainUntil(clip) ?? patrol ?? clip.ingested)
    }

    /// The retention date the clip's cases and recording ask for now; nil while a case it is tied to is open.
    func retainUntil(_ clip: ClipRecord) -> Date? {
        if clip.cases.contains(where: { $0.ended == nil }) { return nil }
        let ended = clip.cases.compactMap(\.ended).max()
        return retention.retainUntil(
            recorded: clip.start ?? clip.ingested, caseEnded: ended, caseOpen: false, ingested: clip.ingested,
            timeZone: settings.timeZone)
    }
}

/// A tag change custody refuses; the text says why and what to do.
public struct TaggingError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
