/// A WHERE clause made of the conditions a filter asks for, each with its parameter numbered in order.
struct Conditions {
    /// The parameters, in the order of their numbers.
    private(set) var values: [SQLValue] = []
    private var parts: [String] = []

    /// Adds `sql`, in which `?` stands for `value`'s parameter, when there is a value; nothing when it is nil.
    mutating func add(_ sql: String, _ value: SQLValue?) {
        guard let value else { return }
        values.append(value)
        parts.append(sql.replacingOccurrences(of: "?", with: "?\(values.count)"))
    }

    /// Adds `sql`, which takes no parameter.
    mutating func add(_ sql: String) {
        parts.append(sql)
    }

    /// The conditions joined by AND, or `1` when there are none.
    var sql: String {
        parts.isEmpty ? "1" : parts.joined(separator: " AND ")
    }
}
