import Catalog
import Custody
import Foundation
import Reports

/// What the commands that change tags share: who makes the change, reading times, opening the catalog.
enum TagOptions {
    static let by = Arguments.Option(
        name: "by", takesValue: true, help: "who makes the change, for the history (default: the login name)")
    static let maskNames = Arguments.Option(
        name: "mask-names", takesValue: false, help: "show personal names as 张* or J*** S****")

    /// A case number as given, or a clip's SHA-256 in lower case as the catalog keeps it.
    static func subject(_ text: String) -> String {
        text.count == 64 && text.allSatisfy(\.isHexDigit) ? text.lowercased() : text
    }

    /// `--by`, else the login name from SUDO_USER or USER.
    static func person(_ arguments: Arguments) throws(UsageError) -> String {
        let environment = ProcessInfo.processInfo.environment
        let name = arguments.value("by") ?? environment["SUDO_USER"] ?? environment["USER"] ?? ""
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError("say who makes the change with --by NAME")
        }
        return name
    }

    /// Formats a listing as a table, JSON or CSV from rows of named cells.
    static func render(_ format: OutputFormat, header: [String], rows: [[String?]]) -> String {
        switch format {
        case .table:
            var table = TextTable(header: header.map { $0.uppercased() })
            for row in rows { table.append(row.map { $0 ?? "-" }) }
            return table.render()
        case .csv:
            return CSV.render(header: header, rows: rows.map { $0.map { $0 ?? "" } })
        case .json:
            let objects = rows.map { row in
                "{" + zip(header, row).map { JSON.string($0) + ":" + JSON.string($1) }.joined(separator: ",") + "}"
            }
            return "[" + objects.joined(separator: ",\n ") + "]\n"
        }
    }

    static func format(_ arguments: Arguments) throws(UsageError) -> OutputFormat {
        let name = arguments.value("format") ?? "table"
        guard let format = OutputFormat(rawValue: name) else {
            throw UsageError("unknown format '\(name)'; use table, json or csv")
        }
        return format
    }
}
