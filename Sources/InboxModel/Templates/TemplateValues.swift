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

    /// Every variable a template may hold, as written between braces.
    public static let names = ["name", "agent", "position", "solution", "answer"]

    /// The first `{variable}` still in `text`: a template part the agent has not filled in.
    public static func unfilled(in text: String) -> String? {
        names.lazy.map { "{\($0)}" }.first { text.contains($0) }
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
