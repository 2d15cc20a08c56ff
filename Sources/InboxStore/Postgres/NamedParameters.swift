import GRDB
import PostgresNIO

/// Turns the store's `:name` parameters into PostgreSQL's `$1, $2, …`, leaving `::type`
/// casts, quoted strings and quoted identifiers alone, so one SQL text (and one set of
/// named arguments) serves both engines where their dialects agree.
enum NamedParameters {
    static func query(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws -> PostgresQuery {
        let (text, values) = try ordered(sql, arguments)
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            if let flag = value as? Bool {
                bindings.append(flag) // a boolean column takes no integer
            } else {
                try bind(value?.databaseValue ?? .null, to: &bindings)
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    /// The SQL with `$1, $2, …` and the arguments in that order.
    static func ordered(_ sql: String, _ arguments: [String: (any DatabaseValueConvertible)?]) throws
        -> (sql: String, values: [(any DatabaseValueConvertible)?]) {
        var values: [(any DatabaseValueConvertible)?] = []
        var order: [String: Int] = [:]
        let text = try substituted(sql) { name in
            guard let value = arguments[name] else { throw StoreError.corrupt(column: ":" + name, value: "no argument") }
            if order[name] == nil {
                order[name] = order.count + 1
                values.append(value)
            }
            return "$\(order[name]!)"
        }
        return (text, values)
    }

    /// The SQL with each `:name` replaced by what `replacement` makes of the name.
    static func substituted(_ sql: String, _ replacement: (String) throws -> String) rethrows -> String {
        var text = ""
        var characters = Array(sql.unicodeScalars)[...]
        var quote: Unicode.Scalar?
        while let character = characters.popFirst() {
            if let open = quote {
                text.unicodeScalars.append(character)
                if character == open { quote = nil }
                continue
            }
            if character == "'" || character == "\"" {
                quote = character
                text.unicodeScalars.append(character)
                continue
            }
            if character == ":" {
                if characters.first == ":" {
                    text += "::"
                    characters.removeFirst()
                    continue
                }
                let name = String(String.UnicodeScalarView(characters.prefix { $0 == "_" || $0.properties.isAlphabetic
                    || ("0"..."9").contains($0) }))
                if !name.isEmpty {
                    characters.removeFirst(name.unicodeScalars.count)
                    text += try replacement(name)
                    continue
                }
            }
            text.unicodeScalars.append(character)
        }
        return text
    }

    private static func bind(_ value: DatabaseValue, to bindings: inout PostgresBindings) throws {
        switch value.storage {
        case .null: bindings.appendNull()
        case .int64(let number): bindings.append(number)
        case .double(let number): bindings.append(number)
        case .string(let text): bindings.append(text)
        case .blob(let data): bindings.append(ByteBuffer(bytes: data))
        }
    }
}
