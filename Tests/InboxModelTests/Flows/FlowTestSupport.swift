import Foundation
import Testing
@testable import InboxModel

/// The moment every flow test starts: a fixed date, so times read as offsets.
let t0 = Date(timeIntervalSince1970: 1_795_000_000)

/// `seconds` after `t0`.
func t(_ seconds: Int) -> Date { t0.addingTimeInterval(TimeInterval(seconds)) }

extension FlowContext {
    static let tweet = FlowContext(platform: .twitter, homeChannel: .twitter,
                                   originalText: "@NetVia al 3 dagen geen internet. Wanneer is dit opgelost?",
                                   authorHandle: "sanne_dekker")
    static let directMessage = FlowContext(platform: .twitter, homeChannel: .dm,
                                           originalText: "Kan ik mijn abonnement online overzetten?",
                                           authorHandle: "lbakker")
    static let facebookComment = FlowContext(platform: .facebook, homeChannel: .facebook,
                                             originalText: "Complimenten voor de winkel in Zwolle!",
                                             authorHandle: "fb_1002")
    static let returningFan = FlowContext(platform: .twitter, homeChannel: .twitter,
                                          originalText: "@NetVia weer top geholpen, bedankt!",
                                          authorHandle: "marieke", earlierPositiveMentions: 2)
}

let legalAnswer = "moving takes 5 working days"
let privacy = TeamPosition(id: "privacy", topic: "customer data", version: 1,
                           statement: "We do not sell customer data, to anyone.")

/// A reply for `purpose` from its English template, on `channel`, making the
/// purpose's moves unless `moves` says otherwise.
func reply(_ purpose: ReplyPurpose, on channel: ReplyChannel = .twitter, moves: Set<ReplyMove>? = nil) -> Reply {
    Reply(text: DefaultTemplates.template(for: purpose, style: .english).expanded(with: FlowGraph.sampleValues),
          channel: channel, moves: moves ?? purpose.moves)
}

/// One event handed to a flow and everything expected back.
struct TransitionCase: Sendable, CustomTestStringConvertible {
    /// The whole flow after an accepted event, apart from its context.
    struct Expected: Sendable {
        var phase: MentionFlow.Phase
        var actions: [FlowAction] = []
        var pendingHandOff: String? = nil
        var departmentAnswers: [MentionFlow.DepartmentAnswer] = []
        var notes: [MentionFlow.Note] = []
    }

    enum Outcome: Sendable {
        case accepted(Expected)
        /// Refused with exactly this reason (and offer), the flow unchanged.
        case refused(String, offer: FlowRefusal.Offer? = nil)
    }

    var name: String
    var context: FlowContext = .tweet
    /// Events that set the scene, at `spacing` seconds apart from t0; each must be accepted.
    var given: [FlowEvent]
    var spacing = 60
    var event: FlowEvent
    /// Seconds after t0; by default `spacing` after the last given event.
    var at: Int?
    var outcome: Outcome

    var testDescription: String { name }

    var time: Date { t(at ?? spacing * given.count) }

    /// The flow after the given events.
    func scene() -> MentionFlow {
        var flow = MentionFlow(context: context)
        for (index, event) in given.enumerated() {
            let decision = flow.handle(event, at: t(spacing * index))
            if let refusal = decision.refusal { Issue.record("\(name): given \(event.name) was refused: \(refusal)") }
        }
        return flow
    }
}

extension KindFlow {
    static func allegation(_ state: AllegationFlow.State, openedAt: Int = 0, wait: Int = 10,
                           position: TeamPosition? = privacy, severity: Severity? = nil) -> KindFlow {
        .allegation(AllegationFlow(state: state, openedAt: t(openedAt), wait: wait, position: position,
                                   severity: severity))
    }
}
