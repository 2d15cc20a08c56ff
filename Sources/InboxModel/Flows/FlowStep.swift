/// Where a case's flow is: in triage, at a state of its kind's machine, or closed. The
/// store keeps it as its `code` ("complaint/investigating"), the name `webcare show`,
/// `docs/flows.md` and scripts use.
public enum FlowStep: Hashable, Sendable, CustomStringConvertible {
    case triage
    /// At state `name` of `kind`'s machine, such as "investigating" of a complaint.
    case at(MentionKind, String)
    case closed

    /// Reads a stored code; nil for anything no flow writes.
    public init?(code: String) {
        switch code {
        case "triage": self = .triage
        case "closed": self = .closed
        default:
            guard let slash = code.firstIndex(of: "/"), let kind = MentionKind(rawValue: String(code[..<slash])),
                  case let name = String(code[code.index(after: slash)...]), !name.isEmpty, !name.contains("/")
            else { return nil }
            self = .at(kind, name)
        }
    }

    /// "triage", "complaint/investigating", "closed".
    public var code: String {
        switch self {
        case .triage: "triage"
        case .at(let kind, let name): "\(kind.rawValue)/\(name)"
        case .closed: "closed"
        }
    }

    /// The step without its kind, as a checklist of one kind's steps lists it.
    public var name: String {
        if case .at(_, let name) = self { name } else { code }
    }

    public var description: String { code }
}
