import CSQLite
import Glibc

/// One connection to an SQLite file, in WAL mode, with foreign keys and a busy timeout.
///
/// A `Database` is used from one thread at a time. `close()` is explicit, safe to call twice, and reports
/// a failure to close; `deinit` closes quietly if the owner forgot.
final class Database {
    private(set) var handle: OpaquePointer?
    let path: String
    private var statements: [String: Statement] = [:]

    /// Opens (creating if needed) the database at `path`.
    /// - Parameter busyTimeout: how long a statement waits for another process's lock, in milliseconds.
    init(path: String, busyTimeout: Int32 = 10_000) throws(CatalogError) {
        self.path = path
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(handle)
            throw CatalogError(code: code, operation: "open the catalog '\(path)'", reason: reason)
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeout)
        do {
            // Switching a new file to WAL takes an exclusive lock and does not wait in the busy handler, so two
            // processes creating one catalog at once retry here, within the same timeout.
            var waited: Int32 = 0
            while true {
                do {
                    try execute("PRAGMA journal_mode = WAL")
                    break
                } catch  where error.code & 0xff == SQLITE_BUSY && waited < busyTimeout {
                    usleep(20_000)
                    waited += 20
                }
            }
            try execute("PRAGMA synchronous = FULL")
            try execute("PRAGMA foreign_keys = ON")
        } catch {
            var reason = error.reason
            if error.code & 0xff == SQLITE_NOTADB {
                reason += "; give the path of a custody catalog, or a new file name to start one"
            }
            throw CatalogError(code: error.code, operation: "open the catalog '\(path)'", reason: reason)
        }
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Closes the connection. Safe to call more than once.
    func close() throws(CatalogError) {
        guard let handle else { return }
        statements.removeAll()
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else { throw error(code, "close the catalog '\(path)'") }
        self.handle = nil
    }

    /// Builds an error from a result code, keeping SQLite's own message.
    func error(_ code: Int32, _ operation: String, sql: String? = nil) -> CatalogError {
        let reason = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        return CatalogError(code: code, operation: operation, reason: reason, sql: sql)
    }

    // MARK: - Running SQL

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(CatalogError) {
        guard handle != nil else { throw CatalogError(code: 0, operation: "use the catalog", reason: "it is closed") }
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, "run '\(sql.prefix(60))'", sql: sql) }
    }

    /// Runs a statement with parameters, reading each row with `row`.
    func query(_ sql: String, _ values: [SQLValue] = [], row: (Statement) throws(CatalogError) -> Void)
        throws(CatalogError)
    {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(values)
        while try statement.step() {
            try row(statement)
        }
    }

    /// Runs a statement that returns no rows; returns the number of rows changed.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue] = []) throws(CatalogError) -> Int {
        let statement = try prepared(sql)
        defer { statement.reset() }
        try statement.bind(values)
        _ = try statement.step()
        return Int(sqlite3_changes(handle))
    }

    /// The rowid of the last row inserted on this connection.
    var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// Runs `body` in one IMMEDIATE transaction: all of it is committed, or none of it.
    func transaction<T>(_ body: () throws(CatalogError) -> T) throws(CatalogError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    private func prepared(_ sql: String) throws(CatalogError) -> Statement {
        if let statement = statements[sql] { return statement }
        guard handle != nil else { throw CatalogError(code: 0, operation: "use the catalog", reason: "it is closed") }
        let statement = try Statement(database: self, sql: sql)
        statements[sql] = statement
        return statement
    }
}
