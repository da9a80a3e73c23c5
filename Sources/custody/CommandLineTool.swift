import Catalog
import Custody
import Dock
import Foundation
import Reports

/// Runs one subcommand and turns its outcome into an exit status and at most one `error:` line.
enum CommandLineTool {
    static let usageStatus: Int32 = 64

    static func run(_ words: [String]) async -> Int32 {
        guard let command = words.first, command != "--help", command != "-h", command != "help" else {
            say(Help.overview, terminator: "")
            return words.isEmpty ? usageStatus : 0
        }
        if command == "--version" || command == "version" {
            say(Help.version)
            return 0
        }
        let rest = Array(words.dropFirst())
        do {
            switch command {
            case "ingest": return try await IngestCommand.run(rest)
            case "daemon": return try await DaemonCommand.run(rest)
            case "clips": return try ClipsCommand.run(rest)
            case "recorder": return try RecorderCommand.run(rest)
            case "case": return try CaseCommand.run(rest)
            case "history": return try HistoryCommand.run(rest)
            case "hold": return try HoldCommand.run(rest, release: false)
            case "release": return try HoldCommand.run(rest, release: true)
            case "purge": return try PurgeCommand.run(rest)
            case "probe": return try ProbeCommand.run(rest)
            case "calendar": return try CalendarCommand.run(rest)
            case "deadlines": return try DeadlinesCommand.run(rest)
            case "gaps": return try GapsCommand.run(rest)
            case "explain": return try ExplainCommand.run(rest)
            default:
                throw UsageError("unknown command '\(command)'; see 'custody --help'")
            }
        } catch let error as UsageError {
            printError(error.description)
            return usageStatus
        } catch {
            printError(String(describing: error))
            return 1
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}

/// Writes to standard output at once, unbuffered, so lines reach a pipe in order with standard error.
func say(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((text + terminator).utf8))
}
