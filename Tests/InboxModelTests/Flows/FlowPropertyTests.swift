import Foundation
import Testing
import TestSupport
@testable import InboxModel

/// Random event sequences against every kind of flow: nothing traps, a refused
/// event changes nothing, no state is impossible, no allegation reply goes out
/// before the wait or without a team position, and folding the accepted events
/// (after a round trip through the log's JSON) gives the same flow back.
@Suite struct FlowPropertyTests {
    static let contexts: [FlowContext] = [.tweet, .directMessage, .facebookComment, .returningFan, AllegationTransitions.patient]

    @Test func randomEventSequencesKeepEveryPromise() throws {
        var random = SeededGenerator(seed: 10)
        var posts = 0, allegationPosts = 0
        for sequence in 0..<1_500 {
            let context = Self.contexts[sequence % Self.contexts.count]
            var flow = MentionFlow(context: context)
            var now = t0
            var log: [(event: FlowEvent, at: Date)] = []
            for _ in 0..<60 {
                now = now.addingTimeInterval(Double(Int.random(in: 0...6, using: &random)))
                let event = Self.randomEvent(for: flow, using: &random)
                let before = flow
                let decision = flow.handle(event, at: now)
                switch decision {
                case .refused(let refusal):
                    #expect(flow == before, "refused \(event.name) changed the flow")
                    #expect(!refusal.reason.isEmpty)
                case .accepted(let actions):
                    log.append((event, now))
                    for case .post(let reply) in actions {
                        posts += 1
                        if let problem = Self.postProblem(reply, before: before, at: now) {
                            Issue.record("sequence \(sequence): \(problem)")
                        }
                        if case .running(.allegation) = before.phase { allegationPosts += 1 }
                    }
                }
                if let problem = Self.impossibility(in: flow) { Issue.record("sequence \(sequence): \(problem)") }
            }
            let stored = try JSONDecoder().decode([StoredEvent].self, from: JSONEncoder().encode(log.map(StoredEvent.init)))
            let replayed = MentionFlow.replaying(stored.map { ($0.event, $0.at) }, context: context)
            #expect(replayed.refused.isEmpty)
            #expect(replayed.flow == flow)
        }
        // The generator must reach the interesting parts, or the promises were never tested.
        #expect(posts > 2_000)
        #expect(allegationPosts > 100)
    }

    /// An event as the store's log would keep it.
    struct StoredEvent: Codable {
        var event: FlowEvent
        var at: Date
        init(_ entry: (event: FlowEvent, at: Date)) { (event, at) = entry }
    }

    /// Why a reply that went out should not have, or nil.
    static func postProblem(_ reply: Reply, before: MentionFlow, at now: Date) -> String? {
        if !ReplyLength(of: reply.text, rules: reply.channel.rules()).isValid { return "an invalid reply went out" }
        if reply.channel != before.context.homeChannel && !(reply.channel == .email && before.kind == .complaint) {
            return "a reply went out on \(reply.channel) for a mention on \(before.context.homeChannel)"
        }
        guard case .running(.allegation(let allegation)) = before.phase else { return nil }
        if now < allegation.openedAt.addingTimeInterval(Double(HouseRules.minimumAllegationWait)) {
            return "an allegation reply went out \(now.timeIntervalSince(allegation.openedAt)) s after opening"
        }
        if now < allegation.openedAt.addingTimeInterval(Double(before.context.rules.allegationWait)) {
            return "an allegation reply went out before the house wait"
        }
        if allegation.position == nil { return "an allegation reply went out without a team position" }
        return nil
    }

    /// A description of what cannot be, or nil.
    static func impossibility(in flow: MentionFlow) -> String? {
        switch flow.phase {
        case .triage:
            return nil
        case .closed:
            return flow.pendingHandOff == nil ? nil : "closed while \(flow.pendingHandOff!) has the case"
        case .running(.question(let question)):
            if case .askingExpert(let department) = question.state, flow.pendingHandOff != department {
                return "asking \(department) but the hand-off is \(flow.pendingHandOff ?? "none")"
            }
            if flow.pendingHandOff != nil, case .askingExpert = question.state {} else if flow.pendingHandOff != nil {
                return "with \(flow.pendingHandOff!) but the question does not wait for it"
            }
            return nil
        case .running(.allegation(let allegation)):
            if allegation.wait < HouseRules.minimumAllegationWait { return "waits only \(allegation.wait) s" }
            if allegation.state != .calm && allegation.position == nil { return "past the position step without one" }
            return nil
        case .running(.negative(let negative)):
            return negative.round >= 1 ? nil : "round \(negative.round)"
        case .running(.complaint), .running(.positive):
            return nil
        }
    }

    /// Mostly what an agent (or a customer asked something) would do next, sometimes
    /// anything at all.
    static func randomEvent(for flow: MentionFlow, using random: inout SeededGenerator) -> FlowEvent {
        if flow.isWaitingForCustomer, Bool.random(using: &random) { return .authorWrote("daarom") }
        if Int.random(in: 0..<3, using: &random) == 0, let send = FlowGraph.expectedSend(in: flow) { return send }
        if Int.random(in: 0..<3, using: &random) == 0, let kind = flow.kind {
            return FlowGraph.events(for: kind, in: flow).randomElement(using: &random)!
        }
        let channels = ReplyChannel.allCases
        let texts = ["Hi Sanne, thanks! ^Mirjam", "We do not sell customer data, to anyone.", "WAT DENK JE ZELF EIGENLIJK WEL",
                     "Sorry!! We kijken ernaar.", "", "   ", String(repeating: "lang ", count: 40), "Hoi \u{1B}[31m"]
        let moves = Set((0..<Int.random(in: 0...3, using: &random)).map { _ in ReplyMove.allCases.randomElement(using: &random)! })
        let pool: [FlowEvent] = [
            .classify(MentionKind.allCases.randomElement(using: &random)!),
            .dismiss(DismissReason.allCases.randomElement(using: &random)!, note: Bool.random(using: &random) ? "" : "bot"),
            .handOff(department: ["Legal", "Billing", ""].randomElement(using: &random)!),
            .departmentAnswered(department: ["Legal", "Billing"].randomElement(using: &random)!, answer: "done"),
            .note("checked"), .authorWrote("en nu?"),
            .close([.resolved, .answered, .thanked, .unresolved, .noReply(.spam)].randomElement(using: &random)!),
            .send(Reply(text: texts.randomElement(using: &random)!, channel: channels.randomElement(using: &random)!, moves: moves)),
            .amplify(PlatformAction.allCases.randomElement(using: &random)!), .respond,
            .investigated(solution: Bool.random(using: &random) ? "fixed" : ""), .authorConfirmed, .takeEmailRoute,
            .emailHandled, .setPosition(Bool.random(using: &random) ? privacy : TeamPosition(id: "x", topic: "", version: 0, statement: "")),
            .think, .thought(Bool.random(using: &random) ? " " : "facts first"), .draft,
            .setSeverity(Severity.allCases.randomElement(using: &random)!),
            .goOn(reason: Bool.random(using: &random) ? "" : "no answer"), .withdrawHandOff,
        ]
        return pool.randomElement(using: &random)!
    }
}
