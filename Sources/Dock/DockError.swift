#if canImport(Glibc)
    import Glibc
#endif

// MARK: - DockError

/// A failure while reading a volume, the mount table, or a clip-name template.
///
/// The `description` reads as one sentence a person can act on: what failed, on which path,
/// the system's own reason (`strerror`), and what to do about it. Catch by `code`.
public struct DockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; stable across releases, so callers can switch on it.
    public enum Code: String, Sendable, Equatable {
        /// The volume root (or a path on it) could not be opened or examined.
        case volumeUnreadable
        /// The mount table (`/proc/self/mountinfo`) could not be opened or read.
        case mountTableUnreadable
        /// A clip-name template is not well formed.
        case invalidPattern
    }

    /// What kind of failure this is.
    public let code: Code
    /// The path or template concerned.
    public let subject: String
    /// The system call that failed (`opendir`, `lstat`, `open`, `read`), or nil for template errors.
    public let operation: String?
    /// The reason in the system's own words (`strerror`), or the template problem.
    public let reason: String
    /// What a person can do about it.
    public let advice: String

    /// Makes an error from its parts; prefer the factories below, which fill the advice in.
    public init(code: Code, subject: String, operation: String?, reason: String, advice: String) {
        self.code = code
        self.subject = subject
        self.operation = operation
        self.reason = reason
        self.advice = advice
    }

    /// One line: `cannot read volume '/media/CAM01' (opendir): No such file or directory; check …`.
    public var description: String {
        let call = operation.map { " (\($0))" } ?? ""
        switch code {
        case .volumeUnreadable:
            return "cannot read volume '\(subject)'\(call): \(reason); \(advice)"
        case .mountTableUnreadable:
            return "cannot read the mount table '\(subject)'\(call): \(reason); \(advice)"
        case .invalidPattern:
            return "invalid clip-name template '\(subject)': \(reason); \(advice)"
        }
    }
}

// MARK: - Factories

extension DockError {
    /// The text `strerror` gives for an errno value.
    static func systemText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func volume(_ path: String, operation: String, errno code: Int32) -> DockError {
        DockError(
            code: .volumeUnreadable, subject: path, operation: operation, reason: systemText(code),
            advice: "check that the recorder is still docked and its volume is mounted readable")
    }

    static func mountTable(_ path: String, operation: String, errno code: Int32) -> DockError {
        DockError(
            code: .mountTableUnreadable, subject: path, operation: operation, reason: systemText(code),
            advice: "check that /proc is mounted and readable by the daemon's user")
    }

    static func pattern(_ template: String, _ reason: String) -> DockError {
        DockError(
            code: .invalidPattern, subject: template, operation: nil, reason: reason,
            advice: "use the tokens {serial} {badge} {yyyy} {MM} {dd} {hh} {mm} {ss} {seq} {*} and plain text")
    }
}
