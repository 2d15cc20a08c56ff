import InboxModel

/// The two pieces of JSON the batch commands need, written by hand because they sit on
/// the hot path of `check --each`: reading one JSON string per line, and writing strings.
enum JSONText {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// Decodes a line holding exactly one JSON string (surrounding spaces allowed).
    static func decodeString(_ line: ArraySlice<UInt8>) throws(Malformed) -> String {
        var i = line.startIndex, end = line.endIndex
        while i < end, isSpace(line[i]) { i += 1 }
        while end > i, isSpace(line[end - 1]) { end -= 1 }
        guard i < end, line[i] == 0x22 else { throw Malformed(description: "expected a JSON string") }
        guard end - i >= 2, line[end - 1] == 0x22 else { throw Malformed(description: "unterminated string") }
        do {
            return try JSONStringBody.decode(line[(i + 1)..<(end - 1)], columnsFrom: line.startIndex)
        } catch {
            throw Malformed(description: error.description)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func quoted(_ text: String?) -> String {
        text.map { quoted($0) } ?? "null"
    }
}
