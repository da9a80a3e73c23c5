import CSQLite

/// An error from the catalog: what failed, SQLite's own reason, and the statement involved.
public struct CatalogError: Error, CustomStringConvertible, Sendable {
    /// SQLite's extended result code, or 0 for errors found by custody itself.
    public var code: Int32

    /// What custody was doing, e.g. "open the catalog '/var/lib/custody/catalog.sqlite'".
    public var operation: String

    /// SQLite's message (`sqlite3_errmsg`), or custody's own reason.
    public var reason: String

    /// The SQL being run, when there was one.
    public var sql: String?

    public init(code: Int32, operation: String, reason: String, sql: String? = nil) {
        self.code = code
        self.operation = operation
        self.reason = reason
        self.sql = sql
    }

    public var description: String {
        var text = "cannot \(operation): \(reason)"
        if code == SQLITE_BUSY || code & 0xff == SQLITE_BUSY {
            text += "; another custody process holds the catalog, try again when it has finished"
        } else if code & 0xff == SQLITE_FULL {
            text += "; the disk holding the catalog is full"
        } else if code & 0xff == SQLITE_READONLY || code & 0xff == SQLITE_CANTOPEN || code & 0xff == SQLITE_PERM {
            text += "; check that the catalog's folder exists and is writable by this user"
        }
        return text
    }
}
