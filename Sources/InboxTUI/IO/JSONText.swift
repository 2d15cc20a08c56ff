import InboxStore

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
        let body = line[(i + 1)..<(end - 1)]
        if !body.contains(0x5C) {
            try checkPlain(body)
            return String(decoding: body, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var j = body.startIndex
        while j < body.endIndex {
            let byte = body[j]
            if byte == 0x22 { throw Malformed(description: "unescaped quote at column \(j - line.startIndex + 1)") }
            if byte < 0x20 { throw Malformed(description: "control character at column \(j - line.startIndex + 1)") }
            guard byte == 0x5C else {
                out.append(byte)
                j += 1
                continue
            }
            guard j + 1 < body.endIndex else { throw Malformed(description: "dangling backslash") }
            let escape = body[j + 1]
            j += 2
            switch escape {
            case 0x22, 0x5C, 0x2F: out.append(escape)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var value = try hex4(body, at: j)
                j += 4
                if (0xD800...0xDBFF).contains(value) {
                    guard j + 6 <= body.endIndex, body[j] == 0x5C, body[j + 1] == 0x75,
                          case let low = try hex4(body, at: j + 2), (0xDC00...0xDFFF).contains(low) else {
                        throw Malformed(description: "unpaired surrogate \\u\(String(value, radix: 16))")
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
                } else if (0xDC00...0xDFFF).contains(value) {
                    throw Malformed(description: "unpaired surrogate \\u\(String(value, radix: 16))")
                }
                out.append(contentsOf: String(Unicode.Scalar(value)!).utf8)
            default:
                throw Malformed(description: "unknown escape \\\(Unicode.Scalar(escape))")
            }
        }
        try checkPlain(out[...], allowingControls: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// The body of a string without escapes: no raw quotes or controls, valid UTF-8.
    private static func checkPlain(_ bytes: ArraySlice<UInt8>, allowingControls: Bool = false) throws(Malformed) {
        if !allowingControls {
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 {
                throw Malformed(description: byte == 0x22 ? "unescaped quote in string" : "control character at byte \(offset + 2)")
            }
        }
        let invalid = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
        if let invalid { throw Malformed(description: "not valid UTF-8 at byte \(invalid + 1) of the string") }
    }

    private static func hex4(_ bytes: ArraySlice<UInt8>, at i: Int) throws(Malformed) -> UInt32 {
        guard i + 4 <= bytes.endIndex else { throw Malformed(description: "short \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[i..<(i + 4)] {
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw Malformed(description: "bad \\u escape")
            }
            value = value << 4 | digit
        }
        return value
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
