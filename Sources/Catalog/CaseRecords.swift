import Foundation

// MARK: - Recorders and handlers

/// How a recorder's clock must be read, and who it is issued to now.
public struct RecorderSettings: Sendable, Equatable {
    public var serial: String
    /// `utc` (the clock is right), `local` (it writes station time where UTC is meant) or a fixed offset such as
    /// `+08:00`.
    public var clock: String
    /// `start` when the recorder stamps a recording with its start, `end` when with its end.
    public var stamps: String
    /// The handler's badge in force now, from the latest assignment or, failing one, the latest file name.
    public var handler: String?
    public var firstSeen: Date
    public var lastDocked: Date?
}

/// A recorder issued to a handler from a given time on.
public struct HandlerAssignment: Sendable, Equatable {
    public var recorder: String
    public var handler: String
    public var from: Date
    public var setBy: String
    public var setAt: Date

    public init(recorder: String, handler: String, from: Date, setBy: String, setAt: Date) {
        self.recorder = recorder
        self.handler = handler
        self.from = from
        self.setBy = setBy
        self.setAt = setAt
    }
}

// MARK: - Cases

/// A case number with its party and handler.
public struct CaseRecord: Sendable, Equatable {
    public var number: String
    public var party: String
    /// The handler's badge.
    public var handler: String
    public var title: String?
    public var opened: Date
    /// When the case ended; nil while it is open.
    public var ended: Date?

    public init(number: String, party: String, handler: String, title: String?, opened: Date, ended: Date? = nil) {
        self.number = number
        self.party = party
        self.handler = handler
        self.title = title
        self.opened = opened
        self.ended = ended
    }
}

/// A case a clip is tied to, with what its label shows.
public struct CaseTie: Sendable, Equatable {
    public var number: String
    public var party: String
    public var handler: String
    public var ended: Date?

    public init(number: String, party: String, handler: String, ended: Date?) {
        self.number = number
        self.party = party
        self.handler = handler
        self.ended = ended
    }
}

/// One way clips are tied to a case: a recorder's or a handler's clips starting inside a time window, or one clip.
public struct CaseAssignment: Sendable, Equatable {
    /// What `value` names.
    public enum Kind: String, Sendable {
        case recorder, handler, clip
    }

    public var caseNumber: String
    public var kind: Kind
    /// A recorder serial, a handler's badge or a clip's SHA-256.
    public var value: String
    /// The window, from inclusive to exclusive; nil for one clip.
    public var from: Date?
    public var to: Date?

    public init(caseNumber: String, kind: Kind, value: String, from: Date? = nil, to: Date? = nil) {
        self.caseNumber = caseNumber
        self.kind = kind
        self.value = value
        self.from = from
        self.to = to
    }

    /// Whether a clip of this recorder and handler, starting at `start`, falls under this assignment.
    public func covers(sha256: String, recorder: String, handler: String?, start: Date?) -> Bool {
        switch kind {
        case .clip: return sha256 == value
        case .recorder, .handler:
            guard let start, let from, let to, start >= from, start < to else { return false }
            return kind == .recorder ? recorder == value : handler == value
        }
    }
}

// MARK: - History, holds and purges

/// One change of a tag: who changed what, when, from which value to which.
public struct TagChange: Sendable, Equatable {
    public var at: Date
    public var by: String
    /// A clip's SHA-256, a case number or a recorder serial.
    public var subject: String
    public var field: String
    public var old: String?
    public var new: String?

    public init(at: Date, by: String, subject: String, field: String, old: String?, new: String?) {
        self.at = at
        self.by = by
        self.subject = subject
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A hold that suspends deletion of a case's clips or of one clip.
public struct HoldRecord: Sendable, Equatable {
    public var id: Int64
    /// A case number or a clip's SHA-256.
    public var subject: String
    public var reason: String
    public var placedBy: String
    public var placed: Date
    public var releasedBy: String?
    public var released: Date?
}

/// An original deleted from the store after its retention date.
public struct PurgeRecord: Sendable, Equatable {
    public var clip: Int64
    public var sha256: String
    public var storedPath: String
    public var retainUntil: Date
    public var purged: Date
    public var purgedBy: String

    public init(clip: Int64, sha256: String, storedPath: String, retainUntil: Date, purged: Date, purgedBy: String) {
        self.clip = clip
        self.sha256 = sha256
        self.storedPath = storedPath
        self.retainUntil = retainUntil
        self.purged = purged
        self.purgedBy = purgedBy
    }
}
