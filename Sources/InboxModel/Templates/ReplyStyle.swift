/// The language and form of address a team answers in, a house rule
/// (slides 36–40): Dutch with "je" or "u", or English.
public enum ReplyStyle: String, CaseIterable, Codable, Sendable {
    case dutchInformal = "nl-je"
    case dutchFormal = "nl-u"
    case english = "en"
}

/// The values a template's `{variables}` are filled with. A value that is not
/// known yet stays as its `{name}` in the text, so the agent sees what to fill in.
public struct TemplateValues: Equatable, Sendable {
    /// The author's name to greet them by.
    public var name: String
    /// The agent's signature, written after "^" as webcare teams sign tweets.
    public var agent: String
    /// The team position's statement (allegations).
    public var position: String?
    /// What the investigation found (complaints).
    public var solution: String?
    /// A department's or expert's input (questions).
    public var answer: String?

    public init(name: String, agent: String, position: String? = nil, solution: String? = nil, answer: String? = nil) {
        self.name = name
        self.agent = agent
        self.position = position
        self.solution = solution
        self.answer = answer
    }

    /// The variables by name, as they appear between braces.
    var byName: [String: String] {
        var values = ["name": name, "agent": agent]
        values["position"] = position
        values["solution"] = solution
        values["answer"] = answer
        return values
    }
}

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
