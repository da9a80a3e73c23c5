import Foundation

extension Catalog {
    /// The store this catalog indexes (an absolute path), or nil before the first ingest.
    public func storeRoot() throws(CatalogError) -> String? {
        var root: String?
        try database.query("SELECT root FROM store WHERE only = 1") { row in root = row.text(0) }
        return root
    }

    /// Ties the catalog to the store at `root` (an absolute path) on its first ingest, and refuses any other store
    /// afterwards: the catalog's stored paths are relative to its store, so mixing two would point at the wrong files.
    public func claimStore(_ root: String, at time: Date = Date()) throws(CatalogError) {
        try database.transaction { () throws(CatalogError) in
            var recorded: String?
            try database.query("SELECT root FROM store WHERE only = 1") { row in recorded = row.text(0) }
            if let recorded {
                guard recorded == root else {
                    throw CatalogError(
                        code: 0, operation: "use the store '\(root)' with the catalog '\(path)'",
                        reason: "the catalog indexes the store '\(recorded)'; give --store \(recorded), "
                            + "or another --catalog for a new store")
                }
                return
            }
            try database.run(
                "INSERT INTO store (only, root, since) VALUES (1, ?1, ?2)",
                [root.sqlValue, time.timeIntervalSince1970.sqlValue])
        }
    }
}
