/// Text from outside (a mention, a name, a pasted reply) made safe to print on a terminal.
///
/// Control characters would let a customer's tweet move the cursor, recolour the screen or
/// retitle the window; bidirectional overrides and isolates would reorder what the agent
/// reads. Each becomes a visible placeholder instead: C0 controls their Unicode control
/// picture (␛ for ESC), DEL ␡, and C1 controls and bidi controls `⟨U+202E⟩`.
public enum VisibleText {
    /// `text` with every control shown as a placeholder; line breaks and tabs too, so the
    /// result is always one line.
    public static func line(_ text: String) -> String {
        render(text, keepLineBreaks: false)
    }

    /// Like `line`, but line breaks stay (as `\n`) for output that may span lines.
    public static func lines(_ text: String) -> String {
        render(text, keepLineBreaks: true)
    }

    private static func render(_ text: String, keepLineBreaks: Bool) -> String {
        guard text.unicodeScalars.contains(where: needsPlaceholder) else { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if keepLineBreaks, scalar == "\n" {
                out.append(scalar)
            } else if keepLineBreaks, scalar == "\r" {
                continue
            } else if needsPlaceholder(scalar) {
                if scalar == "\n", previous == "\r" { continue }
                out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    public static func needsPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || isBidiControl(v)
    }

    private static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C
    }

    private static func placeholder(for scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        switch v {
        case 0x0D, 0x0A: return "⏎"
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return "␡"
        default:
            let hex = String(v, radix: 16, uppercase: true)
            return "⟨U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)⟩"
        }
    }
}
