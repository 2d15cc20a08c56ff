/// The team's one unambiguous position on a situation (eenduidig standpunt).
/// Positions are shared objects: every agent answering about the same topic
/// uses the same statement, and a revision gets a new version, so a flow
/// records exactly which wording it answered with.
public struct TeamPosition: Equatable, Codable, Sendable {
    public var id: String
    /// What the position is about, e.g. "outage 14 November".
    public var topic: String
    /// Starts at 1, grows with every revision.
    public var version: Int
    /// The sentence agents use in replies.
    public var statement: String

    public init(id: String, topic: String, version: Int, statement: String) {
        self.id = id
        self.topic = topic
        self.version = version
        self.statement = statement
    }

    /// Why a position cannot be used as written, or nil.
    var problem: String? {
        if topic.allSatisfy(\.isWhitespace) { return "a team position needs a topic" }
        if statement.allSatisfy(\.isWhitespace) { return "a team position needs a statement" }
        if version < 1 { return "a team position's version starts at 1" }
        return nil
    }
}

/// How serious an allegation is and how far it spreads.
public enum Severity: String, CaseIterable, Codable, Sendable {
    case low
    case medium
    case high

    /// The rungs of the escalation ladder that guide the following replies.
    public var ladder: [EscalationStep] {
        switch self {
        case .low: Array(EscalationStep.allCases.prefix(2))
        case .medium: Array(EscalationStep.allCases.prefix(4))
        case .high: EscalationStep.allCases
        }
    }
}

/// The six steps of slide 55, climbed as an allegation gets more serious.
public enum EscalationStep: Int, CaseIterable, Codable, Sendable {
    case keepDialogueOpen = 1
    case keepAsking
    case mistakesAreHuman
    case admitMistake
    case workingOnSolution
    case askSuggestion

    public var guidance: String {
        switch self {
        case .keepDialogueOpen: "Keep the dialogue open (houd de dialoog open)."
        case .keepAsking: "Keep asking questions until the situation is clear (blijf vragen stellen)."
        case .mistakesAreHuman: "Remember that mistakes are human (fouten zijn menselijk)."
        case .admitMistake: "If it is a mistake, admit it, wisely (geef je fout toe)."
        case .workingOnSolution: "Say that a solution is being worked on (we werken aan een oplossing)."
        case .askSuggestion: "Ask whether they have a suggestion (vraag om een suggestie)."
        }
    }
}
