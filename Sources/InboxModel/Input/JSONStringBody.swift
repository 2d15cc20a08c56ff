/// The inside of a JSON string literal (between its quotes) decoded: escapes, surrogate
/// pairs, and the checks that make it a string (no raw quotes or controls, valid UTF-8).
/// Shared by `check --each`, which reports each fault, and the import's fast scanner,
/// which only needs to know that there is one.
public enum JSONStringBody {
    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    /// Decodes `body`; columns in messages count from `columnBase` (the line's start).
    public static func decode(_ body: ArraySlice<UInt8>, columnsFrom columnBase: Int) throws(Malformed) -> String {
        if !body.contains(0x5C) {
            try checkPlain(body)
            return String(decoding: body, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var j = body.startIndex
        while j < body.endIndex {
            let byte = body[j]
            if byte == 0x22 { throw Malformed(description: "unescaped quote at column \(j - columnBase + 1)") }
            if byte < 0x20 { throw Malformed(description: "control character at column \(j - columnBase + 1)") }
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
}
