import Custody

/// The words after a subcommand: options (`--name value`, `--name=value`, flags) and positional arguments.
///
/// Parsing checks every option against the subcommand's list before anything runs; a mistake is a
/// `UsageError` that names the option and the subcommand's help.
struct Arguments {
    /// An option a subcommand accepts.
    struct Option {
        var name: String
        var takesValue: Bool
        var help: String
    }

    private(set) var values: [(name: String, value: String)] = []
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    init(_ words: [String], options: [Option], command: String) throws(UsageError) {
        var index = 0
        var onlyPositional = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositional || !word.hasPrefix("-") || word == "-" {
                positional.append(word)
                continue
            }
            if word == "--" {
                onlyPositional = true
                continue
            }
            let name: String
            var inlineValue: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[word.index(word.startIndex, offsetBy: 2)..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            } else {
                name = word.hasPrefix("--") ? String(word.dropFirst(2)) : (word == "-h" ? "help" : word)
            }
            guard word.hasPrefix("--") || word == "-h", let option = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option '\(word)' for 'custody \(command)'; see 'custody \(command) --help'")
            }
            if option.takesValue {
                if let inlineValue {
                    values.append((name, inlineValue))
                } else {
                    guard index < words.count else {
                        throw UsageError("option '--\(name)' needs a value; see 'custody \(command) --help'")
                    }
                    values.append((name, words[index]))
                    index += 1
                }
            } else {
                guard inlineValue == nil else { throw UsageError("option '--\(name)' takes no value") }
                flags.insert(name)
            }
        }
    }

    /// The last value given for an option.
    func value(_ name: String) -> String? {
        values.last(where: { $0.name == name })?.value
    }

    /// Every value given for a repeatable option, in order.
    func all(_ name: String) -> [String] {
        values.filter { $0.name == name }.map(\.value)
    }

    func has(_ name: String) -> Bool {
        flags.contains(name)
    }
}
