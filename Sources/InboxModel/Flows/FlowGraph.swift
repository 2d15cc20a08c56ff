import Foundation

/// The states and transitions of one kind's flow, found by running the real
/// machine: starting from a freshly classified mention, every event that
/// belongs to the kind is tried in every state reached, breadth first. The
/// docs (`webcare flows`, docs/flows.md) are printed from this and the tests
/// check that each transition found has its own test, so neither can drift
/// from the code.
public struct FlowGraph: Sendable {
    public struct Transition: Hashable, Sendable {
        public var from: String
        /// The event, with the reply's purpose for a send: "send (complaint-1)".
        public var event: String
        public var to: String
        /// What the world is asked to do, by name.
        public var actions: [String]
    }

    public struct Refusal: Hashable, Sendable {
        public var state: String
        public var event: String
        public var reason: String
    }

    public let kind: MentionKind
    /// States in the order they were first reached.
    public let states: [FlowStep]
    /// What the agent is told in each state, in the order of `states`.
    public let guidance: [String]
    public let transitions: [Transition]
    public let refusals: [Refusal]

    /// Explores `kind`'s flow for a public Twitter mention, every event a
    /// minute after the previous state was reached (the count to ten is over).
    public init(kind: MentionKind) {
        self.kind = kind
        let start = Date(timeIntervalSince1970: 0)
        var first = MentionFlow(context: Self.context)
        _ = first.handle(.classify(kind), at: start)
        let later = start.addingTimeInterval(60)
        var states = [first.step]
        var guidance = [first.guidance(at: later)]
        var queue = [first]
        var transitions: [Transition] = []
        var refusals: [Refusal] = []
        while !queue.isEmpty {
            let flow = queue.removeFirst()
            for event in Self.events(for: kind, in: flow) {
                var next = flow
                let label = Self.label(event, in: flow)
                switch next.handle(event, at: later) {
                case .refused(let refusal):
                    refusals.append(Refusal(state: flow.step.code, event: label, reason: refusal.reason))
                case .accepted(let actions):
                    guard next.step != flow.step || !actions.isEmpty else { continue }
                    transitions.append(Transition(from: flow.step.code, event: label, to: next.step.code,
                                                  actions: actions.map(Self.name)))
                    if !states.contains(next.step) {
                        states.append(next.step)
                        guidance.append(next.guidance(at: later))
                        queue.append(next)
                    }
                }
            }
        }
        self.states = states
        self.guidance = guidance
        self.transitions = transitions
        self.refusals = refusals
    }

    /// The label `FlowGraph` gives `event` when `flow` handles it.
    public static func label(_ event: FlowEvent, in flow: MentionFlow) -> String {
        guard case .send(let reply) = event else { return event.name }
        let purpose = flow.expectedReply.map { $0.purpose.rawValue } ?? "reply"
        return reply.moves.isEmpty ? "send (no moves)" : "send (\(purpose))"
    }

    static let context = FlowContext(platform: .twitter, homeChannel: .twitter,
                                     originalText: "@NetVia al 3 dagen geen internet. Wanneer is dit opgelost?",
                                     authorHandle: "sanne_dekker")

    static let sampleValues = TemplateValues(name: "Sanne", agent: "Mirjam",
                                             position: "We do not sell customer data, to anyone.",
                                             solution: "the fault in your street was fixed at 14:00",
                                             answer: "moving takes 5 working days")

    static let samplePosition = TeamPosition(id: "privacy", topic: "customer data", version: 1,
                                             statement: "We do not sell customer data, to anyone.")

    /// The reply the current step asks for, written from its English template.
    static func expectedSend(in flow: MentionFlow) -> FlowEvent? {
        flow.expectedReply.map { expected in
            .send(Reply(text: DefaultTemplates.template(for: expected.purpose, style: .english)
                            .expanded(with: sampleValues),
                        channel: expected.channel, moves: expected.moves))
        }
    }

    /// The events tried in every state: the kind's own steps and the common
    /// ones that move a flow (notes and reclassifying are documented apart).
    static func events(for kind: MentionKind, in flow: MentionFlow) -> [FlowEvent] {
        let send = expectedSend(in: flow) ?? .send(Reply(text: "Hi Sanne, thanks. ^Mirjam", channel: .twitter, moves: []))
        let common: [FlowEvent] = [
            .handOff(department: "Legal"), .departmentAnswered(department: "Legal", answer: "moving takes 5 working days"),
            .authorWrote("@NetVia and now?"), .close(defaultOutcome(kind)), .dismiss(.noFactsToOffer, note: ""),
            .goOn(reason: "no answer after two days"), .withdrawHandOff,
        ]
        let own: [FlowEvent] = switch kind {
        case .question: [send]
        case .complaint: [send, .investigated(solution: "the fault in your street was fixed at 14:00"),
                          .authorConfirmed, .takeEmailRoute, .emailHandled]
        case .positive: [send, .amplify(.like), .amplify(.retweet)]
        case .negative: [.respond, send]
        case .allegation: [.setPosition(samplePosition), send, .thought("facts first, no defence"), .draft,
                           .setSeverity(.high)]
        }
        return own + common
    }

    static func defaultOutcome(_ kind: MentionKind) -> Outcome {
        switch kind {
        case .question: .answered
        case .complaint: .resolved
        case .positive, .negative: .thanked
        case .allegation: .unresolved
        }
    }

    static func name(_ action: FlowAction) -> String {
        switch action {
        case .post(let reply): "post to \(reply.channel.rawValue)"
        case .amplify(let gesture): gesture.rawValue
        case .passOn(let department, _): "pass the original text on to \(department)"
        case .suggestAmbassador: "suggest as ambassador"
        case .guidance(let steps): "show escalation steps \(steps.map { String($0.rawValue) }.joined(separator: ","))"
        }
    }
}
