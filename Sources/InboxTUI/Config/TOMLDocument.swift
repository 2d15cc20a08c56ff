/// A TOML file read into tables of values, each value with the line it was written on,
/// so a mistake in a setting can name its line.
///
/// Our own reader instead of TOMLKit: the toml++ copy TOMLKit bundles aborts the process
/// on some malformed files (a C++ `assert` in `parse_key` that SwiftPM's release build
/// keeps), and a config file must never take webcare down. This reads TOML 1.0 as a
/// config needs it: comments, bare, quoted and dotted keys, tables, the four kinds of
/// string, integers (decimal, hex, octal, binary), floats, booleans, arrays and inline
/// tables. Dates and arrays of tables are refused with a message: no setting takes one.
struct TOMLDocument {
    /// Where and why the text is not TOML.
    struct Malformed: Error, Equatable {
        var line: Int
        var message: String
    }

    let root: TOMLTable

    init(_ text: String) throws(Malformed) {
        // Editors on Windows start UTF-8 files with a byte order mark; it is not content.
        var parser = TOMLParser(Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" }))
        root = try parser.document()
    }
}

/// A table: its keys in no particular order, each value with its line.
struct TOMLTable: Equatable {
    var values: [String: TOMLValue] = [:]
    /// Declared by a `[header]` (not only implied by a dotted key), so a second header is a mistake.
    var declared = false

    var keys: [String] { values.keys.sorted() }

    subscript(key: String) -> TOMLValue? { values[key] }
}

/// One value and the line its key is on.
struct TOMLValue: Equatable {
    enum Content: Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case boolean(Bool)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    var content: Content
    var line: Int

    var string: String? { if case .string(let value) = content { value } else { nil } }
    var integer: Int? { if case .integer(let value) = content { value } else { nil } }
    var boolean: Bool? { if case .boolean(let value) = content { value } else { nil } }
    var array: [TOMLValue]? { if case .array(let value) = content { value } else { nil } }
    var table: TOMLTable? { if case .table(let value) = content { value } else { nil } }
}
