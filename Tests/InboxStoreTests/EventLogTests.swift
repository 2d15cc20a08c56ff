import Foundation
import InboxModel
import Testing
@testable import InboxStore

@Suite("Event log: append-only, sequence-guarded, state and outbox beside it")
struct EventLogTests {
    @Test("accepted events get 1, 2, 3 and the queue columns follow the flow")
    func appendAndDerive() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let number = try inbox.add([mention("1")])[0]
        try inbox.append(.classify(.question), to: number, seenSeq: 0, at: t(60))
        let sent = try inbox.append(.send(answer), to: number, seenSeq: 1, at: t(120))
        #expect(sent.seq == 2)
        let stored = try inbox.mention("1")
        #expect(stored.confirmedKind == .question)
        #expect(stored.phase == .running)
        #expect(stored.step == .at(.question, "answered"))
        #expect(stored.lastSeq == 2)
        let history = try inbox.history(of: number)
        #expect(history.map(\.seq) == [1, 2])
        #expect(history.map(\.agent) == ["alice", "alice"])
        #expect(history.map(\.event) == [.classify(.question), .send(answer)])
        #expect(history.map(\.at) == [t(60), t(120)])
    }

    @Test("two agents on one mention: the second append with the same sequence number fails and says who did what")
    func conflict() throws {
        let dir = try TemporaryDirectory()
        let alice = try Inbox(path: dir.database, agent: "alice")
        let bob = try Inbox(path: dir.database, agent: "bob")
        let number = try alice.add([mention("1")])[0]
        try alice.append(.classify(.question), to: number, seenSeq: 0, at: t(10))
        // Both opened it at seq 1; alice sends first.
        try alice.append(.send(answer), to: number, seenSeq: 1, at: t(20))
        #expect {
            try bob.append(.send(answer), to: number, seenSeq: 1, at: t(21))
        } throws: { error in
            guard case StoreError.conflict(let conflict) = error else { return false }
            return conflict.newer.map(\.agent) == ["alice"] && conflict.newer.map(\.event) == [.send(answer)]
                && conflict.description.contains("alice did send")
        }
        #expect(try alice.history(of: number).count == 2)
        #expect(try alice.outbox().count == 1)
    }

    @Test("a refused event writes nothing: no log entry, no state change, no outbox entry")
    func refusalWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let number = try inbox.add([mention("1")])[0]
        #expect {
            try inbox.append(.send(answer), to: number, seenSeq: 0, at: t(10))
        } throws: { error in
            guard case StoreError.refused(let refusal) = error else { return false }
            return refusal.reason == "classify it first"
        }
        #expect(try inbox.history(of: number).isEmpty)
        #expect(try inbox.mention("1").lastSeq == 0)
        #expect(try inbox.outbox().isEmpty)
    }

    @Test("a sent reply enters the outbox with its event, clears the draft, and ack delivers it once")
    func outbox() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let number = try inbox.add([mention("tw-9")])[0]
        try inbox.append(.classify(.question), to: number, seenSeq: 0, at: t(10))
        try inbox.saveDraft(answer.text, for: number, at: t(15))
        let sent = try inbox.append(.send(answer), to: number, seenSeq: 1, at: t(20))
        let entries = try inbox.outbox()
        #expect(entries.map(\.id) == sent.outbox)
        let entry = try #require(entries.first)
        #expect(entry.action == .reply && entry.text == answer.text && entry.channel == "twitter")
        #expect(entry.platformMentionID == "tw-9" && entry.authorHandle == "sanne" && entry.seq == 2)
        #expect(try inbox.draft(for: number) == nil)
        try inbox.acknowledge(outbox: entry.id, at: t(30))
        #expect(try inbox.outbox().isEmpty)
        #expect(try inbox.outbox(includeDelivered: true).first?.deliveredAt == t(30))
        #expect(throws: StoreError.alreadyDelivered(entry.id)) { try inbox.acknowledge(outbox: entry.id) }
        #expect(throws: StoreError.noSuchOutboxEntry(999)) { try inbox.acknowledge(outbox: 999) }
    }

    @Test("the flow folded from the stored log equals the flow the events built in memory")
    func replayMatches() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let number = try inbox.add([mention("1", text: "Jullie verkopen klantdata, oplichters!")])[0]
        let position = try inbox.savePosition(topic: "customer data", statement: "We do not sell customer data.")
        let events: [(FlowEvent, Date)] = [(.classify(.allegation), t(0)), (.note("check with legal"), t(5)),
                                           (.setPosition(position), t(30)), (.handOff(department: "Legal"), t(40))]
        let stored = try inbox.mention("1")
        var expected = MentionFlow(context: FlowContext(mention: stored.mention, openedAt: stored.clockFrom))
        for (seq, (event, at)) in events.enumerated() {
            try inbox.append(event, to: number, seenSeq: seq, at: at)
            _ = expected.handle(event, at: at)
        }
        #expect(try inbox.flow(of: number) == expected)
        #expect(try inbox.mention("1").step == expected.step)
    }
}
