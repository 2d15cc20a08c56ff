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
            case _ where mustEscape(scalar):
                out += escaped(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// JSON allows C1 controls and bidirectional overrides raw inside strings, and a
    /// terminal acts on them when someone reads the output: they are escaped too.
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        VisibleText.needsPlaceholder(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// JSON from an encoder (which escapes only C0 controls) with every other scalar
    /// `mustEscape` names written as `\u` escapes. Such scalars only occur inside
    /// strings, so the document means the same.
    static func inert(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: mustEscape) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if mustEscape(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static func quoted(_ text: String?) -> String {
        text.map { quoted($0) } ?? "null"
    }
}
