/// A minimal JSON reader over bytes for the import's hot path: strings, integers,
/// booleans, null, and skipping what it does not need. It only ever answers "this is the
/// value" or "I cannot tell" (nil); on nil the caller decodes the record again with
/// `JSONDecoder`, which then also says precisely what is wrong. So it can stay small: it
/// is never the judge of a bad record.
struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after spaces) if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    var next: UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    /// A string value; nil when the next value is not a well-formed string.
    mutating func string() -> String? {
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x22 else { return nil }
        position += 1
        let start = position
        var plain = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 {
                let body = UnsafeBufferPointer(rebasing: bytes[start..<position])
                position += 1
                if plain { return String(validating: body, as: UTF8.self) }
                return try? JSONStringBody.decode(ArraySlice(body), columnsFrom: 0)
            }
            if byte < 0x20 { return nil }
            if byte == 0x5C {
                plain = false
                position += 1
            }
            position += 1
        }
        return nil
    }

    /// A string or null (nil inside .some); nil when neither.
    mutating func optionalString() -> String?? {
        skipSpace()
        if take(literal: "null") { return .some(nil) }
        return string().map { .some($0) }
    }

    /// An integer; nil for anything else, fractions and exponents included.
    mutating func integer() -> Int? {
        skipSpace()
        var negative = false
        if next == 0x2D {
            negative = true
            position += 1
        }
        var value = 0, digits = 0
        while let byte = next, byte >= 0x30, byte <= 0x39 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
            if overflow1 || overflow2 { return nil }
            value = sum
            digits += 1
            position += 1
        }
        if digits == 0 { return nil }
        if let byte = next, byte == 0x2E || byte == 0x65 || byte == 0x45 { return nil }
        return negative ? -value : value
    }

    mutating func boolean() -> Bool? {
        skipSpace()
        if take(literal: "true") { return true }
        if take(literal: "false") { return false }
        return nil
    }

    mutating func take(literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for i in 0..<count where bytes[position + i] != text[i] { return false }
        position += count
        return true
    }

    /// Skips any value; false when it is not well-formed.
    mutating func skipValue(depth: Int = 0) -> Bool {
        skipSpace()
        guard let byte = next, depth < 64 else { return false }
        switch byte {
        case 0x22: return string() != nil
        case 0x7B, 0x5B:
            let close: UInt8 = byte == 0x7B ? 0x7D : 0x5D
            position += 1
            if take(close) { return true }
            repeat {
                if byte == 0x7B {
                    guard string() != nil, take(0x3A) else { return false }
                }
                guard skipValue(depth: depth + 1) else { return false }
            } while take(0x2C)
            return take(close)
        case 0x74: return take(literal: "true")
        case 0x66: return take(literal: "false")
        case 0x6E: return take(literal: "null")
        default:
            let start = position
            while let b = next, (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45 {
                position += 1
            }
            return position > start
        }
    }

    /// The members of an object: calls `member` with each key, which must consume the
    /// value (or return false to give up). False when the object is not well-formed.
    mutating func object(_ member: (inout JSONScanner, String) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        repeat {
            guard let key = string(), take(0x3A), member(&self, key) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }
}
