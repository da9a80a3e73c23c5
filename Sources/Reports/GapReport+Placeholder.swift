import Foundation

// Stand-ins for the gap report's table and HTML forms, which are written on another branch; this file is
// deleted when that branch is merged.

extension GapReport {
    /// A plain table of the gaps: id, recorder, kind, seconds, explanation.
    func renderTable(language: ReportLanguage) -> String {
        var table = TextTable(header: ["ID", "RECORDER", "KIND", "SECONDS", "EXPLANATION"])
        for row in rows {
            table.append([
                String(row.id), row.recorder, row.kind, row.seconds.map { String(format: "%.1f", $0) } ?? "-",
                row.explanation ?? "-",
            ])
        }
        return table.render()
    }

    /// The table inside a minimal HTML page.
    func renderHTML(language: ReportLanguage) -> String {
        let escaped = renderTable(language: language).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return
            "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><meta charset=\"utf-8\"><title>custody gaps</title>"
            + "<pre>\n" + escaped + "</pre></html>\n"
    }
}
