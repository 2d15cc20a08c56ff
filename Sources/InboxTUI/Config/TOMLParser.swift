/// Reads TOML text into a `TOMLDocument`'s tables (see `TOMLDocument` for what it
/// reads): one pass over the scalars, tracking the line for every message.
struct TOMLParser {
    private let text: [Unicode.Scalar]
    private var i = 0
    private var line = 1
    /// Nested arrays and inline tables deeper than this are refused, so a hostile file
    /// cannot exhaust the stack.
    private static let deepest = 32

    init(_ text: [Unicode.Scalar]) { self.text = text }

    private var current: Unicode.Scalar? { i < text.count ? text[i] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? { i + offset < text.count ? text[i + offset] : nil }

    private mutating func advance() {
        if text[i] == "\n" { line += 1 }
        i += 1
    }

    private func fail(_ message: String) -> TOMLParser.Failure { Failure(line: line, message: message) }

    typealias Failure = TOMLDocument.Malformed

    mutating func document() throws(Failure) -> TOMLTable {
        var root = TOMLTable()
        var tablePath: [String] = []
        while current != nil {
            skipBlanks()
            guard let scalar = current else { break }
            if scalar == "#" || scalar == "\n" || scalar == "\r" {
                try endOfLine()
            } else if scalar == "[" {
                advance()
                if current == "[" { throw fail("arrays of tables ([[…]]) are not used by any setting") }
                skipBlanks()
                let headerLine = line
                tablePath = try key()
                skipBlanks()
                guard current == "]" else { throw fail("expected ] to close the table header") }
                advance()
                try declareTable(tablePath, in: &root, line: headerLine)
                try endOfLine()
            } else {
                let keyLine = line
                let path = try key()
                skipBlanks()
                guard current == "=" else { throw fail("expected = after the key '\(path.joined(separator: "."))'") }
                advance()
                skipBlanks()
                let value = try value(depth: 0, line: keyLine)
                try insert(value, at: tablePath, path, in: &root)
                try endOfLine()
            }
        }
        return root
    }

    // MARK: Structure

    private func name(_ path: [String]) -> String { path.joined(separator: ".") }

    private func declareTable(_ path: [String], in root: inout TOMLTable, line: Int) throws(Failure) {
        try Self.descend(&root, path[...], line: line) { (table: inout TOMLTable) throws(Failure) in
            if table.declared { throw Failure(line: line, message: "table [\(name(path))] declared twice") }
            table.declared = true
        }
    }

    private func insert(_ value: TOMLValue, at tablePath: [String], _ keyPath: [String],
                        in root: inout TOMLTable) throws(Failure) {
        let full = tablePath + keyPath
        let last = full[full.count - 1]
        try Self.descend(&root, full.dropLast(), line: value.line) { (table: inout TOMLTable) throws(Failure) in
            if let earlier = table.values[last] {
                throw Failure(line: value.line, message: "\(name(full)) is set twice (first on line \(earlier.line))")
            }
            table.values[last] = value
        }
    }

    /// Runs `body` on the table at `path` under `table`, creating the tables on the way.
    private static func descend(_ table: inout TOMLTable, _ path: ArraySlice<String>, line: Int,
                                _ body: (inout TOMLTable) throws(Failure) -> Void) throws(Failure) {
        guard let first = path.first else { return try body(&table) }
        var child: TOMLTable
        if let existing = table.values[first] {
            guard let existingTable = existing.table else {
                throw Failure(line: line, message: "\(first) is a value (line \(existing.line)), not a table")
            }
            child = existingTable
        } else {
            child = TOMLTable()
        }
        try descend(&child, path.dropFirst(), line: line, body)
        table.values[first] = TOMLValue(content: .table(child), line: table.values[first]?.line ?? line)
    }

    // MARK: Blanks and line ends

    private mutating func skipBlanks() {
        while current == " " || current == "\t" { advance() }
    }

    /// Blanks, a comment, then a line break or the end of the file.
    private mutating func endOfLine() throws(Failure) {
        skipBlanks()
        if current == "#" {
            while let scalar = current, scalar != "\n" {
                if isForbiddenControl(scalar) && scalar != "\r" { throw fail("control character in a comment") }
                advance()
            }
        }
        if current == "\r", peek(1) == "\n" { advance() }
        if current == "\n" { advance(); return }
        if current == nil { return }
        throw fail("expected the end of the line, found '\(Self.shown(current))'")
    }

    /// Blanks, line breaks and comments, as arrays allow between their values.
    private mutating func skipBlanksAndComments() throws(Failure) {
        while let scalar = current {
            if scalar == " " || scalar == "\t" || scalar == "\n" {
                advance()
            } else if scalar == "\r", peek(1) == "\n" {
                advance()
            } else if scalar == "#" {
                try endOfLine()
            } else {
                return
            }
        }
    }

    private func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    /// A scalar as an error message may quote it: controls by their code, never raw.
    private static func shown(_ scalar: Unicode.Scalar?) -> String {
        guard let scalar else { return "the end of the file" }
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.generalCategory == .format {
            return "U+" + String(scalar.value, radix: 16, uppercase: true)
        }
        return String(scalar)
    }

    // MARK: Keys

    private mutating func key() throws(Failure) -> [String] {
        var parts = [try simpleKey()]
        while true {
            skipBlanks()
            guard current == "." else { return parts }
            advance()
            skipBlanks()
            parts.append(try simpleKey())
        }
    }

    private mutating func simpleKey() throws(Failure) -> String {
        if current == "\"" {
            advance()
            return try basicString(multiline: false)
        }
        if current == "'" {
            advance()
            return try literalString(multiline: false)
        }
        var name = String.UnicodeScalarView()
        while let scalar = current, scalar.isASCII,
              scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
            name.append(scalar)
            advance()
        }
        guard !name.isEmpty else { throw fail("expected a key, found '\(Self.shown(current))'") }
        return String(name)
    }

    // MARK: Values

    private mutating func value(depth: Int, line valueLine: Int) throws(Failure) -> TOMLValue {
        guard depth < Self.deepest else { throw fail("values nested more than \(Self.deepest) deep") }
        guard let scalar = current else { throw fail("expected a value, found the end of the file") }
        let content: TOMLValue.Content
        switch scalar {
        case "\"":
            let multiline = peek(1) == "\"" && peek(2) == "\""
            for _ in 0..<(multiline ? 3 : 1) { advance() }
            content = .string(try basicString(multiline: multiline))
        case "'":
            let multiline = peek(1) == "'" && peek(2) == "'"
            for _ in 0..<(multiline ? 3 : 1) { advance() }
            content = .string(try literalString(multiline: multiline))
        case "[":
            advance()
            content = .array(try array(depth: depth))
        case "{":
            advance()
            content = .table(try inlineTable(depth: depth))
        default:
            content = try bareValue()
        }
        return TOMLValue(content: content, line: valueLine)
    }

    private mutating func array(depth: Int) throws(Failure) -> [TOMLValue] {
        var items: [TOMLValue] = []
        while true {
            try skipBlanksAndComments()
            if current == "]" {
                advance()
                return items
            }
            items.append(try value(depth: depth + 1, line: line))
            try skipBlanksAndComments()
            if current == "," {
                advance()
            } else if current != "]" {
                throw fail("expected , or ] in a list, found '\(Self.shown(current))'")
            }
        }
    }

    private mutating func inlineTable(depth: Int) throws(Failure) -> TOMLTable {
        var table = TOMLTable()
        skipBlanks()
        if current == "}" {
            advance()
            return table
        }
        while true {
            skipBlanks()
            let keyLine = line
            let path = try key()
            skipBlanks()
            guard current == "=" else { throw fail("expected = after the key '\(name(path))'") }
            advance()
            skipBlanks()
            let item = try value(depth: depth + 1, line: keyLine)
            try insert(item, at: [], path, in: &table)
            skipBlanks()
            if current == "}" {
                advance()
                return table
            }
            guard current == "," else { throw fail("expected , or } in an inline table, found '\(Self.shown(current))'") }
            advance()
        }
    }

    /// Booleans, numbers, and what TOML has that no setting takes (dates).
    private mutating func bareValue() throws(Failure) -> TOMLValue.Content {
        var word = ""
        while let scalar = current, scalar.isASCII,
              scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-._:".unicodeScalars.contains(scalar) {
            word.unicodeScalars.append(scalar)
            advance()
        }
        if word == "true" { return .boolean(true) }
        if word == "false" { return .boolean(false) }
        if let integer = Self.integer(word) { return .integer(integer) }
        if let float = Self.float(word) { return .float(float) }
        if word.isEmpty { throw fail("expected a value, found '\(Self.shown(current))'") }
        if word.first?.isNumber == true, word.contains("-") || word.contains(":") {
            throw fail("dates and times are not used by any setting")
        }
        if Self.looksNumeric(word) { throw fail("'\(word)' is not a number TOML reads (or too large)") }
        throw fail("'\(word)' is not a value; strings go in quotes")
    }

    private static func looksNumeric(_ word: String) -> Bool {
        word.unicodeScalars.first.map { ("0"..."9").contains($0) || $0 == "+" || $0 == "-" } ?? false
    }

    /// Underscores only between digits, as TOML allows them.
    private static func withoutUnderscores(_ digits: Substring) -> String? {
        if digits.hasPrefix("_") || digits.hasSuffix("_") || digits.contains("__") { return nil }
        return digits.replacingOccurrences(of: "_", with: "")
    }

    private static func integer(_ word: String) -> Int? {
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where word.hasPrefix(prefix) {
            guard let digits = withoutUnderscores(word.dropFirst(2)), !digits.isEmpty,
                  digits.allSatisfy({ $0.isHexDigit }) else { return nil }
            return Int(digits, radix: radix)
        }
        var body = Substring(word)
        if body.hasPrefix("+") || body.hasPrefix("-") { body = body.dropFirst() }
        guard let digits = withoutUnderscores(body), !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }),
              digits == "0" || !digits.hasPrefix("0") else { return nil }
        return Int(word.hasPrefix("-") ? "-" + digits : digits)
    }

    private static func float(_ word: String) -> Double? {
        var body = Substring(word)
        let negative = body.hasPrefix("-")
        if body.hasPrefix("+") || body.hasPrefix("-") { body = body.dropFirst() }
        if body == "inf" { return negative ? -.infinity : .infinity }
        if body == "nan" { return .nan }
        guard let text = withoutUnderscores(body), text.allSatisfy({ ("0"..."9").contains($0) || ".eE+-".contains($0) }),
              text.first?.isNumber == true, !text.contains(".e"), !text.contains(".E"), !text.hasSuffix("."),
              text.contains(".") || text.contains("e") || text.contains("E") else { return nil }
        return Double((negative ? "-" : "") + text)
    }

    // MARK: Strings

    private mutating func basicString(multiline: Bool) throws(Failure) -> String {
        try string(closedBy: "\"", escapes: true, multiline: multiline)
    }

    private mutating func literalString(multiline: Bool) throws(Failure) -> String {
        try string(closedBy: "'", escapes: false, multiline: multiline)
    }

    /// The rest of a string after its opening quote(s): basic strings (`"`) read escapes,
    /// literal ones (`'`) do not; multi-line ones keep line breaks, drop the first one
    /// right after the opening quotes, and may end in up to two quotes of their own.
    private mutating func string(closedBy quote: Unicode.Scalar, escapes: Bool, multiline: Bool) throws(Failure) -> String {
        var out = String.UnicodeScalarView()
        if multiline { skipFirstLineBreak() }
        while true {
            guard let scalar = current else { throw fail("string not closed before the end of the file") }
            if scalar == quote {
                if !multiline {
                    advance()
                    return String(out)
                }
                if peek(1) == quote, peek(2) == quote {
                    var quotes = 3
                    while quotes < 5, peek(quotes) == quote { quotes += 1 }
                    for _ in 0..<(quotes - 3) { out.append(quote) }
                    for _ in 0..<quotes { advance() }
                    return String(out)
                }
                out.append(scalar)
                advance()
            } else if escapes, scalar == "\\" {
                advance()
                if multiline, try skipLineEndingBackslash() { continue }
                out.append(try escape())
            } else if scalar == "\n" || (scalar == "\r" && peek(1) == "\n") {
                guard multiline else { throw fail("string not closed on its line") }
                if scalar == "\r" { advance() }
                out.append("\n")
                advance()
            } else {
                if isForbiddenControl(scalar) { throw fail("control character \(Self.shown(scalar)) in a string") }
                out.append(scalar)
                advance()
            }
        }
    }

    private mutating func skipFirstLineBreak() {
        if current == "\r", peek(1) == "\n" { advance() }
        if current == "\n" { advance() }
    }

    /// After a backslash in a multi-line string: a line ending backslash drops the break
    /// and the blanks after it. True when that is what it was.
    private mutating func skipLineEndingBackslash() throws(Failure) -> Bool {
        var j = i
        while j < text.count, text[j] == " " || text[j] == "\t" { j += 1 }
        guard j < text.count, text[j] == "\n" || (text[j] == "\r" && j + 1 < text.count && text[j + 1] == "\n") else {
            return false
        }
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { advance() }
        return true
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        guard let scalar = current else { throw fail("string not closed before the end of the file") }
        advance()
        switch scalar {
        case "b": return "\u{08}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            var hex = ""
            for _ in 0..<(scalar == "u" ? 4 : 8) {
                guard let digit = current, digit.isASCII, Character(digit).isHexDigit else {
                    throw fail("\\\(scalar) needs \(scalar == "u" ? 4 : 8) hex digits")
                }
                hex.unicodeScalars.append(digit)
                advance()
            }
            guard let value = UInt32(hex, radix: 16), let result = Unicode.Scalar(value) else {
                throw fail("\\\(scalar)\(hex) is not a Unicode scalar")
            }
            return result
        default:
            throw fail("unknown escape \\\(Self.shown(scalar))")
        }
    }
}
