/// Names a code point the way an error message should: `U+FEFF (ZERO WIDTH NO-BREAK SPACE)`.
public enum ScalarName {
    public static func describe(_ value: UInt32) -> String {
        var hex = String(value, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        let name = Unicode.Scalar(value).flatMap { $0.properties.name ?? $0.properties.nameAlias }
        return name.map { "U+\(hex) (\($0))" } ?? "U+\(hex)"
    }
}
