import Foundation

/// A step named on a command line (`webcare act 12 classify complaint`), as `webcare
/// flows` names the events. Parsing needs nothing but the words; a reply takes its
/// channel and moves from the step the flow is at (as the composer does), and a team
/// position is looked up by its id, so those two are resolved by the caller.
public enum ScriptedStep: Equatable, Sendable {
    case event(FlowEvent)
    /// A reply with this text, on the channel and with the moves the current step asks for.
    case reply(String)
    /// The latest version of the team position with this id.
    case setPosition(id: String)

    /// One line of `webcare act --help`: the step, its arguments, what it does.
    public struct Usage: Sendable {
        public var name: String
        public var arguments: String
        public var summary: String

        /// "  classify KIND         confirm or change the kind", under 80 columns.
        public var line: String {
            let head = "  " + name + (arguments.isEmpty ? "" : " " + arguments)
            return head + String(repeating: " ", count: max(1, 37 - head.count)) + summary
        }
    }

    /// Every step `act` takes, in the order `--help` lists them.
    public static let usage: [Usage] = [
        Usage(name: "classify", arguments: "KIND", summary: "confirm or change the kind"),
        Usage(name: "reply", arguments: "TEXT", summary: "the reply the step asks for"),
        Usage(name: "respond", arguments: "", summary: "decide to respond (negative)"),
        Usage(name: "investigated", arguments: "SOLUTION", summary: "what the investigation found"),
        Usage(name: "author-confirmed", arguments: "", summary: "they confirm they are helped"),
        Usage(name: "email-route", arguments: "", summary: "continue by e-mail (complaint)"),
        Usage(name: "email-handled", arguments: "", summary: "the e-mail conversation is done"),
        Usage(name: "set-position", arguments: "ID", summary: "the team position (allegation)"),
        Usage(name: "think", arguments: "TEXT", summary: "how you will respond, in a line"),
        Usage(name: "draft", arguments: "", summary: "start the careful draft"),
        Usage(name: "set-severity", arguments: "LEVEL", summary: "low, medium or high (allegation)"),
        Usage(name: "amplify", arguments: "like|retweet", summary: "like or retweet it (positive)"),
        Usage(name: "go-on", arguments: "REASON", summary: "go on without the customer's answer"),
        Usage(name: "note", arguments: "TEXT", summary: "an internal note, never sent"),
        Usage(name: "hand-off", arguments: "DEPARTMENT", summary: "pass the case to a department"),
        Usage(name: "department-answered", arguments: "DEPARTMENT TEXT", summary: "their answer came back"),
        Usage(name: "withdraw", arguments: "", summary: "take it back from the department"),
        Usage(name: "dismiss", arguments: "REASON [NOTE]", summary: "no reply (other needs a NOTE)"),
        Usage(name: "close", arguments: "OUTCOME", summary: "answered, resolved, thanked, unresolved"),
    ]

    /// What is wrong with the words, in a sentence.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The step `words` name: the step's name, then its arguments.
    public static func parse(_ words: [String]) throws(Problem) -> ScriptedStep {
        guard let name = words.first else { throw Problem(description: "name a step (webcare act --help lists them)") }
        let arguments = Array(words.dropFirst())
        guard let usage = usage.first(where: { $0.name == name }) ?? aliases[name].flatMap({ alias in
            usage.first { $0.name == alias }
        }) else {
            throw Problem(description: "no step '\(name)'; steps: " + usage.map(\.name).joined(separator: ", "))
        }
        func one(_ what: String) throws(Problem) -> String {
            guard arguments.count == 1, !arguments[0].isEmpty else {
                throw Problem(description: "\(usage.name) takes \(what)")
            }
            return arguments[0]
        }
        func none() throws(Problem) {
            if !arguments.isEmpty { throw Problem(description: "\(usage.name) takes no arguments") }
        }
        switch usage.name {
        case "classify":
            let kind = try one("a kind")
            guard let value = MentionKind(rawValue: kind) else {
                throw Problem(description: "'\(kind)' is not a kind: " + MentionKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .event(.classify(value))
        case "reply": return .reply(try one("the reply's text, as one argument"))
        case "respond": try none(); return .event(.respond)
        case "investigated": return .event(.investigated(solution: try one("the solution, as one argument")))
        case "author-confirmed": try none(); return .event(.authorConfirmed)
        case "email-route": try none(); return .event(.takeEmailRoute)
        case "email-handled": try none(); return .event(.emailHandled)
        case "set-position": return .setPosition(id: try one("a team position's id"))
        case "think": return .event(.thought(try one("the consideration, in one line, as one argument")))
        case "draft": try none(); return .event(.draft)
        case "set-severity":
            let level = try one("a level")
            guard let severity = Severity(rawValue: level) else {
                throw Problem(description: "'\(level)' is not low, medium or high")
            }
            return .event(.setSeverity(severity))
        case "amplify":
            let gesture = try one("like or retweet")
            guard let action = PlatformAction(rawValue: gesture) else {
                throw Problem(description: "'\(gesture)' is not like or retweet")
            }
            return .event(.amplify(action))
        case "note": return .event(.note(try one("the note, as one argument")))
        case "go-on": return .event(.goOn(reason: try one("the reason, as one argument")))
        case "withdraw": try none(); return .event(.withdrawHandOff)
        case "hand-off": return .event(.handOff(department: try one("a department")))
        case "department-answered":
            guard arguments.count == 2 else { throw Problem(description: "department-answered takes a department and its answer") }
            return .event(.departmentAnswered(department: arguments[0], answer: arguments[1]))
        case "dismiss":
            guard (1...2).contains(arguments.count), let reason = DismissReason(rawValue: arguments[0]) else {
                throw Problem(description: "dismiss takes a reason (" + DismissReason.allCases.map(\.rawValue)
                              .joined(separator: ", ") + ") and a note")
            }
            return .event(.dismiss(reason, note: arguments.count == 2 ? arguments[1] : ""))
        case "close":
            let name = try one("an outcome")
            guard let outcome = closingOutcomes[name] else {
                throw Problem(description: "'\(name)' is not answered, resolved, thanked or unresolved")
            }
            return .event(.close(outcome))
        default:
            throw Problem(description: "no step '\(name)'")
        }
    }

    /// Other names a step answers to: the event's own name in the log.
    private static let aliases = ["take-email-route": "email-route"]

    private static let closingOutcomes: [String: Outcome] = [
        "answered": .answered, "resolved": .resolved, "thanked": .thanked, "unresolved": .unresolved,
    ]

    /// The event this step is on `flow` at `now`: a reply as the current step asks for it.
    public func event(on flow: MentionFlow, at now: Date) throws(Problem) -> FlowEvent {
        switch self {
        case .event(let event): return event
        case .setPosition(let id): throw Problem(description: "team position \(id) is looked up by the store")
        case .reply(let text):
            guard let expected = flow.expectedReply else {
                throw Problem(description: "this step asks for no reply: " + flow.guidance(at: now))
            }
            return .send(Reply(text: text, channel: expected.channel, moves: expected.moves))
        }
    }
}
