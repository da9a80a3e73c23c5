import Calendar
import Catalog
import Foundation
import Reports

/// What `purge` did, or would do, with one clip.
public enum PurgeOutcome: Sendable, Equatable {
    /// The original was deleted (or, in a dry run, would be).
    case purged(sha256: String, storedPath: String)
    /// The original is kept; the reason says why.
    case kept(sha256: String, storedPath: String, reason: String)
}

extension Tagging {
    // MARK: - Holds

    /// Suspends deletion of a case's clips or of one clip until released.
    public func hold(_ subject: String, reason: String, by: String, now: Date = Date()) throws {
        try changing {
            try checkSubject(subject)
            try catalog.placeHold(subject: subject, reason: reason, by: by, at: now)
            try catalog.recordChange(TagChange(at: now, by: by, subject: subject, field: "hold", old: nil, new: reason))
        }
    }

    /// Releases the holds on a case or a clip.
    public func release(_ subject: String, by: String, now: Date = Date()) throws {
        try changing {
            try checkSubject(subject)
            let holds = try catalog.holdsInForce().filter { $0.subject == subject }
            guard !holds.isEmpty else { throw TaggingError("\(subject) is not on hold") }
            try catalog.releaseHolds(subject: subject, by: by, at: now)
            for hold in holds {
                try catalog.recordChange(
                    TagChange(at: now, by: by, subject: subject, field: "hold", old: hold.reason, new: nil))
            }
        }
    }

    private func checkSubject(_ subject: String) throws {
        if try catalog.caseRecord(subject) != nil || catalog.clip(sha256: subject) != nil { return }
        throw TaggingError("'\(subject)' is neither a case number nor a clip's SHA-256 in the catalog")
    }

    // MARK: - Purge

    /// Deletes the originals past their retention date and not on hold, recording each deletion; every other clip
    /// is kept with the reason. With `dryRun`, nothing changes.
    public func purge(dryRun: Bool, by: String, now: Date = Date()) throws -> [PurgeOutcome] {
        let holds = try catalog.holdsInForce()
        var outcomes: [PurgeOutcome] = []
        if !dryRun {
            // A purge is recorded before its original is deleted; finish any deletion an earlier purge left undone.
            for purge in try catalog.purges() {
                try delete((settings.store as NSString).appendingPathComponent(purge.storedPath))
            }
        }
        for clip in try catalog.clips() where clip.purged == nil {
            let stored = (settings.store as NSString).appendingPathComponent(clip.storedPath)
            func kept(_ reason: String) {
                outcomes.append(.kept(sha256: clip.sha256, storedPath: stored, reason: reason))
            }
            if let open = clip.cases.first(where: { $0.ended == nil }) {
                kept("it is tied to case \(open.number), which is still open")
                continue
            }
            let subjects = [clip.sha256] + clip.cases.map(\.number)
            if let hold = holds.first(where: { subjects.contains($0.subject) }) {
                kept("\(hold.subject == clip.sha256 ? "it" : "case \(hold.subject)") is on hold: \(hold.reason)")
                continue
            }
            let until = retainUntil(clip).map { target in max(target, clip.retainUntil ?? target) } ?? clip.retainUntil
            guard let until else {
                kept("its retention date is not known")
                continue
            }
            guard now >= until else {
                let lastDay = CivilDate.of(until, in: settings.timeZone).adding(days: -1)
                kept("it must be kept until \(lastDay)")
                continue
            }
            outcomes.append(.purged(sha256: clip.sha256, storedPath: stored))
            if dryRun { continue }

            try catalog.inTransaction {
                try catalog.raiseRetention(clip: clip.id, to: until)
                try catalog.recordPurge(
                    PurgeRecord(
                        clip: clip.id, sha256: clip.sha256, storedPath: clip.storedPath, retainUntil: until,
                        purged: now, purgedBy: by))
                try catalog.recordChange(
                    TagChange(
                        at: now, by: by, subject: clip.sha256, field: "purged", old: nil, new: Timestamps.utc(now)))
            }
            try delete(stored)
            if let purgedClip = try catalog.clip(sha256: clip.sha256) {
                try labels.write(
                    Label(clip: purgedClip, handlerName: try purgedClip.handler.flatMap(catalog.handlerName(badge:))))
            }
        }
        return outcomes
    }

    /// Deletes an original; one already gone is not an error.
    private func delete(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw TaggingError(
                "cannot delete the original '\(path)': \(String(cString: strerror(errno))); its purge is recorded; "
                    + "make the store's folder writable by this user and run 'custody purge' again to finish it")
        }
    }
}
