@testable import InboxModel

/// Allegation: count to ten, one team position, ask the motive and wait for it, think, draft, send, escalate.
enum AllegationTransitions {
    static func allegation(_ state: AllegationFlow.State, openedAt: Int = 0, wait: Int = 10,
                           position: TeamPosition? = privacy, severity: Severity? = nil) -> MentionFlow.Phase {
        .running(.allegation(state, openedAt: openedAt, wait: wait, position: position, severity: severity))
    }
    static let start: [FlowEvent] = [.classify(.allegation)]
    static let positioned = start + [.setPosition(privacy)]
    static let motiveAsked = positioned + [.send(reply(.askMotive))]
    static let motiveHeard = motiveAsked + [.authorWrote("Las het in de krant")]
    static let thought = motiveHeard + [.think]
    static let drafting = thought + [.draft]
    static let sent = drafting + [.send(reply(.allegationReply))]
    static let revised = TeamPosition(id: "privacy", topic: "customer data", version: 2,
                                      statement: "We never sold customer data; the report was wrong.")
    static let short = TeamPosition(id: "privacy", topic: "customer data", version: 3,
                                    statement: "We do not sell customer data, to anyone.",
                                    short: "Wij verkopen geen klantgegevens.")
    static let shortened = start + [.setPosition(short)]
    static var patient: FlowContext {
        var context = FlowContext.tweet
        context.rules.allegationWait = 30
        return context
    }

    static let cases: [TransitionCase] = [
        TransitionCase(name: "allegation: opening starts the count to ten", given: [], event: .classify(.allegation),
                       outcome: .accepted(.init(phase: allegation(.calm, position: nil)))),
        TransitionCase(name: "allegation: choose the position while counting", given: start, spacing: 1,
                       event: .setPosition(privacy), at: 2, outcome: .accepted(.init(phase: allegation(.calm)))),
        TransitionCase(name: "allegation: count to ten refuses an early reply", given: positioned, spacing: 1,
                       event: .send(reply(.askMotive)), at: 3, outcome: .refused("count to ten: 7 s left")),
        TransitionCase(name: "allegation: a longer house wait", context: patient, given: positioned, spacing: 1,
                       event: .send(reply(.askMotive)), at: 20, outcome: .refused("count to ten: 10 s left")),
        TransitionCase(name: "allegation: no reply without a position", given: start, event: .send(reply(.askMotive)),
                       outcome: .refused("set the team position first")),
        TransitionCase(name: "allegation: at ten seconds the motive may be asked", given: positioned, spacing: 1,
                       event: .send(reply(.askMotive)), at: 10,
                       outcome: .accepted(.init(phase: allegation(.motiveAsked), actions: [.post(reply(.askMotive))]))),
        TransitionCase(name: "allegation: the first reply asks where it comes from", given: positioned,
                       event: .send(reply(.askMotive, moves: [.statePosition])),
                       outcome: .refused("this reply must ask where it comes from")),
        TransitionCase(name: "allegation: no thinking during the count", given: positioned, spacing: 1, event: .think, at: 4,
                       outcome: .refused("count to ten: 6 s left")),
        TransitionCase(name: "allegation: no thinking before the position", given: start, event: .think,
                       outcome: .refused("set the team position first")),
        TransitionCase(name: "allegation: no thinking before asking the motive", given: positioned, event: .think,
                       outcome: .refused("ask the sender where it comes from first")),
        TransitionCase(name: "allegation: no drafting before asking the motive", given: positioned, event: .draft,
                       outcome: .refused("ask the sender where it comes from first")),
        TransitionCase(name: "allegation: asked for the motive, the flow waits for it", given: motiveAsked, event: .think,
                       outcome: .refused("wait for where it comes from, or go on with a reason")),
        TransitionCase(name: "allegation: no reply while waiting for the motive", given: motiveAsked,
                       event: .send(reply(.allegationReply)),
                       outcome: .refused("wait for where it comes from, or go on with a reason")),
        TransitionCase(name: "allegation: their answer comes in: think", given: motiveAsked,
                       event: .authorWrote("Las het in de krant"), outcome: .accepted(.init(phase: allegation(.motiveHeard)))),
        TransitionCase(name: "allegation: going on without their answer takes a reason", given: motiveAsked,
                       event: .goOn(reason: " "), outcome: .refused("say why you go on without their answer")),
        TransitionCase(name: "allegation: going on without their answer", given: motiveAsked,
                       event: .goOn(reason: "no answer after two hours; the story spreads"),
                       outcome: .accepted(.init(phase: allegation(.motiveHeard)))),
        TransitionCase(name: "allegation: nothing to go on from", given: positioned, event: .goOn(reason: "x"),
                       outcome: .refused("nothing waits for the customer's answer")),
        TransitionCase(name: "allegation: think, with the consideration", given: motiveHeard,
                       event: .thought("facts first, no defence"), outcome: .accepted(.init(phase: allegation(.thought)))),
        TransitionCase(name: "allegation: the consideration is written down", given: motiveHeard, event: .thought(" "),
                       outcome: .refused("write down, in a line, how you will respond")),
        TransitionCase(name: "allegation: think without a consideration, as logs before it had", given: motiveHeard,
                       event: .think, outcome: .accepted(.init(phase: allegation(.thought)))),
        TransitionCase(name: "allegation: no reply before thinking", given: motiveHeard, event: .send(reply(.allegationReply)),
                       outcome: .refused("think first: how to respond rationally, not emotionally")),
        TransitionCase(name: "allegation: no draft before thinking", given: motiveHeard, event: .draft,
                       outcome: .refused("think first: how to respond rationally, not emotionally")),
        TransitionCase(name: "allegation: thought once", given: thought, event: .think, outcome: .refused("already thought it through")),
        TransitionCase(name: "allegation: no reply before the draft", given: thought, event: .send(reply(.allegationReply)),
                       outcome: .refused("draft it carefully first")),
        TransitionCase(name: "allegation: draft", given: thought, event: .draft, outcome: .accepted(.init(phase: allegation(.drafting)))),
        TransitionCase(name: "allegation: drafting once", given: drafting, event: .draft, outcome: .refused("already drafting")),
        TransitionCase(name: "allegation: the reply states the position", given: drafting,
                       event: .send(reply(.allegationReply, moves: [.followUp])), outcome: .refused("this reply must state the team position")),
        TransitionCase(name: "allegation: no stacked exclamation marks", given: drafting,
                       event: .send(Reply(text: "Dat is echt niet waar!! \(privacy.statement)", channel: .twitter, moves: [.statePosition])),
                       outcome: .refused("keep it respectful: no stacked exclamation marks")),
        TransitionCase(name: "allegation: no shouting", given: drafting,
                       event: .send(Reply(text: "WE DO NOT SELL CUSTOMER DATA, to anyone.", channel: .twitter, moves: [.statePosition])),
                       outcome: .refused("keep it respectful: no shouting in capitals")),
        TransitionCase(name: "allegation: the reply carries the team position", given: drafting,
                       event: .send(Reply(text: "Hi Sanne, we are looking into it. Questions? Send us a DM. ^Mirjam",
                                          channel: .twitter, moves: [.statePosition])),
                       outcome: .refused("the reply must carry the team position: \"We do not sell customer data, to anyone.\"")),
        TransitionCase(name: "allegation: the refusal names the short form too", given: shortened + [.send(reply(.askMotive)),
                           .authorWrote("Las het"), .think, .draft],
                       event: .send(Reply(text: "Hi Sanne, we kijken ernaar. ^Mirjam", channel: .twitter, moves: [.statePosition])),
                       outcome: .refused("the reply must carry the team position: \"We do not sell customer data, to anyone.\" or \"Wij verkopen geen klantgegevens.\"")),
        TransitionCase(name: "allegation: the short form carries the position", given: shortened + [.send(reply(.askMotive)),
                           .authorWrote("Las het"), .think, .draft],
                       event: .send(Reply(text: "Hoi Sanne, wij verkopen geen klantgegevens. ^Mirjam", channel: .twitter,
                                          moves: [.statePosition])),
                       outcome: .accepted(.init(phase: allegation(.sent, position: short), actions: [.post(Reply(
                           text: "Hoi Sanne, wij verkopen geen klantgegevens. ^Mirjam", channel: .twitter,
                           moves: [.statePosition]))]))),
        TransitionCase(name: "allegation: the position in other spacing and case still counts", given: drafting,
                       event: .send(Reply(text: "WE do not sell customer data,  to anyone!  Any questions, Sanne? ^Mirjam",
                                          channel: .twitter, moves: [.statePosition])),
                       outcome: .accepted(.init(phase: allegation(.sent), actions: [.post(Reply(
                           text: "WE do not sell customer data,  to anyone!  Any questions, Sanne? ^Mirjam",
                           channel: .twitter, moves: [.statePosition]))]))),
        TransitionCase(name: "allegation: send", given: drafting, event: .send(reply(.allegationReply)),
                       outcome: .accepted(.init(phase: allegation(.sent), actions: [.post(reply(.allegationReply))]))),
        TransitionCase(name: "allegation: follow-ups after sending", given: sent, event: .send(reply(.escalationFollowUp)),
                       outcome: .accepted(.init(phase: allegation(.sent), actions: [.post(reply(.escalationFollowUp))]))),
        TransitionCase(name: "allegation: no new draft after sending", given: sent, event: .draft,
                       outcome: .refused("the reply was sent; write follow-ups directly")),
        TransitionCase(name: "allegation: severity switches on the ladder", given: motiveAsked, event: .setSeverity(.medium),
                       outcome: .accepted(.init(phase: allegation(.motiveAsked, severity: .medium),
                                                actions: [.guidance([.keepDialogueOpen, .keepAsking, .mistakesAreHuman, .admitMistake])]))),
        TransitionCase(name: "allegation: revise the team position", given: sent, event: .setPosition(revised),
                       outcome: .accepted(.init(phase: allegation(.sent, position: revised)))),
        TransitionCase(name: "allegation: a position needs a statement", given: start,
                       event: .setPosition(TeamPosition(id: "x", topic: "outage", version: 1, statement: " ")),
                       outcome: .refused("a team position needs a statement")),
        TransitionCase(name: "allegation: a short form says something", given: start,
                       event: .setPosition(TeamPosition(id: "x", topic: "outage", version: 1, statement: "Er is een storing.",
                                                        short: "  ")),
                       outcome: .refused("a team position's short form, when given, says something")),
        TransitionCase(name: "allegation: reopened, count to ten again with the same position", given: sent + [.close(.unresolved)],
                       event: .authorWrote("Jullie liegen nog steeds"), at: 500,
                       outcome: .accepted(.init(phase: allegation(.calm, openedAt: 500)))),
        TransitionCase(name: "allegation: reopened before a position was chosen", given: start + [.close(.unresolved)],
                       event: .authorWrote("En?"), at: 500,
                       outcome: .accepted(.init(phase: allegation(.calm, openedAt: 500, position: nil)))),
        TransitionCase(name: "allegation: retweeting belongs to positive remarks", given: start, event: .amplify(.retweet),
                       outcome: .refused("amplify is a step for positive remarks; this is an allegation")),
    ]
}
