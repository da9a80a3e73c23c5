extension GapReport {
    /// The report with the names of the people who wrote explanations masked (`张*`, `J*** S****`).
    ///
    /// - Note: The text of a written explanation is the operator's own words and is shown as written; a name
    ///   inside it is not found or masked.
    public func maskingNames() -> GapReport {
        var masked = self
        masked.rows = rows.map { row in
            var row = row
            row.noteBy = NameMask.mask(row.noteBy)
            return row
        }
        return masked
    }
}

extension DeadlineReport {
    /// The report with the parties of cases masked (`张*`, `J*** S****`).
    public func maskingNames() -> DeadlineReport {
        var masked = self
        masked.caseFiles = caseFiles?.map { file in
            var file = file
            file.party = NameMask.mask(file.party)
            return file
        }
        return masked
    }
}
