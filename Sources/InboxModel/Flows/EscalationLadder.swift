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
