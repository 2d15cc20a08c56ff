/// A reply text with `{variables}`.
public struct ReplyTemplate: Equatable, Sendable {
    public var text: String

    public init(_ text: String) { self.text = text }

    /// The variable names the text uses, in order of appearance.
    public var variables: [String] {
        pieces.compactMap { if case .variable(let name) = $0 { name } else { nil } }
    }

    /// The text with every known variable filled in, in one pass, so a value
    /// that itself contains braces (an author's name can) is never expanded.
    public func expanded(with values: TemplateValues) -> String {
        let known = values.byName
        return pieces.map { piece in
            switch piece {
            case .literal(let text): text
            case .variable(let name): known[name] ?? "{\(name)}"
            }
        }.joined()
    }

    private enum Piece {
        case literal(String)
        case variable(String)
    }

    private var pieces: [Piece] {
        var result: [Piece] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result.append(.literal(String(rest[..<open])))
            result.append(.variable(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        result.append(.literal(String(rest)))
        return result
    }
}
