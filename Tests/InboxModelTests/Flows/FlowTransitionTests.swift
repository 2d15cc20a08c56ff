import Foundation
import Testing
@testable import InboxModel

/// Every transition of every machine, refusals included, each asserted on the
/// whole resulting flow and its actions. The cases live in one table per kind
/// (files named `*Transitions.swift`); `everyTransitionFoundInTheCodeHasACase`
/// fails when a machine gains a transition nobody tested.
@Suite struct FlowTransitionTests {
    static let all = CommonTransitions.cases + QuestionTransitions.cases + ComplaintTransitions.cases
        + PositiveTransitions.cases + NegativeTransitions.cases + AllegationTransitions.cases

    @Test(arguments: all)
    func transition(_ example: TransitionCase) {
        var flow = example.scene()
        let before = flow
        let decision = flow.handle(example.event, at: example.time)
        switch example.outcome {
        case .accepted(let expected):
            #expect(decision == .accepted(expected.actions))
            // The turns and the clock are the case's business, tested in CaseStatusTests
            // and ResponseClockTests.
            let whole = MentionFlow(context: example.context, phase: expected.phase, notes: expected.notes,
                                    pendingHandOff: expected.pendingHandOff,
                                    departmentAnswers: expected.departmentAnswers, turns: flow.turns,
                                    clock: flow.clock)
            #expect(flow == whole)
        case .refused(let reason, let offer):
            #expect(decision == .refused(FlowRefusal(reason, offer: offer)))
            #expect(flow == before)
        }
    }

    /// Hand-off, close and dismiss work the same in every state every kind can
    /// reach (the table cases cover their refusals); severity in every allegation state.
    @Test(arguments: MentionKind.allCases)
    func commonEventsInEveryState(_ kind: MentionKind) {
        for (name, flow) in reachableFlows(kind) where !flow.isClosed && flow.pendingHandOff == nil {
            guard case .running(let machine) = flow.phase else { continue }
            var handedOff = flow
            #expect(handedOff.handle(.handOff(department: "Legal"), at: t(999))
                == .accepted([.passOn(department: "Legal", originalText: flow.context.originalText)]), "\(name)")
            #expect(handedOff.pendingHandOff == "Legal", "\(name)")
            var closed = flow
            #expect(closed.handle(.close(.unresolved), at: t(999)) == .accepted([]), "\(name)")
            #expect(closed == MentionFlow(context: flow.context, phase: .closed(.unresolved, resume: machine),
                                          notes: flow.notes, departmentAnswers: flow.departmentAnswers,
                                          turns: flow.turns, clock: closed.clock), "\(name)")
            var dismissed = flow
            #expect(dismissed.handle(.dismiss(.noFactsToOffer, note: ""), at: t(999)) == .accepted([]), "\(name)")
            #expect(dismissed.phase == .closed(.noReply(.noFactsToOffer), resume: machine), "\(name)")
            if case .allegation(let allegation) = machine {
                var serious = flow
                #expect(serious.handle(.setSeverity(.low), at: t(999)) == .accepted([.guidance([.keepDialogueOpen, .keepAsking])]))
                let expected = AllegationFlow(state: allegation.state, openedAt: allegation.openedAt,
                                              wait: allegation.wait, position: allegation.position, severity: .low)
                #expect(serious.phase == .running(.allegation(expected)), "\(name)")
            }
        }
    }

    @Test func everyTransitionFoundInTheCodeHasACase() {
        var covered = Set<String>()
        for example in Self.all {
            var flow = example.scene()
            let from = flow.step.code, label = FlowGraph.label(example.event, in: flow)
            if case .accepted = flow.handle(example.event, at: example.time) {
                covered.insert("\(from) --\(label)--> \(flow.step.code)")
            }
        }
        let common: Set<String> = ["hand-off", "close", "dismiss", "set-severity"]
        for kind in MentionKind.allCases {
            for transition in FlowGraph(kind: kind).transitions where !common.contains(transition.event) {
                let key = "\(transition.from) --\(transition.event)--> \(transition.to)"
                #expect(covered.contains(key), "no test case for \(key)")
            }
        }
    }
}

/// One flow for every state `kind` can reach, found as FlowGraph finds them.
func reachableFlows(_ kind: MentionKind) -> [(String, MentionFlow)] {
    var first = MentionFlow(context: FlowGraph.context)
    _ = first.handle(.classify(kind), at: t0)
    var found = [(first.step.code, first)]
    var queue = [first]
    while !queue.isEmpty {
        let flow = queue.removeFirst()
        for event in FlowGraph.events(for: kind, in: flow) {
            var next = flow
            if case .accepted = next.handle(event, at: t0.addingTimeInterval(60)),
               !found.contains(where: { $0.0 == next.step.code }) {
                found.append((next.step.code, next))
                queue.append(next)
            }
        }
    }
    return found
}
