import Foundation
import InboxModel
import Testing
import TestSupport
@testable import InboxStore

@Suite("The queue read from SQLite is in the order QueueEntry.precedes defines")
struct QueueQueryTests {
    @Test("random mentions, kinds, channels, followers and arrivals: SQL order equals inQueueOrder()")
    func sameOrder() throws {
        var rng = SeededGenerator()
        let texts = ["Jullie zijn oplichters!", "al 3 dagen geen internet", "waardeloos, nooit meer",
                     "hoe kan ik mijn modem resetten?", "top geholpen, dank!", "zit op het terras"]
        for round in 0..<5 {
            let dir = try TemporaryDirectory()
            let inbox = try Inbox(path: dir.database, agent: "alice")
            let now = t(4 * 3600)
            var arrivals: [String: Date] = [:]
            for i in 0..<120 {
                let m = mention("r\(round)-\(i)", text: texts.randomElement(using: &rng)!, handle: "a\(i)",
                                followers: Int.random(in: 0...3_000_000, using: &rng),
                                channel: Bool.random(using: &rng) ? .directMessage : .publicMention)
                let arrival = t(Double(Int.random(in: 0...(4 * 3600), using: &rng)))
                arrivals[m.id] = arrival
                try inbox.add([m], arrivedAt: arrival)
            }
            let stored = try inbox.queue(now: now)
            let entries = stored.map { s in
                QueueEntry(id: s.key, kind: s.kind,
                           clock: ReactionClock(arrival: s.arrivedAt,
                                                allowed: inbox.deadlines.seconds(for: s.kind, on: s.mention.homeChannel),
                                                now: now).state,
                           followers: s.mention.author.followers, arrivedAt: s.arrivedAt)
            }
            #expect(stored.count == 120)
            #expect(entries.map(\.id) == entries.inQueueOrder().map(\.id), "seed \(SeededGenerator.seed), round \(round)")
            #expect(stored.allSatisfy { arrivals[$0.mention.id] == $0.arrivedAt })
        }
    }

    @Test("closed mentions leave the queue; --all brings them back; limit and offset page")
    func scopeAndPaging() throws {
        let dir = try TemporaryDirectory()
        let inbox = try Inbox(path: dir.database, agent: "alice")
        let numbers = try inbox.add((1...5).map { mention("\($0)", followers: $0 * 1000) })
        try inbox.append(.dismiss(.spam, note: ""), to: numbers[0], seenSeq: 0, at: t(1))
        #expect(try inbox.queue(now: t(2)).count == 4)
        #expect(try inbox.queue(scope: .all, now: t(2)).count == 5)
        let all = try inbox.queue(now: t(2)).map(\.number)
        #expect(try inbox.queue(limit: 2, offset: 1, now: t(2)).map(\.number) == Array(all[1...2]))
    }
}
