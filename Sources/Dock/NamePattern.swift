import Foundation

// MARK: - NamePattern

/// A clip file-name pattern, written as a template an administrator can read.
///
/// Tokens:
/// - `{serial}` the recorder serial, letters and digits; `{serial:7}` exactly 7 of them
/// - `{badge}` the handler's badge, digits; `{badge:6}` exactly 6
/// - `{yyyy}` `{MM}` `{dd}` `{hh}` `{mm}` `{ss}` the local start time (4 or 2 digits each, 24-hour clock)
/// - `{seq}` the sequence number, one or more digits; `{seq:4}` exactly 4
/// - `{*}` any text, possibly none (at most twice in a template)
///
/// Everything else is plain text, compared without regard to ASCII case (`FILE{seq}` matches
/// `file0007.mp4`). The extension (the part from the last dot) is ignored. The template must cover
/// the whole name: to allow trailing text such as `_A` or `-F`, end it with `{*}`.
/// A name whose date or time is not real (month 13, 31 April, 25 o'clock) does not match.
public struct NamePattern: Sendable, Equatable {
    /// The template as written.
    public let template: String

    let pieces: [Piece]

    /// The body-worn recorder standard: `SERIAL_BADGE_YYYYMMDDhhmmss_NNNN.EXT`, with a 7-character
    /// serial, a 6-digit badge and a sequence number of one or more digits.
    public static let standard: NamePattern = {
        // The template is a constant checked by the tests; it cannot fail to parse.
        try! NamePattern("{serial:7}_{badge:6}_{yyyy}{MM}{dd}{hh}{mm}{ss}_{seq}")
    }()

    /// Parses a template.
    ///
    /// - Throws: `DockError.Code.invalidPattern` for an empty template, an unknown or repeated token,
    ///   an unclosed brace, a bad width, more than two `{*}`, or time tokens without the date (`{hh}` needs
    ///   `{yyyy}{MM}{dd}`).
    public init(_ template: String) throws(DockError) {
        self.template = template
        self.pieces = try Self.parse(template)
    }

    /// Reads a clip file name with this pattern; nil when it does not match.
    public func match(_ fileName: String) -> ClipName? {
        let stem = Array(Self.stem(of: fileName).utf8)
        var fields = Fields()
        return matchPieces(from: 0, in: stem, at: 0, fields: &fields)
    }

    /// Reads a clip file name with the first of `patterns` that matches it; nil when none does.
    public static func match(_ fileName: String, against patterns: [NamePattern]) -> ClipName? {
        for pattern in patterns {
            if let name = pattern.match(fileName) {
                return name
            }
        }
        return nil
    }

    /// The file name without its extension; a leading dot does not start an extension.
    static func stem(of fileName: String) -> Substring {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return Substring(fileName) }
        return fileName[..<dot]
    }
}

// MARK: - Pieces

extension NamePattern {
    enum Token: String, Sendable, Equatable {
        case serial
        case badge
        case year = "yyyy"
        case month = "MM"
        case day = "dd"
        case hour = "hh"
        case minute = "mm"
        case second = "ss"
        case sequence = "seq"
        case anything = "*"

        /// Fixed width, or nil when the token takes a variable number of characters.
        var fixedWidth: Int? {
            switch self {
            case .year: 4
            case .month, .day, .hour, .minute, .second: 2
            case .serial, .badge, .sequence, .anything: nil
            }
        }

        var takesWidth: Bool { self == .serial || self == .badge || self == .sequence }

        func accepts(_ byte: UInt8) -> Bool {
            switch self {
            case .anything: true
            case .serial: Self.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            default: Self.isDigit(byte)
            }
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    }

    enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case token(Token, width: Int?)
    }

    static func parse(_ template: String) throws(DockError) -> [Piece] {
        guard !template.isEmpty else { throw DockError.pattern(template, "the template is empty") }
        var pieces: [Piece] = []
        var seen: Set<Token> = []
        var wildcards = 0
        var literal: [UInt8] = []
        var rest = Substring(template)

        while let character = rest.first {
            if character == "}" {
                throw DockError.pattern(template, "a '}' has no matching '{'")
            }
            guard character == "{" else {
                literal.append(contentsOf: Array(String(character).utf8).map(lowercasedASCII))
                rest = rest.dropFirst()
                continue
            }
            guard let close = rest.firstIndex(of: "}") else {
                throw DockError.pattern(template, "a '{' is not closed with '}'")
            }
            let body = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            let (token, width) = try parseToken(body, in: template)
            if token == .anything {
                // Each {*} multiplies the ways a name can be split; two keep matching fast on any name.
                wildcards += 1
                guard wildcards <= 2 else { throw DockError.pattern(template, "{*} may appear at most twice") }
            } else {
                guard seen.insert(token).inserted else {
                    throw DockError.pattern(template, "the token {\(token.rawValue)} appears twice")
                }
            }
            if !literal.isEmpty {
                pieces.append(.literal(literal))
                literal = []
            }
            pieces.append(.token(token, width: width))
        }
        if !literal.isEmpty {
            pieces.append(.literal(literal))
        }

        let dateTokens: Set<Token> = [.year, .month, .day]
        let timeTokens: Set<Token> = [.hour, .minute, .second]
        if !seen.isDisjoint(with: dateTokens.union(timeTokens)) && !dateTokens.isSubset(of: seen) {
            throw DockError.pattern(template, "a date needs all of {yyyy}, {MM} and {dd}")
        }
        if (seen.contains(.minute) && !seen.contains(.hour)) || (seen.contains(.second) && !seen.contains(.minute)) {
            throw DockError.pattern(template, "{mm} needs {hh}, and {ss} needs {mm}")
        }
        return pieces
    }

    static func parseToken(_ body: Substring, in template: String) throws(DockError) -> (Token, Int?) {
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let token = Token(rawValue: String(parts[0])) else {
            throw DockError.pattern(template, "{\(body)} is not a token")
        }
        guard parts.count == 2 else { return (token, nil) }
        guard token.takesWidth else {
            throw DockError.pattern(template, "{\(token.rawValue)} does not take a width")
        }
        guard let width = Int(parts[1]), (1...64).contains(width) else {
            throw DockError.pattern(template, "the width in {\(body)} must be a number from 1 to 64")
        }
        return (token, width)
    }

    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

// MARK: - Matching

extension NamePattern {
    /// The values captured so far while matching.
    struct Fields {
        var values: [Token: String] = [:]

        var clipName: ClipName? {
            var name = ClipName(serial: values[.serial], badge: values[.badge])
            if let text = values[.sequence] {
                guard let sequence = Int(text) else { return nil }
                name.sequence = sequence
            }
            if let year = values[.year].flatMap(Int.init), let month = values[.month].flatMap(Int.init),
                let day = values[.day].flatMap(Int.init)
            {
                let hour = values[.hour].flatMap(Int.init)
                let minute = values[.minute].flatMap(Int.init)
                let second = values[.second].flatMap(Int.init)
                guard Self.isReal(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
                else { return nil }
                name.localTime = DateComponents(
                    year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            }
            return name
        }

        static func isReal(year: Int, month: Int, day: Int, hour: Int?, minute: Int?, second: Int?) -> Bool {
            guard year >= 1, (1...12).contains(month) else { return false }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...lengths[month - 1]).contains(day) else { return false }
            return (0...23).contains(hour ?? 0) && (0...59).contains(minute ?? 0) && (0...59).contains(second ?? 0)
        }
    }

    /// Matches pieces from `index` on against `stem` from `position`, trying longer runs first for
    /// tokens of variable width and backing off when the rest does not match or the date is not real.
    /// Returns the clip name read at the first complete match.
    func matchPieces(from index: Int, in stem: [UInt8], at position: Int, fields: inout Fields) -> ClipName? {
        guard index < pieces.count else {
            return position == stem.count ? fields.clipName : nil
        }
        switch pieces[index] {
        case .literal(let text):
            guard position + text.count <= stem.count else { return nil }
            for (offset, byte) in text.enumerated() where Self.lowercasedASCII(stem[position + offset]) != byte {
                return nil
            }
            return matchPieces(from: index + 1, in: stem, at: position + text.count, fields: &fields)

        case .token(let token, let width):
            var run = position
            let limit = (token.fixedWidth ?? width).map { min(stem.count, position + $0) } ?? stem.count
            while run < limit && token.accepts(stem[run]) {
                run += 1
            }
            let shortest: Int
            if let exact = token.fixedWidth ?? width {
                guard run - position == exact else { return nil }
                shortest = exact
            } else {
                shortest = token == .anything ? 0 : 1
            }
            var length = run - position
            while length >= shortest {
                let saved = fields.values[token]
                if token != .anything {
                    fields.values[token] = String(decoding: stem[position..<(position + length)], as: UTF8.self)
                }
                if let name = matchPieces(from: index + 1, in: stem, at: position + length, fields: &fields) {
                    return name
                }
                fields.values[token] = saved
                length -= 1
            }
            return nil
        }
    }
}
